package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.QuiverDateTimeException;
import dev.quiver.sql.types.DataTypes;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateFunctionTest extends ExpressionTestBase {

  private Object onDate(String name, String iso) {
    return eval(fn(name, col(0, DATE)), DATE, date(iso)).get(0);
  }

  @Test
  void calendarFieldsAroundLeapYears() {
    assertEquals(2024, onDate("year", "2024-02-29"));
    assertEquals(1, onDate("quarter", "2024-03-31"));
    assertEquals(2, onDate("quarter", "2024-04-01"));
    assertEquals(2, onDate("month", "2024-02-29"));
    assertEquals(29, onDate("dayofmonth", "2024-02-29"));
    assertEquals(60, onDate("dayofyear", "2024-02-29"));
    assertEquals(366, onDate("dayofyear", "2024-12-31"));
    assertEquals(365, onDate("dayofyear", "2023-12-31"));
    assertEquals(1, onDate("dayofweek", "2024-03-17"));
    assertEquals(7, onDate("dayofweek", "2024-03-16"));
    assertEquals(5, onDate("dayofweek", "1970-01-01"));
    assertEquals(1, onDate("weekofyear", "2024-01-01"));
    assertEquals(53, onDate("weekofyear", "2021-01-03"));
    assertEquals(52, onDate("weekofyear", "2023-01-01"));
    assertEquals(date("2024-02-29"), onDate("last_day", "2024-02-10"));
    assertEquals(date("2023-02-28"), onDate("last_day", "2023-02-10"));
    assertEquals(date("1900-02-28"), onDate("last_day", "1900-02-01"));
    assertEquals(-44, onDate("year", "-0044-03-15"));
  }

  @Test
  void fieldsMatchJavaTimeOverManyDays() {
    List<Object> days = new ArrayList<>();
    List<Object> years = new ArrayList<>();
    List<Object> weeks = new ArrayList<>();
    List<Object> dows = new ArrayList<>();
    List<Object> doys = new ArrayList<>();
    for (int d = -800_000; d < 800_000; d += 997) {
      LocalDate ld = LocalDate.ofEpochDay(d);
      days.add(d);
      years.add(ld.getYear());
      weeks.add(ld.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      dows.add(ld.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : ld.getDayOfWeek().getValue() + 1);
      doys.add(ld.getDayOfYear());
    }
    Object[] in = days.toArray();
    assertEquals(years, eval(fn("year", col(0, DATE)), DATE, in));
    assertEquals(weeks, eval(fn("weekofyear", col(0, DATE)), DATE, in));
    assertEquals(dows, eval(fn("dayofweek", col(0, DATE)), DATE, in));
    assertEquals(doys, eval(fn("dayofyear", col(0, DATE)), DATE, in));
  }

  @Test
  void timeOfDayInSessionZone() {
    long t = ts("2024-03-10 07:30:45.5");
    assertEquals(list(7, 30, 45), list(eval(fn("hour", col(0, TIMESTAMP)), TIMESTAMP, t).get(0),
        eval(fn("minute", col(0, TIMESTAMP)), TIMESTAMP, t).get(0),
        eval(fn("second", col(0, TIMESTAMP)), TIMESTAMP, t).get(0)));
    zone = ZoneId.of("America/New_York");
    // 07:30 UTC on the morning DST starts is 03:30 EDT.
    assertEquals(list(3, 22), eval(fn("hour", col(0, TIMESTAMP)), TIMESTAMP, t, ts("2024-03-10 03:59:59")));
    assertEquals(list(7), eval(fn("hour", col(0, DataTypes.TimestampNTZType)), DataTypes.TimestampNTZType, t));
    zone = ZoneId.of("UTC");
    assertEquals(list(23, 59, 59), list(eval(fn("hour", col(0, TIMESTAMP)), TIMESTAMP, -1L).get(0),
        eval(fn("minute", col(0, TIMESTAMP)), TIMESTAMP, -1L).get(0),
        eval(fn("second", col(0, TIMESTAMP)), TIMESTAMP, -1L).get(0)));
  }

  @Test
  void dayArithmetic() {
    assertEquals(list(date("2024-03-01"), null), eval(fn("date_add", col(0, DATE), lit(1)), DATE,
        date("2024-02-29"), null));
    assertEquals(list(date("2024-02-28")), eval(fn("date_sub", col(0, DATE), lit(2)), DATE, date("2024-03-01")));
    assertEquals(list(366, -1), eval(fn("datediff", col(0, DATE), col(1, DATE)),
        batch(vector(DATE, date("2025-01-01"), date("2024-01-01")), vector(DATE, date("2024-01-01"),
            date("2024-01-02")))));
    assertEquals(list(date("2024-02-29"), date("2023-02-28"), date("2024-03-31"), date("2023-12-31")),
        eval(fn("add_months", col(0, DATE), col(1, INT)), batch(vector(DATE, date("2024-01-31"),
            date("2024-02-29"), date("2024-03-31"), date("2024-01-31")), vector(INT, 1, -12, 0, -1))));
    assertEquals(date("2024-03-01"), eval1(fn("date_add", lit("2024-02-29"), lit(1))));
  }

  @Test
  void monthsBetweenFollowsSpark() {
    Expression e = fn("months_between", col(0, TIMESTAMP), col(1, TIMESTAMP));
    assertEquals(list(3.94959677, 1.0, -1.0, 0.5), eval(e, batch(
        vector(TIMESTAMP, ts("1997-02-28 10:30:00"), ts("2024-03-31 00:00:00"), ts("2024-02-29 00:00:00"),
            ts("2024-01-16 12:00:00")),
        vector(TIMESTAMP, ts("1996-10-30 00:00:00"), ts("2024-02-29 00:00:00"), ts("2024-03-31 00:00:00"),
            ts("2024-01-01 00:00:00")))));
    // Both month ends: whole months whatever the time of day.
    assertEquals(list(1.0), eval(e, batch(vector(TIMESTAMP, ts("2023-03-31 23:00:00")),
        vector(TIMESTAMP, ts("2023-02-28 01:00:00")))));
    assertEquals(3.94959677, eval1(fn("months_between", lit("1997-02-28 10:30:00"), lit("1996-10-30"))));
  }

  @Test
  void toDateAndToTimestamp() {
    assertEquals(list(date("2024-02-29"), null), eval(fn("to_date", col(0, STRING)), STRING, "2024-02-29 12:00",
        null));
    assertError("CAST_INVALID_INPUT", () -> eval(fn("to_date", col(0, STRING)), STRING, "2024-02-30"));
    assertEquals(list(date("2024-02-29")), eval(fn("to_date", col(0, TIMESTAMP)), TIMESTAMP,
        ts("2024-02-29 23:00:00")));
    assertEquals(list(date("2024-02-29")), eval(fn("to_date", col(0, DATE)), DATE, date("2024-02-29")));
    assertEquals(list(ts("2024-02-29 10:11:12")), eval(fn("to_timestamp", col(0, STRING)), STRING,
        "2024-02-29 10:11:12"));
  }

  @Test
  void parsingWithPatterns() {
    assertEquals(list(date("2024-02-29"), null), eval(fn("to_date_format", col(0, STRING), lit("dd/MM/yyyy")),
        STRING, "29/02/2024", null));
    assertEquals(list(date("2024-05-01")), eval(fn("to_date_format", col(0, STRING), lit("yyyy-MM")), STRING,
        "2024-05"));
    assertEquals(list(ts("2024-02-29 13:14:15")), eval(fn("to_timestamp_format", col(0, STRING),
        lit("yyyy-MM-dd HH:mm:ss")), STRING, "2024-02-29 13:14:15"));
    assertEquals(list(ts("2024-02-29 13:14:15")), eval(fn("to_timestamp_format", col(0, STRING),
        lit("yyyy-MM-dd hh:mm:ss a")), STRING, "2024-02-29 01:14:15 PM"));
    QuiverDateTimeException e = assertError("CANNOT_PARSE_TIMESTAMP", () -> eval(fn("to_date_format",
        col(0, STRING), lit("dd/MM/yyyy")), STRING, "30/02/2024"));
    assertTrue(e.getMessage().contains("30/02/2024") && e.getMessage().contains("try_to_timestamp"), e.getMessage());
    assertError("CANNOT_PARSE_TIMESTAMP", () -> eval(fn("to_timestamp_format", col(0, STRING),
        lit("yyyy-MM-dd")), STRING, "not a date"));
  }

  @Test
  void dateFormatInSessionZone() {
    long t = ts("2024-02-29 13:14:15.123");
    assertEquals(list("2024-02-29 13:14:15.123", null), eval(fn("date_format", col(0, TIMESTAMP),
        lit("yyyy-MM-dd HH:mm:ss.SSS")), TIMESTAMP, t, null));
    zone = ZoneId.of("Asia/Kolkata");
    assertEquals(list("Thu 29 Feb 2024 18:44"), eval(fn("date_format", col(0, TIMESTAMP), lit("EEE d MMM yyyy HH:mm")),
        TIMESTAMP, t));
    assertEquals(list("2024"), eval(fn("date_format", col(0, DATE), lit("yyyy")), DATE, date("2024-02-29")));
  }

  @Test
  void currentDateAndTimestampAreFixedPerQuery() {
    assertEquals(list(now, now), eval(fn("current_timestamp"), INT, 1, 2));
    assertEquals(list(date("2024-03-15"), date("2024-03-15")), eval(fn("current_date"), INT, 1, 2));
    zone = ZoneId.of("Pacific/Kiritimati");
    assertEquals(list(date("2024-03-16")), eval(fn("current_date"), INT, 1));
  }
}
