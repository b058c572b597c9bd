package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.Expression;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathFunctionTest extends ExpressionTestBase {

  private List<Object> d(Expression e, Object... values) {
    return eval(e, DOUBLE, values);
  }

  private static Expression x() {
    return col(0, DOUBLE);
  }

  @Test
  void roundIsHalfUpAndBroundHalfEven() {
    assertEquals(list(Double.NaN, null), d(fn("round", x(), lit(0)), Double.NaN, null));
    assertEquals(list(3.0, -3.0, 2.0), d(fn("round", x(), lit(0)), 2.5, -2.5, 1.5));
    assertEquals(list(0.13, 1.23), d(fn("round", x(), lit(2)), 0.125, 1.2345));
    assertEquals(list(2.0, -2.0, 2.0), d(fn("bround", x(), lit(0)), 2.5, -2.5, 1.5));
    assertEquals(list(0.12), d(fn("bround", x(), lit(2)), 0.125));
    assertEquals(list(1230.0), d(fn("round", x(), lit(-1)), 1234.5));
    assertEquals(list(130, -130, 0), eval(fn("round", col(0, INT), lit(-1)), INT, 125, -125, 4));
    assertEquals(list(120), eval(fn("bround", col(0, INT), lit(-1)), INT, 125));
    assertEquals(list(12), eval(fn("round", col(0, INT), lit(2)), INT, 12));
    assertError("ARITHMETIC_OVERFLOW", () -> eval(fn("round", col(0, INT), lit(-1)), INT, Integer.MAX_VALUE));
    assertEquals(list(dec("1.3"), dec("-1.3")), eval(fn("round", col(0, decimal(4, 2)), lit(1)), decimal(4, 2),
        dec("1.25"), dec("-1.25")));
    assertEquals(list(dec("1.2")), eval(fn("bround", col(0, decimal(4, 2)), lit(1)), decimal(4, 2), dec("1.25")));
    assertEquals(list(dec("10.0")), eval(fn("round", col(0, decimal(3, 2)), lit(1)), decimal(3, 2), dec("9.99")));
    assertEquals(list(dec("120")), eval(fn("round", col(0, decimal(5, 2)), lit(-1)), decimal(5, 2), dec("123.45")));
  }

  @Test
  void floorAndCeil() {
    assertEquals(list(1L, -2L, null), d(fn("floor", x()), 1.5, -1.5, null));
    assertEquals(list(2L, -1L), d(fn("ceil", x()), 1.5, -1.5));
    assertEquals(list(dec("-2"), dec("1")), eval(fn("floor", col(0, decimal(4, 2))), decimal(4, 2), dec("-1.01"),
        dec("1.99")));
    assertEquals(list(dec("2")), eval(fn("ceil", col(0, decimal(4, 2))), decimal(4, 2), dec("1.01")));
    assertEquals(list(5L), eval(fn("floor", col(0, INT)), INT, 5));
    assertEquals(list(Long.MAX_VALUE), d(fn("floor", x()), 1e30));
  }

  @Test
  void unaryDoubleFunctions() {
    assertEquals(list(3.0, Double.NaN, null), d(fn("sqrt", x()), 9.0, -1.0, null));
    assertEquals(list(-3.0), d(fn("cbrt", x()), -27.0));
    assertEquals(list(1.0), d(fn("exp", x()), 0.0));
    assertEquals(list(0.0, null, null), d(fn("ln", x()), 1.0, 0.0, -1.0));
    assertEquals(list(2.0, null), d(fn("log10", x()), 100.0, 0.0));
    assertEquals(list(3.0, null), d(fn("log2", x()), 8.0, -2.0));
    assertEquals(list(-1.0, 0.0, 1.0), d(fn("signum", x()), -5.0, 0.0, 2.0));
    assertEquals(list(8.0, null), eval(fn("pow", col(0, DOUBLE), lit(3.0)), DOUBLE, 2.0, null));
    assertEquals(list(2.0), eval(fn("sqrt", col(0, INT)), INT, 4));
  }

  @Test
  void isnanAndNanvl() {
    assertEquals(list(true, false, false), d(fn("isnan", x()), Double.NaN, 1.0, null));
    assertEquals(list(1.0, 0.0, null), d(fn("nanvl", x(), lit(0.0)), 1.0, Double.NaN, null));
    // The fallback is only evaluated for NaN rows.
    Expression fallback = arith(dev.quiver.planner.expressions.ArithmeticOp.DIVIDE, lit(1.0), col(1, DOUBLE));
    assertEquals(list(1.0, 0.5), eval(fn("nanvl", col(0, DOUBLE), fallback), batch(vector(DOUBLE, 1.0, Double.NaN),
        vector(DOUBLE, 0.0, 2.0))));
  }

  @Test
  void greatestAndLeastSkipNulls() {
    assertEquals(list(3, 2, null), eval(fn("greatest", col(0, INT), col(1, INT)),
        batch(vector(INT, 1, 2, null), vector(INT, 3, null, null))));
    assertEquals(list(1, 2, null), eval(fn("least", col(0, INT), col(1, INT)),
        batch(vector(INT, 1, 2, null), vector(INT, 3, null, null))));
    assertEquals(list(Double.NaN, -1.0), eval(fn("greatest", col(0, DOUBLE), col(1, DOUBLE)),
        batch(vector(DOUBLE, 1.0, -1.0), vector(DOUBLE, Double.NaN, null))));
    assertEquals(list("b"), eval(fn("greatest", col(0, STRING), lit("a"), lit("b")), STRING, "ab"));
    assertEquals(list(dec("2.50")), eval(fn("greatest", col(0, decimal(3, 2)), lit(dec("1.5"), decimal(2, 1))),
        decimal(3, 2), dec("2.50")));
    assertEquals(list(3L), eval(fn("greatest", col(0, INT), lit(3L)), INT, 2));
  }
}
