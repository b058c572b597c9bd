package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.QuiverException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Spark's datetime patterns on top of java.time, as Spark builds them: {@code u} (day of week in the old
 * SimpleDateFormat sense) becomes {@code e}, {@code y} becomes {@code u} so that years can be negative, the
 * parser is case-insensitive, ISO and STRICT, and fields a pattern does not mention default to 1970-01-01
 * 00:00:00 in the session time zone.
 */
final class DateTimeFormats {
  private DateTimeFormats() {}

  static String convert(String pattern) {
    boolean era = false;
    String[] parts = (pattern + " ").split("'", -1);
    for (int i = 0; i < parts.length; i += 2) {
      era |= parts[i].contains("G");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('\'');
      }
      String p = parts[i];
      if (i % 2 == 0) {
        p = p.replace('u', 'e');
        if (!era) {
          p = p.replace('y', 'u');
        }
      }
      sb.append(p);
    }
    return sb.substring(0, sb.length() - 1);
  }

  static DateTimeFormatter parser(String pattern) {
    try {
      return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(convert(pattern))
          .toFormatter(Locale.US).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw invalidPattern(pattern, e);
    }
  }

  static DateTimeFormatter formatter(String pattern) {
    try {
      return new DateTimeFormatterBuilder().appendPattern(convert(pattern)).toFormatter(Locale.US)
          .withChronology(IsoChronology.INSTANCE);
    } catch (IllegalArgumentException e) {
      throw invalidPattern(pattern, e);
    }
  }

  private static QuiverException invalidPattern(String pattern, IllegalArgumentException e) {
    return new QuiverException("INVALID_DATETIME_PATTERN", "Unrecognized datetime pattern: " + pattern + " ("
        + e.getMessage() + "). Use a pattern from the Spark datetime pattern reference.", "22007", e);
  }

  /** Microseconds of the instant the text describes; text without a zone is read in {@code zone}. */
  static long parseTimestamp(String text, DateTimeFormatter f, ZoneId zone) {
    try {
      TemporalAccessor t = f.parse(text);
      ZoneId parsedZone = t.query(TemporalQueries.zone());
      ZonedDateTime z = ZonedDateTime.of(localDate(t), localTime(t), parsedZone != null ? parsedZone : zone);
      return DateTimeValues.fromInstant(z.toInstant());
    } catch (DateTimeParseException e) {
      throw AnsiErrors.cannotParseTimestamp(e.getMessage());
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw AnsiErrors.cannotParseTimestamp("Text '" + text + "' could not be parsed: " + e.getMessage());
    }
  }

  private static int field(TemporalAccessor t, ChronoField f, int fallback) {
    return t.isSupported(f) ? t.get(f) : fallback;
  }

  private static LocalDate localDate(TemporalAccessor t) {
    LocalDate d = t.query(TemporalQueries.localDate());
    if (d != null) {
      return d;
    }
    int year = field(t, ChronoField.YEAR, 1970);
    if (t.isSupported(ChronoField.DAY_OF_YEAR)) {
      return LocalDate.ofYearDay(year, t.get(ChronoField.DAY_OF_YEAR));
    }
    return LocalDate.of(year, field(t, ChronoField.MONTH_OF_YEAR, 1), field(t, ChronoField.DAY_OF_MONTH, 1));
  }

  private static LocalTime localTime(TemporalAccessor t) {
    LocalTime lt = t.query(TemporalQueries.localTime());
    if (lt != null) {
      return lt;
    }
    int hour = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY)
        : field(t, ChronoField.HOUR_OF_AMPM, 0);
    return LocalTime.of(hour, field(t, ChronoField.MINUTE_OF_HOUR, 0), field(t, ChronoField.SECOND_OF_MINUTE, 0),
        field(t, ChronoField.NANO_OF_SECOND, 0));
  }
}
