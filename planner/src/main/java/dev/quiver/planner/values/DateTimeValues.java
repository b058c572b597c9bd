package dev.quiver.planner.values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Spark's text forms of dates and timestamps, as casts use them. Dates are days since 1970-01-01;
 * timestamps are microseconds since the epoch (UTC). Parsing returns null for malformed text so callers
 * choose between an ANSI error and null.
 */
public final class DateTimeValues {
  private DateTimeValues() {}

  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  /** {@code yyyy-MM-dd}, as cast(date as string). */
  public static String formatDate(int days) {
    LocalDate d = LocalDate.ofEpochDay(days);
    int year = d.getYear();
    if (year >= 0 && year <= 9999) {
      char[] c = new char[10];
      write4(c, 0, year);
      c[4] = '-';
      write2(c, 5, d.getMonthValue());
      c[7] = '-';
      write2(c, 8, d.getDayOfMonth());
      return new String(c);
    }
    return d.toString();
  }

  private static void write4(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 1000);
    c[at + 1] = (char) ('0' + v / 100 % 10);
    c[at + 2] = (char) ('0' + v / 10 % 10);
    c[at + 3] = (char) ('0' + v % 10);
  }

  private static void write2(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in {@code zone}, trailing zeros of the fraction dropped. */
  public static String formatTimestamp(long micros, ZoneId zone) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int micro = (int) Math.floorMod(micros, MICROS_PER_SECOND);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, micro * 1000, zone.getRules().getOffset(
        Instant.ofEpochSecond(seconds)));
    StringBuilder sb = new StringBuilder(26);
    sb.append(formatDate((int) t.toLocalDate().toEpochDay())).append(' ');
    appendTwo(sb, t.getHour()).append(':');
    appendTwo(sb, t.getMinute()).append(':');
    appendTwo(sb, t.getSecond());
    if (micro != 0) {
      String frac = String.format("%06d", micro);
      int end = 6;
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    return sb.toString();
  }

  private static StringBuilder appendTwo(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }

  public static LocalDate toLocalDate(int days) {
    return LocalDate.ofEpochDay(days);
  }

  public static int fromLocalDate(LocalDate d) {
    return Math.toIntExact(d.toEpochDay());
  }

  public static long fromInstant(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), MICROS_PER_SECOND), i.getNano() / 1000);
  }

  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  /** Days of the date a timestamp falls on in {@code zone}. */
  public static int timestampToDate(long micros, ZoneId zone) {
    return (int) toInstant(micros).atZone(zone).toLocalDate().toEpochDay();
  }

  /** Midnight of a date in {@code zone}, as a timestamp. */
  public static long dateToTimestamp(int days, ZoneId zone) {
    return fromInstant(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
  }

  /**
   * Spark's string-to-date cast: {@code yyyy}, {@code yyyy-[m]m}, {@code yyyy-[m]m-[d]d}, optionally followed
   * by a space or 'T' and anything; surrounding whitespace ignored. Null if malformed.
   */
  public static Integer parseDate(String s) {
    String t = s.strip();
    int n = t.length();
    int i = 0;
    int sign = 1;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      sign = t.charAt(i) == '-' ? -1 : 1;
      i++;
    }
    int[] parts = new int[] {0, 1, 1};
    for (int part = 0; part < 3; part++) {
      int start = i;
      int v = 0;
      while (i < n && Character.isDigit(t.charAt(i))) {
        v = v * 10 + (t.charAt(i) - '0');
        i++;
        if (i - start > 7) {
          return null;
        }
      }
      int digits = i - start;
      if (part == 0 ? digits < 4 : digits < 1 || digits > 2) {
        return null;
      }
      parts[part] = v;
      if (i == n) {
        break;
      }
      char c = t.charAt(i);
      if (part < 2 && c == '-') {
        i++;
        continue;
      }
      if (part == 2 && (c == ' ' || c == 'T')) {
        break;
      }
      return null;
    }
    try {
      return Math.toIntExact(LocalDate.of(sign * parts[0], parts[1], parts[2]).toEpochDay());
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * Spark's string-to-timestamp cast: a date as in {@link #parseDate}, then optionally ' ' or 'T' and
   * {@code HH[:mm[:ss[.f...]]]}, then an optional zone ({@code Z}, {@code +hh:mm}, a region id). Text
   * without a zone is read in {@code zone}. Null if malformed.
   */
  public static Long parseTimestamp(String s, ZoneId zone) {
    String t = s.strip();
    int sep = -1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == 'T' || c == ' ') {
        sep = i;
        break;
      }
    }
    String datePart = sep < 0 ? t : t.substring(0, sep);
    Integer days = parseDate(datePart);
    if (days == null || (sep < 0 && datePart.length() != t.length())) {
      return null;
    }
    if (sep < 0) {
      return fromInstant(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
    }
    String rest = t.substring(sep + 1).strip();
    int i = 0;
    int n = rest.length();
    int[] hms = new int[3];
    int nanos = 0;
    for (int part = 0; part < 3; part++) {
      int start = i;
      int v = 0;
      while (i < n && Character.isDigit(rest.charAt(i))) {
        v = v * 10 + (rest.charAt(i) - '0');
        i++;
      }
      if (i - start < 1 || i - start > 2) {
        return null;
      }
      hms[part] = v;
      if (i < n && rest.charAt(i) == ':' && part < 2) {
        i++;
        continue;
      }
      if (i < n && rest.charAt(i) == '.' && part == 2) {
        i++;
        int fs = i;
        long frac = 0;
        while (i < n && Character.isDigit(rest.charAt(i))) {
          if (i - fs < 9) {
            frac = frac * 10 + (rest.charAt(i) - '0');
          }
          i++;
        }
        int digits = Math.min(i - fs, 9);
        for (int k = digits; k < 9; k++) {
          frac *= 10;
        }
        nanos = (int) (frac / 1000 * 1000);
      }
      break;
    }
    String zonePart = rest.substring(i).strip();
    ZoneId z = zone;
    if (!zonePart.isEmpty()) {
      try {
        z = zonePart.equals("Z") ? ZoneOffset.UTC : ZoneId.of(zonePart);
      } catch (DateTimeException e) {
        return null;
      }
    }
    try {
      LocalDateTime ldt = LocalDateTime.of(LocalDate.ofEpochDay(days), LocalTime.of(hms[0], hms[1], hms[2], nanos));
      return fromInstant(ZonedDateTime.of(ldt, z).toInstant());
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }
}
