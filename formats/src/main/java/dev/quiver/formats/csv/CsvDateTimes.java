package dev.quiver.formats.csv;

import dev.quiver.planner.values.DateTimeValues;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How dates and timestamps are read, inferred and written for one set of CSV options, following Spark 4:
 * <ul>
 *   <li>dates are read with {@code dateFormat} (default {@code yyyy-MM-dd}, strict); when the user gave no
 *       {@code dateFormat} a value that does not match may still be one of the cast forms
 *       ({@code 2019-3-5}, {@code 2019-03-05 10:00});</li>
 *   <li>timestamps are read with {@code timestampFormat} when given, else in the cast forms
 *       ({@code 2024-01-15 10:30:00}, {@code 2024-01-15T10:30:00.123Z}, {@code 2024-01-15}); text without an
 *       offset is in the {@code timeZone} option's zone (default: the JVM's);</li>
 *   <li>schema inference takes a value as a date only if it matches the date pattern exactly, and as a
 *       timestamp if it is a cast form without a zone or matches the timestamp pattern (any cast form when
 *       there is none).</li>
 * </ul>
 * Parse methods throw {@link DateTimeException} for text that is not a valid value. Immutable.
 */
final class CsvDateTimes {
  private final DateTimePattern datePattern;
  private final DateTimePattern userTimestampPattern;
  private final DateTimePattern userNtzPattern;
  private final DateTimePattern timestampWritePattern;
  private final DateTimePattern ntzWritePattern;
  private final boolean dateFallback;
  private final boolean timestampFallback;
  private final ZoneId zone;

  CsvDateTimes(CsvOptions o) {
    zone = o.zone;
    datePattern = DateTimePattern.of(o.dateFormat == null ? CsvOptions.DEFAULT_DATE_FORMAT : o.dateFormat,
        "dateFormat");
    userTimestampPattern = o.timestampFormat == null ? null : DateTimePattern.of(o.timestampFormat,
        "timestampFormat");
    userNtzPattern = o.timestampNtzFormat == null ? null : DateTimePattern.of(o.timestampNtzFormat,
        "timestampNTZFormat");
    timestampWritePattern = userTimestampPattern != null ? userTimestampPattern
        : DateTimePattern.of(CsvOptions.DEFAULT_TIMESTAMP_WRITE_FORMAT, "timestampFormat");
    ntzWritePattern = userNtzPattern != null ? userNtzPattern
        : DateTimePattern.of(CsvOptions.DEFAULT_TIMESTAMP_NTZ_WRITE_FORMAT, "timestampNTZFormat");
    dateFallback = o.dateFallback();
    timestampFallback = o.timestampFallback();
  }

  int parseDate(String text) {
    try {
      return datePattern.parseDate(text);
    } catch (DateTimeException e) {
      if (dateFallback) {
        Integer days = DateTimeValues.parseDate(text);
        if (days != null) {
          return days;
        }
      }
      throw e;
    }
  }

  long parseTimestamp(String text) {
    if (userTimestampPattern != null) {
      try {
        return userTimestampPattern.parseTimestamp(text, zone);
      } catch (DateTimeException e) {
        if (timestampFallback) {
          Long micros = DateTimeValues.parseTimestamp(text, zone);
          if (micros != null) {
            return micros;
          }
        }
        throw e;
      }
    }
    Long micros = DateTimeValues.parseTimestamp(text, zone);
    if (micros == null) {
      throw new DateTimeException("'" + text + "' is not a timestamp");
    }
    return micros;
  }

  /** A wall-clock timestamp (timestamp_ntz), as microseconds of that wall-clock time in UTC. */
  long parseLocalTimestamp(String text) {
    if (userNtzPattern != null) {
      return userNtzPattern.parseLocalTimestamp(text);
    }
    Long micros = parseWithoutZone(text);
    if (micros == null) {
      throw new DateTimeException("'" + text + "' is not a timestamp without a time zone");
    }
    return micros;
  }

  /** Inference: whether the text is a date in exactly the date pattern (no fallback, as Spark infers). */
  boolean isDate(String text) {
    try {
      datePattern.parseDate(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Inference: whether the text is a timestamp, as Spark's CSV inference decides. */
  boolean isTimestamp(String text) {
    if (parseWithoutZone(text) != null) {
      return true;
    }
    if (userTimestampPattern == null) {
      return DateTimeValues.parseTimestamp(text, zone) != null;
    }
    try {
      userTimestampPattern.parseTimestamp(text, zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  String formatDate(int days) {
    return datePattern.formatDate(days);
  }

  String formatTimestamp(long micros) {
    return timestampWritePattern.formatTimestamp(micros, zone);
  }

  String formatLocalTimestamp(long micros) {
    return ntzWritePattern.formatLocalTimestamp(micros);
  }

  /**
   * A cast form that carries no zone, as micros of its wall-clock time in UTC; null otherwise. Text with a
   * zone names the same instant whatever the default zone is, so reading it in two zones tells the cases apart.
   */
  private static Long parseWithoutZone(String text) {
    Long utc = DateTimeValues.parseTimestamp(text, ZoneOffset.UTC);
    if (utc == null) {
      return null;
    }
    Long shifted = DateTimeValues.parseTimestamp(text, ZoneOffset.ofHours(1));
    return utc.equals(shifted) ? null : utc;
  }
}
