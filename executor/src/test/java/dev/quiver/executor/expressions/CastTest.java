package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverDateTimeException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.QuiverNumberFormatException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CastTest extends ExpressionTestBase {

  private List<Object> castAll(DataType from, DataType to, Object... values) {
    return eval(cast(col(0, from), to), from, values);
  }

  @Test
  void stringToIntegersFollowUtf8StringToLongExact() {
    assertEquals(list(123, -45, 7, 0, null, 2147483647, -2147483648),
        castAll(STRING, INT, " 123 ", "-45", "+7", "\t0\n", null, "2147483647", "-2147483648"));
    assertEquals(list(9223372036854775807L), castAll(STRING, LONG, "9223372036854775807"));
    assertEquals(list((short) -32768, (byte) 127), list(castAll(STRING, SHORT, "-32768").get(0),
        castAll(STRING, BYTE, "127").get(0)));
  }

  @Test
  void malformedOrOutOfRangeStringsAreInvalidInput() {
    QuiverNumberFormatException e = assertError("CAST_INVALID_INPUT", () -> castAll(STRING, INT, "12a"));
    assertTrue(e.getMessage().startsWith("[CAST_INVALID_INPUT] The value '12a' of the type \"STRING\" cannot be "
        + "cast to \"INT\" because it is malformed."), e.getMessage());
    // Spark's ANSI parser takes no decimal point, and out of range is malformed too.
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, INT, "1.5"));
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, INT, "2147483648"));
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, BYTE, "128"));
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, LONG, ""));
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, LONG, "-"));
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, LONG, "9223372036854775808"));
  }

  @Test
  void stringToFloatingPoint() {
    assertEquals(list(1.5, -2.0e10, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, 3.0), castAll(STRING, DOUBLE, " 1.5 ", "-2e10", "NaN", "Infinity", "-inf", "INF",
        "3"));
    assertEquals(list(0.25f), castAll(STRING, FLOAT, "0.25"));
    QuiverNumberFormatException e = assertError("CAST_INVALID_INPUT", () -> castAll(STRING, DOUBLE, "1.2.3"));
    assertTrue(e.getMessage().contains("\"DOUBLE\""), e.getMessage());
  }

  @Test
  void stringToDecimalRoundsAndChecksPrecision() {
    assertEquals(list(dec("12.35"), dec("-0.01"), dec("100.00")), castAll(STRING, decimal(5, 2), "12.345",
        "-0.005", " 1e2 "));
    assertError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", () -> castAll(STRING, decimal(5, 2), "1234.5"));
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, decimal(5, 2), "abc"));
  }

  @Test
  void stringToBoolean() {
    assertEquals(list(true, true, true, true, true, false, false, false, false, false),
        castAll(STRING, BOOL, "t", "TRUE", " y ", "Yes", "1", "f", "False", "N", "no", "0"));
    QuiverException e = assertError("CAST_INVALID_INPUT", () -> castAll(STRING, BOOL, "maybe"));
    assertTrue(e.getMessage().contains("'maybe'") && e.getMessage().contains("\"BOOLEAN\""), e.getMessage());
  }

  @Test
  void stringToDateAndTimestamp() {
    assertEquals(list(date("2024-02-29"), date("2024-03-01"), date("2024-01-01")),
        castAll(STRING, DATE, "2024-02-29", " 2024-3-1 ", "2024"));
    QuiverDateTimeException e = assertError("CAST_INVALID_INPUT", () -> castAll(STRING, DATE, "2023-02-29"));
    assertTrue(e.getMessage().contains("'2023-02-29'") && e.getMessage().contains("\"DATE\""), e.getMessage());
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, DATE, "yesterday"));
    assertEquals(list(ts("2024-01-02 03:04:05.678"), ts("2024-01-02 00:00:00")),
        castAll(STRING, TIMESTAMP, "2024-01-02 03:04:05.678", "2024-01-02"));
    zone = ZoneId.of("America/New_York");
    assertEquals(list(ts("2024-01-02 08:04:05")), castAll(STRING, TIMESTAMP, "2024-01-02T03:04:05"));
    assertEquals(list(ts("2024-01-02 03:04:05")), castAll(STRING, TIMESTAMP, "2024-01-02 03:04:05Z"));
    assertError("CAST_INVALID_INPUT", () -> castAll(STRING, TIMESTAMP, "2024-01-02 25:00"));
  }

  @Test
  void malformedValueInANullRowOrUnselectedRowIsNotAnError() {
    assertEquals(list(null, 5), eval(cast(col(0, STRING), INT), STRING, null, "5"));
  }

  @Test
  void numericNarrowingChecksRange() {
    assertEquals(list(5, -7), castAll(LONG, INT, 5L, -7L));
    QuiverArithmeticException e = assertError("CAST_OVERFLOW", () -> castAll(LONG, INT, 2147483648L));
    assertEquals("[CAST_OVERFLOW] The value 2147483648L of the type \"BIGINT\" cannot be cast to \"INT\" due to "
        + "an overflow. Use `try_cast` to tolerate overflow and return NULL instead. If necessary set "
        + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003", e.getMessage());
    assertError("CAST_OVERFLOW", () -> castAll(INT, SHORT, 40000));
    assertError("CAST_OVERFLOW", () -> castAll(INT, BYTE, -129));
    assertEquals(list((byte) -128), castAll(INT, BYTE, -128));
  }

  @Test
  void floatingToIntegralTruncatesAndRejectsNaN() {
    assertEquals(list(1, -1, 2147483647), castAll(DOUBLE, INT, 1.9, -1.9, 2147483647.5));
    assertError("CAST_OVERFLOW", () -> castAll(DOUBLE, INT, Double.NaN));
    assertError("CAST_OVERFLOW", () -> castAll(DOUBLE, INT, Double.POSITIVE_INFINITY));
    assertTrue(assertError("CAST_OVERFLOW", () -> castAll(DOUBLE, LONG, 1e19)).getMessage()
        .contains("1.0E19D"));
    assertEquals(list(3L), castAll(FLOAT, LONG, 3.99f));
    assertError("CAST_OVERFLOW", () -> castAll(DOUBLE, SHORT, 40000.0));
  }

  @Test
  void toAndFromDecimal() {
    assertEquals(list(dec("12.00"), null), castAll(INT, decimal(4, 2), 12, null));
    assertError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", () -> castAll(INT, decimal(4, 2), 100));
    assertEquals(list(dec("0.13"), dec("-1.00")), castAll(DOUBLE, decimal(4, 2), 0.125, -0.999));
    assertEquals(list((Object) null), castAll(DOUBLE, decimal(4, 2), Double.NaN));
    assertEquals(list(12, -12), castAll(decimal(5, 2), INT, dec("12.99"), dec("-12.99")));
    assertError("CAST_OVERFLOW", () -> castAll(decimal(12, 0), INT, dec("99999999999")));
    assertEquals(list(dec("1.3"), dec("-1.3")), castAll(decimal(5, 2), decimal(4, 1), dec("1.25"), dec("-1.25")));
    assertError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        () -> castAll(decimal(5, 2), decimal(3, 2), dec("99.99")));
    assertEquals(list(1.25), castAll(decimal(5, 2), DOUBLE, dec("1.25")));
    assertEquals(list(dec("12345678901234567890.5")), castAll(decimal(30, 2), decimal(25, 1),
        dec("12345678901234567890.45")));
  }

  @Test
  void booleansAndNumbers() {
    assertEquals(list(1, 0), castAll(BOOL, INT, true, false));
    assertEquals(list(true, false, true), castAll(DOUBLE, BOOL, 2.5, 0.0, Double.NaN));
    assertEquals(list(dec("1.0")), castAll(BOOL, decimal(2, 1), true));
  }

  @Test
  void numbersToStrings() {
    assertEquals(list("0", "-42", "9223372036854775807"), castAll(LONG, STRING, 0L, -42L, Long.MAX_VALUE));
    assertEquals(list("1.0E7", "85000.5", "NaN", "Infinity", "-0.0", "1.0E-4"),
        castAll(DOUBLE, STRING, 1.0e7, 85000.5, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0001));
    assertEquals(list("1.5"), castAll(FLOAT, STRING, 1.5f));
    assertEquals(list("85.0005", "1.0000", "-0.0500", "0.0000", null), castAll(decimal(10, 4), STRING,
        dec("85.0005"), dec("1.0000"), dec("-0.0500"), dec("0"), null));
    assertEquals(list("1.00", "-0.05"), castAll(decimal(10, 2), STRING, dec("1"), dec("-0.05")));
    assertEquals(list("123456789012345678901234.56"), castAll(decimal(30, 2), STRING,
        dec("123456789012345678901234.56")));
    assertEquals(list("true", "false"), castAll(BOOL, STRING, true, false));
  }

  @Test
  void datesAndTimestampsToStrings() {
    assertEquals(list("2024-02-29", "1969-12-31"), castAll(DATE, STRING, date("2024-02-29"), -1));
    assertEquals(list("2024-01-02 03:04:05", "2024-01-02 03:04:05.5", "2024-01-02 03:04:05.000123"),
        castAll(TIMESTAMP, STRING, ts("2024-01-02 03:04:05"), ts("2024-01-02 03:04:05.5"),
            ts("2024-01-02 03:04:05.000123")));
    zone = ZoneId.of("Asia/Tokyo");
    assertEquals(list("2024-01-02 12:04:05"), castAll(TIMESTAMP, STRING, ts("2024-01-02 03:04:05")));
    assertEquals(list("2024-01-02 03:04:05"), castAll(DataTypes.TimestampNTZType, STRING,
        ts("2024-01-02 03:04:05")));
  }

  @Test
  void binaryAndNestedToStrings() {
    assertEquals(list("héllo"), castAll(BINARY, STRING, (Object) "héllo".getBytes(StandardCharsets.UTF_8)));
    ArrayType arr = new ArrayType(INT, true);
    assertEquals(list("[1, null, 3]", "[]"), castAll(arr, STRING, list(1, null, 3), list()));
    MapType map = new MapType(STRING, DOUBLE, true);
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("a", 1.5);
    m.put("b", null);
    assertEquals(list("{a -> 1.5, b -> null}"), castAll(map, STRING, m));
    StructType st = StructType.fromDDL("x INT, y STRING, d DATE");
    assertEquals(list("{1, null, 2024-01-01}"), castAll(st, STRING, list(1, null, date("2024-01-01"))));
  }

  @Test
  void stringsToBinaryAndIntegersToBinary() {
    assertEquals("hi", new String((byte[]) castAll(STRING, BINARY, "hi").get(0), StandardCharsets.UTF_8));
    byte[] b = (byte[]) castAll(INT, BINARY, 258).get(0);
    assertEquals(list((byte) 0, (byte) 0, (byte) 1, (byte) 2), list(b[0], b[1], b[2], b[3]));
  }

  @Test
  void datesAndTimestamps() {
    assertEquals(list(ts("2024-03-01 00:00:00")), castAll(DATE, TIMESTAMP, date("2024-03-01")));
    assertEquals(list(date("2024-03-01"), date("1969-12-31")), castAll(TIMESTAMP, DATE,
        ts("2024-03-01 23:59:59"), ts("1969-12-31 23:00:00")));
    zone = ZoneId.of("America/Los_Angeles");
    assertEquals(list(ts("2024-03-01 08:00:00")), castAll(DATE, TIMESTAMP, date("2024-03-01")));
    assertEquals(list(date("2024-02-29")), castAll(TIMESTAMP, DATE, ts("2024-03-01 07:00:00")));
    assertEquals(list(ts("2024-03-01 00:00:00")), castAll(TIMESTAMP, DataTypes.TimestampNTZType,
        ts("2024-03-01 08:00:00")));
    assertEquals(list(ts("2024-07-01 07:00:00")), castAll(DataTypes.TimestampNTZType, TIMESTAMP,
        ts("2024-07-01 00:00:00")));
  }

  @Test
  void timestampsAndNumbersAreSeconds() {
    assertEquals(list(-1L, 1L), castAll(TIMESTAMP, LONG, -1L, 1_500_000L));
    assertEquals(list(1.5), castAll(TIMESTAMP, DOUBLE, 1_500_000L));
    assertEquals(list(2_000_000L), castAll(LONG, TIMESTAMP, 2L));
    assertEquals(list(1_500_000L), castAll(DOUBLE, TIMESTAMP, 1.5));
    assertError("CAST_INVALID_INPUT", () -> castAll(DOUBLE, TIMESTAMP, Double.NaN));
    assertError("CAST_OVERFLOW", () -> castAll(TIMESTAMP, INT, Long.MAX_VALUE));
  }

  @Test
  void nestedCastsElementByElement() {
    ArrayType from = new ArrayType(STRING, true);
    ArrayType to = new ArrayType(INT, true);
    assertEquals(list(list(1, null, 3), null, list()), castAll(from, to, list("1", null, "3"), null, list()));
    assertError("CAST_INVALID_INPUT", () -> castAll(from, to, list("x")));
    StructType sf = StructType.fromDDL("a STRING, b INT");
    StructType stt = StructType.fromDDL("a INT, b BIGINT");
    assertEquals(list(list(7, 8L), null), castAll(sf, stt, list("7", 8), null));
    assertError("CAST_INVALID_INPUT", () -> castAll(sf, stt, list("x", 8)));
    MapType mf = new MapType(STRING, INT, true);
    MapType mt = new MapType(STRING, DOUBLE, true);
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("a", 1);
    Map<Object, Object> expected = new LinkedHashMap<>();
    expected.put("a", 1.0);
    assertEquals(list(expected), castAll(mf, mt, m));
    MapType bad = new MapType(STRING, INT, true);
    Map<Object, Object> badValue = new LinkedHashMap<>();
    badValue.put("a", "oops");
    assertError("CAST_INVALID_INPUT", () -> castAll(new MapType(STRING, STRING, true), bad, badValue));
  }

  @Test
  void nullTypeAndIdentity() {
    assertEquals(list(null, null), eval(cast(lit(null, DataTypes.NullType), INT), INT, 1, 2));
    assertEquals(list(1, null), castAll(INT, INT, 1, null));
  }
}
