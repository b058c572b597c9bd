package dev.quiver.executor.expressions;

import static dev.quiver.planner.expressions.ComparisonOp.EQ;
import static dev.quiver.planner.expressions.ComparisonOp.GT;
import static dev.quiver.planner.expressions.ComparisonOp.GTE;
import static dev.quiver.planner.expressions.ComparisonOp.LT;
import static dev.quiver.planner.expressions.ComparisonOp.LTE;
import static dev.quiver.planner.expressions.ComparisonOp.NULL_SAFE_EQ;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComparisonTest extends ExpressionTestBase {

  private java.util.List<Object> all(ComparisonOp op, DataType t, Object[] left, Object[] right) {
    return eval(cmp(op, col(0, t), col(1, t)), batch(vector(t, left), vector(t, right)));
  }

  @Test
  void integersEveryOperator() {
    Object[] l = {1, 2, 3, null, 5};
    Object[] r = {2, 2, 2, 1, null};
    assertEquals(list(false, true, false, null, null), all(EQ, INT, l, r));
    assertEquals(list(true, false, false, null, null), all(LT, INT, l, r));
    assertEquals(list(true, true, false, null, null), all(LTE, INT, l, r));
    assertEquals(list(false, false, true, null, null), all(GT, INT, l, r));
    assertEquals(list(false, true, true, null, null), all(GTE, INT, l, r));
    assertEquals(list(false, true, false, false, false), all(NULL_SAFE_EQ, INT, l, r));
    assertEquals(list(true), all(NULL_SAFE_EQ, INT, new Object[] {null}, new Object[] {null}));
  }

  @Test
  void againstConstantsOnEitherSide() {
    assertEquals(list(false, true, true, null), eval(cmp(GT, col(0, LONG), lit(1L)), LONG, 1L, 2L, 3L, null));
    assertEquals(list(true, false, false, null), eval(cmp(GT, lit(2L), col(0, LONG)), LONG, 1L, 2L, 3L, null));
    assertEquals(list(null, null), eval(cmp(EQ, col(0, INT), lit(null, INT)), INT, 1, null));
    assertEquals(list(false, true), eval(cmp(NULL_SAFE_EQ, col(0, INT), lit(null, INT)), INT, 1, null));
  }

  @Test
  void doublesFollowSparkOrdering() {
    Object[] l = {Double.NaN, Double.NaN, 1.0, -0.0, Double.POSITIVE_INFINITY};
    Object[] r = {Double.NaN, 1.0, Double.NaN, 0.0, Double.NaN};
    assertEquals(list(true, false, false, true, false), all(EQ, DOUBLE, l, r));
    assertEquals(list(false, true, false, false, false), all(GT, DOUBLE, l, r));
    assertEquals(list(false, false, true, false, true), all(LT, DOUBLE, l, r));
    assertEquals(list(true, true, false, true, false), all(GTE, DOUBLE, l, r));
    assertEquals(list(true, false), eval(cmp(EQ, col(0, FLOAT), lit(Float.NaN, FLOAT)), FLOAT, Float.NaN, 1f));
  }

  @Test
  void doublesOrderNegativesZerosInfinitiesAndNaNsOnEveryPair() {
    // Every pair of these values, more than one 64-row word: the kernels compare order keys, not doubles.
    double[] values = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE, -0.0, 0.0,
        Double.MIN_VALUE, 0.05, 0.07, 24.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0xfff8000000000001L)};
    int pairs = values.length * values.length;
    Object[] l = new Object[pairs];
    Object[] r = new Object[pairs];
    for (int i = 0; i < pairs; i++) {
      l[i] = values[i / values.length];
      r[i] = values[i % values.length];
    }
    for (ComparisonOp op : new ComparisonOp[] {EQ, LT, LTE, GT, GTE}) {
      java.util.List<Object> expected = new java.util.ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        expected.add(sparkOrder(op, Double.compare((double) l[i] + 0.0, (double) r[i] + 0.0)));
      }
      assertEquals(expected, all(op, DOUBLE, l, r), op.toString());
    }
    // Against a constant on either side (a loop of its own): column op c, and c op column.
    Object[] column = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      column[i] = values[i];
    }
    for (double c : values) {
      for (ComparisonOp op : new ComparisonOp[] {EQ, LT, LTE, GT, GTE}) {
        java.util.List<Object> right = new java.util.ArrayList<>();
        java.util.List<Object> left = new java.util.ArrayList<>();
        for (double v : values) {
          right.add(sparkOrder(op, Double.compare(v + 0.0, c + 0.0)));
          left.add(sparkOrder(op, Double.compare(c + 0.0, v + 0.0)));
        }
        assertEquals(right, eval(cmp(op, col(0, DOUBLE), lit(c, DOUBLE)), DOUBLE, column), "x " + op + " " + c);
        assertEquals(left, eval(cmp(op, lit(c, DOUBLE), col(0, DOUBLE)), DOUBLE, column), c + " " + op + " x");
      }
    }
  }

  /** Spark's order of doubles is Double.compare's once -0.0 counts as 0.0. */
  private static boolean sparkOrder(ComparisonOp op, int c) {
    return switch (op) {
      case EQ, NULL_SAFE_EQ -> c == 0;
      case LT -> c < 0;
      case LTE -> c <= 0;
      case GT -> c > 0;
      case GTE -> c >= 0;
    };
  }

  @Test
  void stringsCompareAsUnsignedUtf8Bytes() {
    // 'é' (U+00E9, bytes C3 A9) sorts after 'z'; U+1F600 (F0..) after U+FFFD (EF BF BD); prefixes first.
    Object[] l = {"é", "abc", "ab", "\uFFFD", "same", ""};
    Object[] r = {"z", "abd", "abc", "\uD83D\uDE00", "same", "a"};
    assertEquals(list(true, false, false, false, false, false), all(GT, STRING, l, r));
    assertEquals(list(false, true, true, true, false, true), all(LT, STRING, l, r));
    assertEquals(list(false, false, false, false, true, false), all(EQ, STRING, l, r));
    assertEquals(list(true, false, null), eval(cmp(EQ, col(0, STRING), lit("héllo")), STRING, "héllo", "hello",
        null));
    assertEquals(list(false, true), eval(cmp(LT, lit("b"), col(0, STRING)), STRING, "a", "ba"));
    assertEquals(list(true, false), eval(cmp(LT, col(0, STRING), lit("b")), STRING, "a", "ba"));
  }

  @Test
  void binaryBooleansDatesTimestampsDecimals() {
    byte[] a = {(byte) 0xFF};
    byte[] b = {0x01, 0x02};
    assertEquals(list(true), all(GT, BINARY, new Object[] {a}, new Object[] {b}));
    assertEquals(list(true, false, false, false), all(LT, BOOL, new Object[] {false, true, false, true},
        new Object[] {true, false, false, true}));
    assertEquals(list(false, false, true, true), all(EQ, BOOL, new Object[] {false, true, false, true},
        new Object[] {true, false, false, true}));
    assertEquals(list(true, false), eval(cmp(LT, col(0, DATE), lit(date("2024-02-29"), DATE)), DATE,
        date("2024-02-28"), date("2024-03-01")));
    assertEquals(list(false, true), eval(cmp(GTE, col(0, TIMESTAMP), lit(ts("2024-01-01 00:00:00"), TIMESTAMP)),
        TIMESTAMP, ts("2023-12-31 23:59:59.999999"), ts("2024-01-01 00:00:00")));
    assertEquals(list(true, false, false), eval(cmp(LT, col(0, decimal(15, 2)), lit(dec("0.06"), decimal(15, 2))),
        decimal(15, 2), dec("0.05"), dec("0.06"), dec("0.07")));
    assertEquals(list(true, false), eval(cmp(LT, col(0, decimal(30, 2)), lit(dec("-1.00"), decimal(30, 2))),
        decimal(30, 2), dec("-12345678901234567890.00"), dec("12345678901234567890.00")));
  }

  @Test
  void arraysAndStructsByElement() {
    DataType arr = new ArrayType(INT, true);
    assertEquals(list(true, false, null), all(EQ, arr, new Object[] {list(1, 2), list(1, 2), null},
        new Object[] {list(1, 2), list(1, 3), list()}));
    assertEquals(list(true), all(LT, arr, new Object[] {list(1, 2)}, new Object[] {list(1, 2, 0)}));
    DataType st = StructType.fromDDL("a INT, b STRING");
    assertEquals(list(true, false), all(EQ, st, new Object[] {list(1, "x"), list(1, "x")},
        new Object[] {list(1, "x"), list(1, "y")}));
  }

  @Test
  void binaryValuesRoundTrip() {
    assertEquals(list(true), eval(cmp(EQ, col(0, BINARY), lit("hi".getBytes(StandardCharsets.UTF_8), BINARY)),
        BINARY, (Object) "hi".getBytes(StandardCharsets.UTF_8)));
  }
}
