package dev.quiver.executor.expressions;

import static dev.quiver.planner.expressions.ArithmeticOp.ADD;
import static dev.quiver.planner.expressions.ArithmeticOp.DIVIDE;
import static dev.quiver.planner.expressions.ArithmeticOp.INTEGRAL_DIVIDE;
import static dev.quiver.planner.expressions.ArithmeticOp.MULTIPLY;
import static dev.quiver.planner.expressions.ArithmeticOp.REMAINDER;
import static dev.quiver.planner.expressions.ArithmeticOp.SUBTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.sql.QuiverArithmeticException;
import org.junit.jupiter.api.Test;

class ArithmeticTest extends ExpressionTestBase {

  @Test
  void intArithmeticWithNullsAndConstants() {
    assertEquals(list(3, null, -1), eval(arith(ADD, col(0, INT), col(1, INT)),
        batch(vector(INT, 1, 5, 2), vector(INT, 2, null, -3))));
    assertEquals(list(11, null, 12), eval(arith(ADD, col(0, INT), lit(10)), INT, 1, null, 2));
    assertEquals(list(9, null, 8), eval(arith(SUBTRACT, lit(10), col(0, INT)), INT, 1, null, 2));
    assertEquals(list(-6, 0), eval(arith(MULTIPLY, col(0, INT), lit(-2)), INT, 3, 0));
    assertEquals(list(1, -1, 1, -1), eval(arith(REMAINDER, col(0, INT), col(1, INT)),
        batch(vector(INT, 7, -7, 7, -7), vector(INT, 3, 3, -3, -3))));
  }

  @Test
  void intOverflowRaisesSparksMessage() {
    QuiverArithmeticException e = assertError("ARITHMETIC_OVERFLOW",
        () -> eval(arith(ADD, col(0, INT), lit(1)), INT, 1, Integer.MAX_VALUE));
    assertEquals("[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL "
        + "instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003",
        e.getMessage());
    assertTrue(assertError("ARITHMETIC_OVERFLOW", () -> eval(arith(SUBTRACT, col(0, INT), lit(1)), INT,
        Integer.MIN_VALUE)).getMessage().contains("try_subtract"));
    assertTrue(assertError("ARITHMETIC_OVERFLOW", () -> eval(arith(MULTIPLY, col(0, INT), lit(2)), INT,
        1 << 30)).getMessage().contains("try_multiply"));
  }

  @Test
  void longOverflowRaises() {
    assertTrue(assertError("ARITHMETIC_OVERFLOW", () -> eval(arith(ADD, col(0, LONG), lit(1L)), LONG,
        Long.MAX_VALUE)).getMessage().contains("long overflow"));
    assertError("ARITHMETIC_OVERFLOW", () -> eval(arith(SUBTRACT, col(0, LONG), lit(1L)), LONG, Long.MIN_VALUE));
    assertError("ARITHMETIC_OVERFLOW", () -> eval(arith(MULTIPLY, col(0, LONG), col(0, LONG)), LONG,
        3_037_000_500L));
    assertEquals(list(9_223_372_030_926_249_001L), eval(arith(MULTIPLY, col(0, LONG), col(0, LONG)), LONG,
        3_037_000_499L));
  }

  @Test
  void overflowInANullRowIsNotAnError() {
    // The garbage behind a null may overflow; only valid rows are checked.
    assertEquals(list(null, 3), eval(arith(ADD, col(0, INT), col(1, INT)),
        batch(vector(INT, Integer.MAX_VALUE, 1), vector(INT, null, 2))));
  }

  @Test
  void unaryMinusAndAbsOverflow() {
    assertEquals(list(-5, 5, null), eval(new UnaryMinus(col(0, INT)), INT, 5, -5, null));
    assertTrue(assertError("ARITHMETIC_OVERFLOW", () -> eval(new UnaryMinus(col(0, INT)), INT,
        Integer.MIN_VALUE)).getMessage().startsWith("[ARITHMETIC_OVERFLOW] integer overflow. If necessary"));
    assertError("ARITHMETIC_OVERFLOW", () -> eval(new UnaryMinus(col(0, LONG)), LONG, Long.MIN_VALUE));
    assertEquals(list(5, 5, 0), eval(fn("abs", col(0, INT)), INT, 5, -5, 0));
    assertError("ARITHMETIC_OVERFLOW", () -> eval(fn("abs", col(0, INT)), INT, Integer.MIN_VALUE));
    assertError("ARITHMETIC_OVERFLOW", () -> eval(fn("abs", col(0, LONG)), LONG, Long.MIN_VALUE));
    assertEquals(list(2.5, 0.0), eval(fn("abs", col(0, DOUBLE)), DOUBLE, -2.5, -0.0));
    assertEquals(list(dec("1.50")), eval(fn("abs", col(0, decimal(3, 2))), decimal(3, 2), dec("-1.50")));
    assertEquals(list(dec("-1.50")), eval(new UnaryMinus(col(0, decimal(3, 2))), decimal(3, 2), dec("1.50")));
    assertEquals(list(-2.5f), eval(new UnaryMinus(col(0, FLOAT)), FLOAT, 2.5f));
  }

  @Test
  void doubleDivisionAndDivideByZero() {
    assertEquals(list(2.5, null), eval(arith(DIVIDE, col(0, DOUBLE), lit(2.0)), DOUBLE, 5.0, null));
    QuiverArithmeticException e = assertError("DIVIDE_BY_ZERO",
        () -> eval(arith(DIVIDE, col(0, DOUBLE), col(1, DOUBLE)), batch(vector(DOUBLE, 1.0), vector(DOUBLE, 0.0))));
    assertTrue(e.getMessage().contains("try_divide"));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(DIVIDE, col(0, DOUBLE), lit(-0.0)), DOUBLE, 1.0));
    // A zero divisor next to a null dividend is not evaluated.
    assertEquals(list((Object) null), eval(arith(DIVIDE, col(0, DOUBLE), col(1, DOUBLE)),
        batch(vector(DOUBLE, (Object) null), vector(DOUBLE, 0.0))));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(REMAINDER, col(0, DOUBLE), lit(0.0)), DOUBLE, 1.0));
    assertEquals(list(1.5), eval(arith(REMAINDER, col(0, DOUBLE), lit(2.0)), DOUBLE, 5.5));
  }

  @Test
  void integralDivideAndRemainderByZero() {
    assertEquals(list(3L, -3L, null), eval(arith(INTEGRAL_DIVIDE, col(0, LONG), lit(2L)), LONG, 7L, -7L, null));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(INTEGRAL_DIVIDE, col(0, LONG), lit(0L)), LONG, 7L));
    assertTrue(assertError("ARITHMETIC_OVERFLOW", () -> eval(arith(INTEGRAL_DIVIDE, col(0, LONG), lit(-1L)), LONG,
        Long.MIN_VALUE)).getMessage().contains("Overflow in integral divide"));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(REMAINDER, col(0, INT), lit(0)), INT, 7));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(REMAINDER, col(0, LONG), col(1, LONG)),
        batch(vector(LONG, 1L), vector(LONG, 0L))));
    assertEquals(list(0L), eval(arith(REMAINDER, col(0, LONG), lit(-1L)), LONG, Long.MIN_VALUE));
  }

  @Test
  void floatingPointNeverOverflows() {
    assertEquals(list(Double.POSITIVE_INFINITY), eval(arith(MULTIPLY, col(0, DOUBLE), lit(10.0)), DOUBLE,
        Double.MAX_VALUE));
    assertEquals(list(0.30000000000000004), eval(arith(ADD, col(0, DOUBLE), lit(0.2)), DOUBLE, 0.1));
    assertEquals(list(3.5f), eval(arith(ADD, col(0, FLOAT), col(1, FLOAT)),
        batch(vector(FLOAT, 1.25f), vector(FLOAT, 2.25f))));
  }

  @Test
  void smallIntegersOverflowWithOperands() {
    QuiverArithmeticException e = assertError("BINARY_ARITHMETIC_OVERFLOW",
        () -> eval(arith(ADD, col(0, BYTE), col(1, BYTE)), batch(vector(BYTE, (byte) 127), vector(BYTE, (byte) 1))));
    assertTrue(e.getMessage().contains("127S + 1S caused overflow"), e.getMessage());
    assertEquals(list((short) 300), eval(arith(MULTIPLY, col(0, SHORT), col(1, SHORT)),
        batch(vector(SHORT, (short) 30), vector(SHORT, (short) 10))));
  }

  @Test
  void decimalArithmetic() {
    // decimal(5,2) + decimal(4,3) -> decimal(7,3)
    assertEquals(list(dec("124.456"), null), eval(arith(ADD, col(0, decimal(5, 2)), col(1, decimal(4, 3))),
        batch(vector(decimal(5, 2), dec("123.45"), null), vector(decimal(4, 3), dec("1.006"), dec("1.000")))));
    assertEquals(list(dec("0.55")), eval(arith(SUBTRACT, lit(dec("1"), decimal(10, 0)), col(0, decimal(15, 2))),
        decimal(15, 2), dec("0.45")));
    // decimal(15,2) * decimal(16,2) -> decimal(32,4): 128-bit product.
    assertEquals(list(dec("99999999999999.9000")), eval(arith(MULTIPLY, col(0, decimal(15, 2)),
        col(1, decimal(16, 2))), batch(vector(decimal(15, 2), dec("9999999999999.99")),
        vector(decimal(16, 2), dec("10.00")))));
    // decimal(32,4) * decimal(16,2) -> decimal(38,6): a 128-bit by 64-bit product.
    assertEquals(list(dec("1234567890123456789012.346000")), eval(arith(MULTIPLY, col(0, decimal(32, 4)),
        col(1, decimal(16, 2))), batch(vector(decimal(32, 4), dec("123456789012345678901.2346")),
        vector(decimal(16, 2), dec("10.00")))));
    // decimal(20,10) * decimal(20,10) -> decimal(38,17) after precision loss: rounded HALF_UP.
    assertEquals(list(dec("1.52415787526596568")), eval(arith(MULTIPLY, col(0, decimal(20, 10)), col(0, decimal(20, 10))),
        decimal(20, 10), dec("1.2345678901")));
  }

  @Test
  void decimalDivisionRoundsHalfUp() {
    // decimal(3,0) / decimal(3,0) -> decimal(9,6)
    assertEquals(list(dec("0.666667"), dec("-0.666667")), eval(arith(DIVIDE, col(0, decimal(3, 0)),
        col(1, decimal(3, 0))), batch(vector(decimal(3, 0), dec("2"), dec("-2")),
        vector(decimal(3, 0), dec("3"), dec("3")))));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(DIVIDE, col(0, decimal(3, 0)), col(1, decimal(3, 0))),
        batch(vector(decimal(3, 0), dec("2")), vector(decimal(3, 0), dec("0")))));
    assertEquals(list(dec("1.5")), eval(arith(REMAINDER, col(0, decimal(3, 1)), col(1, decimal(3, 1))),
        batch(vector(decimal(3, 1), dec("5.5")), vector(decimal(3, 1), dec("2.0")))));
    assertEquals(list(2L), eval(arith(INTEGRAL_DIVIDE, col(0, decimal(3, 1)), col(1, decimal(3, 1))),
        batch(vector(decimal(3, 1), dec("5.5")), vector(decimal(3, 1), dec("2.0")))));
  }

  @Test
  void decimalOverflowRaisesNumericValueOutOfRange() {
    // decimal(38,0) + decimal(38,0) is decimal(38,0) after precision loss: 9.9e37 * 2 does not fit.
    String nines = "9".repeat(38);
    QuiverArithmeticException e = assertError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        () -> eval(arith(ADD, col(0, decimal(38, 0)), col(0, decimal(38, 0))), decimal(38, 0), dec(nines)));
    assertTrue(e.getMessage().contains("cannot be represented as Decimal(38, 0)"), e.getMessage());
    assertError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        () -> eval(arith(MULTIPLY, col(0, decimal(38, 0)), lit(dec("10"), decimal(2, 0))), decimal(38, 0),
            dec(nines)));
  }

  @Test
  void emptyBatch() {
    assertEquals(list(), eval(arith(ADD, col(0, INT), lit(1)), batch(vector(INT))));
  }
}
