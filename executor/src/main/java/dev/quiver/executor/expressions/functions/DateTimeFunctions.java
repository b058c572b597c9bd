package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Civil;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.QuiverDateTimeException;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.StringType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's unix_timestamp/to_unix_timestamp/from_unixtime, date_trunc/trunc, next_day, from/to_utc_timestamp,
 * make_date, dayname and monthname. Time zones are the session's unless a function names one; truncation
 * to days and longer happens in local time, as in Spark's DateTimeUtils.
 */
final class DateTimeFunctions {
  private DateTimeFunctions() {}

  /** Spark's truncation levels (DateTimeUtils.TRUNC_TO_*), in order. */
  private static final int MICROSECOND = 0;
  private static final int MILLISECOND = 1;
  private static final int SECOND = 2;
  private static final int MINUTE = 3;
  private static final int HOUR = 4;
  private static final int DAY = 5;
  private static final int WEEK = 6;
  private static final int MONTH = 7;
  private static final int QUARTER = 8;
  private static final int YEAR = 9;
  private static final int INVALID = -1;

  static void register(Map<String, FunctionFactory> r) {
    r.put("unix_timestamp", DateTimeFunctions::unixTimestamp);
    r.put("to_unix_timestamp", DateTimeFunctions::unixTimestamp);
    r.put("from_unixtime", DateTimeFunctions::fromUnixtime);
    r.put("date_trunc", DateTimeFunctions::dateTrunc);
    r.put("trunc", DateTimeFunctions::trunc);
    r.put("next_day", DateTimeFunctions::nextDay);
    r.put("to_utc_timestamp", (f, cc) -> utcConversion(f, cc, true));
    r.put("from_utc_timestamp", (f, cc) -> utcConversion(f, cc, false));
    r.put("make_date", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      try {
        out.setInt(i, (int) LocalDate.of(in.getInt(0, i), in.getInt(1, i), in.getInt(2, i)).toEpochDay());
      } catch (DateTimeException e) {
        throw new QuiverDateTimeException("DATETIME_FIELD_OUT_OF_BOUNDS", e.getMessage() + ". If necessary set "
            + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error.", "22023");
      }
    }));
    // dayname / monthname of a date: Mon..Sun, Jan..Dec (English, three letters).
    r.put("dayname", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setBytes(i, DAY_NAMES[DateFunctions.isoDayOfWeek(in.getInt(0, i))])));
    r.put("monthname", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setBytes(i, MONTH_NAMES[Civil.month(in.getInt(0, i))])));
  }

  // ------------------------------------------------------------------ unix time

  /**
   * Seconds since the epoch: of text parsed with the pattern (in the session time zone unless it names one;
   * unparseable text raises CANNOT_PARSE_TIMESTAMP under ANSI), of a date's local midnight, or of a
   * timestamp (microseconds divided by a million, truncating as Spark does).
   */
  private static Evaluator unixTimestamp(ScalarFunction f, ChildCompiler cc) {
    DataType t = f.args().get(0).dataType();
    FormatterCache patterns = new FormatterCache(true);
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      long micros;
      if (t instanceof StringType) {
        micros = DateTimeFormats.parseTimestamp(in.getString(0, i), patterns.get(in.getString(1, i)), ctx.timeZone());
      } else if (t instanceof DateType) {
        micros = DateTimeValues.dateToTimestamp(in.getInt(0, i), ctx.timeZone());
      } else {
        micros = in.getLong(0, i);
      }
      out.setLong(i, micros / DateTimeValues.MICROS_PER_SECOND);
    });
  }

  /** Seconds since the epoch as text in the pattern, in the session time zone. */
  private static Evaluator fromUnixtime(ScalarFunction f, ChildCompiler cc) {
    FormatterCache patterns = new FormatterCache(false);
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      long seconds = in.getLong(0, i);
      Instant instant = Instant.ofEpochSecond(seconds);
      DateTimeFormatter formatter = patterns.get(in.getString(1, i)).withZone(ctx.timeZone());
      try {
        out.setString(i, formatter.format(instant));
      } catch (DateTimeException e) {
        throw new QuiverDateTimeException("DATETIME_OVERFLOW", "Datetime operation overflow: " + seconds
            + " seconds since the epoch cannot be formatted (" + e.getMessage() + ").", "22008");
      }
    });
  }

  // ------------------------------------------------------------------ truncation

  /** Spark's DateTimeUtils.parseTruncLevel. */
  static int truncLevel(String format) {
    return switch (format.toUpperCase(Locale.ROOT)) {
      case "MICROSECOND" -> MICROSECOND;
      case "MILLISECOND" -> MILLISECOND;
      case "SECOND" -> SECOND;
      case "MINUTE" -> MINUTE;
      case "HOUR" -> HOUR;
      case "DAY", "DD" -> DAY;
      case "WEEK" -> WEEK;
      case "MON", "MONTH", "MM" -> MONTH;
      case "QUARTER" -> QUARTER;
      case "YEAR", "YYYY", "YY" -> YEAR;
      default -> INVALID;
    };
  }

  /** A date truncated to the week (Monday), month, quarter or year. */
  static int truncDate(int days, int level) {
    return switch (level) {
      case WEEK -> days - (DateFunctions.isoDayOfWeek(days) - 1);
      case MONTH -> Civil.days(Civil.year(days), Civil.month(days), 1);
      case QUARTER -> Civil.days(Civil.year(days), (Civil.month(days) - 1) / 3 * 3 + 1, 1);
      case YEAR -> Civil.days(Civil.year(days), 1, 1);
      default -> days;
    };
  }

  /** A timestamp truncated in {@code zone}: sub-second levels are zone-free, day and longer are local. */
  static long truncTimestamp(long micros, int level, ZoneId zone) {
    switch (level) {
      case MICROSECOND:
        return micros;
      case MILLISECOND:
        return micros - Math.floorMod(micros, 1000L);
      case SECOND:
        return micros - Math.floorMod(micros, DateTimeValues.MICROS_PER_SECOND);
      case MINUTE:
        return truncToUnit(micros, zone, ChronoUnit.MINUTES);
      case HOUR:
        return truncToUnit(micros, zone, ChronoUnit.HOURS);
      case DAY:
        return truncToUnit(micros, zone, ChronoUnit.DAYS);
      default:
        int days = DateTimeValues.timestampToDate(micros, zone);
        return DateTimeValues.dateToTimestamp(truncDate(days, level), zone);
    }
  }

  private static long truncToUnit(long micros, ZoneId zone, ChronoUnit unit) {
    if (zone instanceof ZoneOffset offset) {
      long unitMicros = unit.getDuration().toNanos() / 1000;
      long shift = offset.getTotalSeconds() * DateTimeValues.MICROS_PER_SECOND;
      long local = micros + shift;
      return local - Math.floorMod(local, unitMicros) - shift;
    }
    Instant truncated = DateTimeValues.toInstant(micros).atZone(zone).truncatedTo(unit).toInstant();
    return DateTimeValues.fromInstant(truncated);
  }

  /** date_trunc(fmt, ts): an unknown level gives null. */
  private static Evaluator dateTrunc(ScalarFunction f, ChildCompiler cc) {
    String[] lastFormat = new String[1];
    int[] level = new int[1];
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String format = in.getString(0, i);
      if (!format.equals(lastFormat[0])) {
        level[0] = truncLevel(format);
        lastFormat[0] = format;
      }
      if (level[0] == INVALID) {
        out.setNull(i);
      } else {
        out.setLong(i, truncTimestamp(in.getLong(1, i), level[0], ctx.timeZone()));
      }
    });
  }

  /** trunc(date, fmt): only week, month, quarter and year; other levels give null. */
  private static Evaluator trunc(ScalarFunction f, ChildCompiler cc) {
    String[] lastFormat = new String[1];
    int[] level = new int[1];
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String format = in.getString(1, i);
      if (!format.equals(lastFormat[0])) {
        level[0] = truncLevel(format);
        lastFormat[0] = format;
      }
      if (level[0] < WEEK) {
        out.setNull(i);
      } else {
        out.setInt(i, truncDate(in.getInt(0, i), level[0]));
      }
    });
  }

  // ------------------------------------------------------------------ next_day

  /** Spark's day-of-week numbering, Thursday (1970-01-01) = 0; -1 for text that names no day. */
  static int dayOfWeek(String text) {
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "SU", "SUN", "SUNDAY" -> 3;
      case "MO", "MON", "MONDAY" -> 4;
      case "TU", "TUE", "TUESDAY" -> 5;
      case "WE", "WED", "WEDNESDAY" -> 6;
      case "TH", "THU", "THURSDAY" -> 0;
      case "FR", "FRI", "FRIDAY" -> 1;
      case "SA", "SAT", "SATURDAY" -> 2;
      default -> -1;
    };
  }

  /** next_day(date, dow): the first later date on that day of the week; ILLEGAL_DAY_OF_WEEK under ANSI. */
  private static Evaluator nextDay(ScalarFunction f, ChildCompiler cc) {
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String text = in.getString(1, i);
      int dow = dayOfWeek(text);
      if (dow < 0) {
        throw new QuiverDateTimeException("ILLEGAL_DAY_OF_WEEK", "Illegal input for day of week: " + text + ".",
            "22009");
      }
      int start = in.getInt(0, i);
      out.setInt(i, start + 1 + Math.floorMod(dow - 1 - start, 7));
    });
  }

  // ------------------------------------------------------------------ from/to_utc_timestamp

  /** A zone ID as Spark accepts it (region IDs, offsets, and the short IDs such as PST). */
  static ZoneId zone(String id) {
    try {
      return ZoneId.of(id, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw new QuiverDateTimeException("INVALID_TIMEZONE", "The timezone: " + id + " is invalid. The timezone "
          + "must be either a region-based zone ID or a zone offset. Region IDs must have the form 'area/city', "
          + "such as 'America/Los_Angeles'. Zone offsets must be in the format '(+|-)HH', '(+|-)HH:mm' or "
          + "'(+|-)HH:mm:ss', e.g '-08', '+01:00' or '-13:33:33', and must be in the range from -18:00 to +18:00. "
          + "'Z' and 'UTC' are accepted as synonyms for '+00:00'.", "22009");
    }
  }

  /**
   * from_utc_timestamp(ts, tz): the wall-clock time of ts in tz, read as UTC. to_utc_timestamp(ts, tz): the
   * wall-clock time of ts in UTC, read as a time in tz (Spark's DateTimeUtils.convertTz).
   */
  private static Evaluator utcConversion(ScalarFunction f, ChildCompiler cc, boolean toUtc) {
    String[] lastId = new String[1];
    ZoneId[] lastZone = new ZoneId[1];
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String id = in.getString(1, i);
      if (!id.equals(lastId[0])) {
        lastZone[0] = zone(id);
        lastId[0] = id;
      }
      long micros = in.getLong(0, i);
      out.setLong(i, toUtc ? convert(micros, ZoneOffset.UTC, lastZone[0]) : convert(micros, lastZone[0],
          ZoneOffset.UTC));
    });
  }

  /** The instant whose wall-clock time in {@code to} is {@code micros}'s wall-clock time in {@code from}. */
  static long convert(long micros, ZoneId from, ZoneId to) {
    long seconds = Math.floorDiv(micros, DateTimeValues.MICROS_PER_SECOND);
    long fraction = Math.floorMod(micros, DateTimeValues.MICROS_PER_SECOND);
    LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, 0, from.getRules().getOffset(
        Instant.ofEpochSecond(seconds)));
    long converted = local.atZone(to).toEpochSecond();
    return converted * DateTimeValues.MICROS_PER_SECOND + fraction;
  }

  // ------------------------------------------------------------------ dayname / monthname

  private static final byte[][] DAY_NAMES = new byte[8][];
  private static final byte[][] MONTH_NAMES = new byte[13][];

  static {
    for (DayOfWeek d : DayOfWeek.values()) {
      DAY_NAMES[d.getValue()] = d.getDisplayName(TextStyle.SHORT, Locale.US).getBytes(
          java.nio.charset.StandardCharsets.US_ASCII);
    }
    for (Month m : Month.values()) {
      MONTH_NAMES[m.getValue()] = m.getDisplayName(TextStyle.SHORT, Locale.US).getBytes(
          java.nio.charset.StandardCharsets.US_ASCII);
    }
  }
}
