package dev.quiver.formats.csv;

import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.QuiverException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * A user's datetime pattern ({@code dateFormat}, {@code timestampFormat}) compiled the way Spark 3+ compiles it:
 * java.time letters, case-insensitive and strict parsing, {@code y} read as the proleptic year unless an era
 * {@code G} is present, runs of {@code S} accepting one to that many fraction digits when parsing, missing
 * fields defaulting to 1970-01-01 00:00:00, and an offset or zone in the text winning over the session zone.
 * Week-based letters are rejected as Spark 3+ rejects them. Immutable and thread-safe.
 */
final class DateTimePattern {
  private static final String WEEK_BASED_LETTERS = "YWwuec";

  private final String pattern;
  private final DateTimeFormatter parser;
  private final DateTimeFormatter printer;
  /** yyyy-MM-dd, the default date pattern, which has a fast path: it is parsed once per value of a column. */
  private final boolean isoDate;

  private DateTimePattern(String pattern, DateTimeFormatter parser, DateTimeFormatter printer) {
    this.pattern = pattern;
    this.parser = parser;
    this.printer = printer;
    this.isoDate = pattern.equals("yyyy-MM-dd") || pattern.equals("uuuu-MM-dd");
  }

  /** Compiles {@code pattern}, naming {@code option} in the error when it is not a valid pattern. */
  static DateTimePattern of(String pattern, String option) {
    try {
      String converted = convertIncompatible(pattern);
      DateTimeFormatter parser = finish(varLengthFractionBuilder(converted));
      DateTimeFormatter printer = finish(new DateTimeFormatterBuilder().appendPattern(converted));
      return new DateTimePattern(pattern, parser, printer);
    } catch (IllegalArgumentException e) {
      throw new QuiverException("The option '" + option + "' has an invalid datetime pattern '" + pattern + "': "
          + e.getMessage() + ". Use Java DateTimeFormatter letters, e.g. 'yyyy-MM-dd HH:mm:ss'.", e);
    }
  }

  String pattern() {
    return pattern;
  }

  /** Days since the epoch; throws {@link java.time.DateTimeException} when the text does not match. */
  int parseDate(String text) {
    if (isoDate && isPlainIsoDate(text)) {
      // Exactly what the strict formatter accepts for this shape, at a fraction of its cost.
      LocalDate d = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      return DateTimeValues.fromLocalDate(d);
    }
    return DateTimeValues.fromLocalDate(toLocalDate(parser.parse(text)));
  }

  /** {@code dddd-dd-dd}. */
  private static boolean isPlainIsoDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  /** Microseconds since the epoch; text without an offset or zone is read in {@code zone}. */
  long parseTimestamp(String text, ZoneId zone) {
    TemporalAccessor parsed = parser.parse(text);
    ZoneId parsedZone = parsed.query(TemporalQueries.zone());
    ZonedDateTime zdt = ZonedDateTime.of(toLocalDate(parsed), toLocalTime(parsed),
        parsedZone == null ? zone : parsedZone);
    return DateTimeValues.fromInstant(zdt.toInstant());
  }

  /** Microseconds of a wall-clock time read as UTC, ignoring any zone in the text (timestamp_ntz). */
  long parseLocalTimestamp(String text) {
    TemporalAccessor parsed = parser.parse(text);
    LocalDateTime ldt = LocalDateTime.of(toLocalDate(parsed), toLocalTime(parsed));
    return DateTimeValues.fromInstant(ldt.toInstant(java.time.ZoneOffset.UTC));
  }

  String formatDate(int days) {
    return printer.format(LocalDate.ofEpochDay(days));
  }

  String formatTimestamp(long micros, ZoneId zone) {
    return printer.format(DateTimeValues.toInstant(micros).atZone(zone));
  }

  String formatLocalTimestamp(long micros) {
    return printer.format(LocalDateTime.ofInstant(DateTimeValues.toInstant(micros), java.time.ZoneOffset.UTC));
  }

  private static DateTimeFormatter finish(DateTimeFormatterBuilder builder) {
    return builder.parseDefaulting(ChronoField.ERA, 1)
        .toFormatter(Locale.US)
        .withChronology(IsoChronology.INSTANCE)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Spark's pattern rewrite: outside quoted literals, reject week-based letters and read {@code y} as the
   * proleptic year {@code u} (so strict resolving needs no era) unless the pattern has an era.
   */
  private static String convertIncompatible(String pattern) {
    String[] parts = (pattern + " ").split("'", -1);
    boolean hasEra = false;
    for (int i = 0; i < parts.length; i += 2) {
      hasEra |= parts[i].indexOf('G') >= 0;
    }
    StringBuilder out = new StringBuilder(pattern.length());
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('\'');
      }
      String part = parts[i];
      if (i % 2 == 0) {
        for (int k = 0; k < part.length(); k++) {
          if (WEEK_BASED_LETTERS.indexOf(part.charAt(k)) >= 0) {
            throw new IllegalArgumentException("week-based pattern letter '" + part.charAt(k)
                + "' is not supported (as in Spark 3+)");
          }
        }
        out.append(hasEra ? part : part.replace('y', 'u'));
      } else {
        out.append(part);
      }
    }
    return out.substring(0, out.length() - 1);
  }

  /** A builder in which each run of {@code S} parses one to that many digits, as Spark's parser does. */
  private static DateTimeFormatterBuilder varLengthFractionBuilder(String pattern) {
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
    String[] parts = pattern.split("'", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i % 2 == 1) {
        // Inside quotes: a literal; an empty part is an escaped quote ('').
        builder.appendLiteral(part.isEmpty() ? "'" : part);
        continue;
      }
      int k = 0;
      while (k < part.length()) {
        int s = part.indexOf('S', k);
        if (s < 0) {
          builder.appendPattern(part.substring(k));
          break;
        }
        if (s > k) {
          builder.appendPattern(part.substring(k, s));
        }
        int e = s;
        while (e < part.length() && part.charAt(e) == 'S') {
          e++;
        }
        builder.appendFraction(ChronoField.NANO_OF_SECOND, 1, e - s, false);
        k = e;
      }
    }
    return builder;
  }

  private static LocalDate toLocalDate(TemporalAccessor t) {
    LocalDate date = t.query(TemporalQueries.localDate());
    if (date != null) {
      return date;
    }
    return LocalDate.of(getOrDefault(t, ChronoField.YEAR, 1970), getOrDefault(t, ChronoField.MONTH_OF_YEAR, 1),
        getOrDefault(t, ChronoField.DAY_OF_MONTH, 1));
  }

  private static LocalTime toLocalTime(TemporalAccessor t) {
    LocalTime time = t.query(TemporalQueries.localTime());
    if (time != null) {
      return time;
    }
    int hour;
    if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
      hour = t.get(ChronoField.HOUR_OF_DAY);
    } else if (t.isSupported(ChronoField.HOUR_OF_AMPM)) {
      // No am/pm marker in the pattern: Spark assumes am.
      hour = t.get(ChronoField.HOUR_OF_AMPM);
    } else {
      hour = 0;
    }
    return LocalTime.of(hour, getOrDefault(t, ChronoField.MINUTE_OF_HOUR, 0),
        getOrDefault(t, ChronoField.SECOND_OF_MINUTE, 0), getOrDefault(t, ChronoField.NANO_OF_SECOND, 0));
  }

  private static int getOrDefault(TemporalAccessor t, ChronoField field, int defaultValue) {
    return t.isSupported(field) ? t.get(field) : defaultValue;
  }
}
