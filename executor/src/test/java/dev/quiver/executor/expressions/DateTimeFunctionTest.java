package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * unix_timestamp/from_unixtime, date_trunc/trunc, next_day, UTC conversions, make_date, dayname and monthname,
 * with the examples of Spark's datetime function reference.
 */
class DateTimeFunctionTest extends ExpressionTestBase {

  @Test
  void unixTimeUsesTheSessionTimeZone() {
    zone = ZoneId.of("America/Los_Angeles");
    assertEquals(1460098800L, eval1(fn("unix_timestamp", lit("2016-04-08"), lit("yyyy-MM-dd"))));
    assertEquals("1969-12-31 16:00:00", eval1(fn("from_unixtime", lit(0L), lit("yyyy-MM-dd HH:mm:ss"))));
    assertEquals(list(1460098800L, null), eval(fn("unix_timestamp", col(0, DATE), lit("yyyy-MM-dd")), DATE,
        date("2016-04-08"), null));
    // Under ANSI mode text that does not match the pattern is an error, as in Spark 4.
    assertError("CANNOT_PARSE_TIMESTAMP", () -> eval(fn("unix_timestamp", col(0, STRING), lit("yyyy-MM-dd")), STRING,
        "not a date"));
  }

  @Test
  void dateTruncKeepsTheTimestampUpToTheUnit() {
    long t = ts("2015-03-05 09:32:05.359");
    assertEquals(list(ts("2015-01-01 00:00:00")), eval(fn("date_trunc", lit("YEAR"), col(0, TIMESTAMP)), TIMESTAMP, t));
    assertEquals(list(ts("2015-03-01 00:00:00")), eval(fn("date_trunc", lit("MM"), col(0, TIMESTAMP)), TIMESTAMP, t));
    assertEquals(list(ts("2015-03-05 00:00:00")), eval(fn("date_trunc", lit("DD"), col(0, TIMESTAMP)), TIMESTAMP, t));
    assertEquals(list(ts("2015-03-05 09:00:00")), eval(fn("date_trunc", lit("HOUR"), col(0, TIMESTAMP)), TIMESTAMP,
        t));
    assertEquals(list(ts("2015-03-05 09:32:05.123")), eval(fn("date_trunc", lit("MILLISECOND"), col(0, TIMESTAMP)),
        TIMESTAMP, ts("2015-03-05 09:32:05.123456")));
    assertEquals(list(ts("2015-03-02 00:00:00")), eval(fn("date_trunc", lit("WEEK"), col(0, TIMESTAMP)), TIMESTAMP,
        t), "weeks start on Monday");
    assertEquals(list(ts("2015-01-01 00:00:00")), eval(fn("date_trunc", lit("QUARTER"), col(0, TIMESTAMP)),
        TIMESTAMP, t));
    assertEquals(list((Object) null), eval(fn("date_trunc", lit("EON"), col(0, TIMESTAMP)), TIMESTAMP, t));
  }

  @Test
  void truncOfDates() {
    assertEquals(list(date("2019-07-29")), eval(fn("trunc", col(0, DATE), lit("week")), DATE, date("2019-08-04")));
    assertEquals(list(date("2019-07-01")), eval(fn("trunc", col(0, DATE), lit("quarter")), DATE,
        date("2019-08-04")));
    assertEquals(list(date("2009-02-01"), null), eval(fn("trunc", col(0, DATE), lit("MM")), DATE,
        date("2009-02-12"), null));
    assertEquals(list(date("2015-01-01")), eval(fn("trunc", col(0, DATE), lit("YEAR")), DATE, date("2015-10-27")));
    assertEquals(list((Object) null), eval(fn("trunc", col(0, DATE), lit("DD")), DATE, date("2015-10-27")),
        "trunc has no day unit");
  }

  @Test
  void nextDayAndNames() {
    assertEquals(list(date("2015-01-20"), null), eval(fn("next_day", col(0, DATE), lit("TU")), DATE,
        date("2015-01-14"), null));
    assertEquals(list(date("2015-01-21")), eval(fn("next_day", col(0, DATE), lit("Wednesday")), DATE,
        date("2015-01-14")), "the same weekday is a week later");
    assertError("ILLEGAL_DAY_OF_WEEK", () -> eval(fn("next_day", col(0, DATE), lit("xx")), DATE, date("2015-01-14")));
    assertEquals(list("Wed"), eval(fn("dayname", col(0, DATE)), DATE, date("2008-02-20")));
    assertEquals(list("Feb"), eval(fn("monthname", col(0, DATE)), DATE, date("2008-02-20")));
  }

  @Test
  void utcConversionsShiftByTheZonesOffset() {
    long midnight = ts("2016-08-31 00:00:00");
    assertEquals(list(ts("2016-08-30 15:00:00")), eval(fn("to_utc_timestamp", col(0, TIMESTAMP), lit("Asia/Seoul")),
        TIMESTAMP, midnight));
    assertEquals(list(ts("2016-08-31 09:00:00")), eval(fn("from_utc_timestamp", col(0, TIMESTAMP),
        lit("Asia/Seoul")), TIMESTAMP, midnight));
    assertError("INVALID_TIMEZONE", () -> eval(fn("from_utc_timestamp", col(0, TIMESTAMP), lit("Mars/Olympus")),
        TIMESTAMP, midnight));
  }

  @Test
  void makeDateChecksItsFields() {
    assertEquals(date("2013-07-15"), eval1(fn("make_date", lit(2013), lit(7), lit(15))));
    assertEquals(list(date("2020-02-29"), null), eval(fn("make_date", lit(2020), lit(2), col(0, INT)), INT, 29,
        null));
    assertError("DATETIME_FIELD_OUT_OF_BOUNDS", () -> eval1(fn("make_date", lit(2019), lit(13), lit(1))));
  }
}
