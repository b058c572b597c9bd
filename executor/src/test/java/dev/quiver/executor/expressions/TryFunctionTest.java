package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The try_* functions: the row that would raise Spark's ANSI error is null, the others are as the operator's. */
class TryFunctionTest extends ExpressionTestBase {

  private Object ints(String name, int a, int b) {
    return eval(fn(name, col(0, INT), col(1, INT)), batch(vector(INT, a), vector(INT, b))).get(0);
  }

  @Test
  void tryAddSubtractMultiplyAreNullOnOverflow() {
    assertEquals(1997, ints("try_add", 1982, 15));
    assertEquals(null, ints("try_add", Integer.MAX_VALUE, 1));
    assertEquals(null, ints("try_subtract", Integer.MIN_VALUE, 1));
    assertEquals(6, ints("try_multiply", 2, 3));
    assertEquals(null, ints("try_multiply", Integer.MIN_VALUE, 10));
    assertEquals(list(2L, null, null), eval(fn("try_add", col(0, LONG), lit(1L)), LONG, 1L, Long.MAX_VALUE, null));
    // The operator itself raises where its try_ form gives null.
    assertError("ARITHMETIC_OVERFLOW", () -> eval(arith(ArithmeticOp.ADD, col(0, INT), lit(1)), INT,
        Integer.MAX_VALUE));
  }

  @Test
  void tryDivideAndTryModAreNullForAZeroDivisor() {
    assertEquals(1.5, ints("try_divide", 3, 2));
    assertEquals(null, ints("try_divide", 1, 0));
    assertEquals(DOUBLE, fn("try_divide", col(0, INT), col(1, INT)).dataType());
    assertEquals(list(0, 1, null), eval(fn("try_mod", col(0, INT), col(1, INT)),
        batch(vector(INT, 6000, 3, 1234), vector(INT, 15, 2, 0))));
    assertEquals(list(1.0, null), eval(fn("try_mod", col(0, DOUBLE), lit(2.0)), DOUBLE, 3.0, null));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(ArithmeticOp.DIVIDE, col(0, DOUBLE), lit(0.0)), DOUBLE, 1.0));
    assertError("DIVIDE_BY_ZERO", () -> eval(arith(ArithmeticOp.REMAINDER, col(0, INT), lit(0)), INT, 1));
  }

  @Test
  void tryAddAndSubtractMoveDatesByDays() {
    Expression later = fn("try_add", col(0, DATE), lit(1));
    assertEquals(DATE, later.dataType());
    assertEquals(list(date("2015-10-01"), null), eval(later, DATE, date("2015-09-30"), null));
    assertEquals(list(date("2015-10-01")), eval(fn("try_add", lit(1), col(0, DATE)), DATE, date("2015-09-30")));
    assertEquals(list(date("2021-01-01")), eval(fn("try_subtract", col(0, DATE), lit(1)), DATE, date("2021-01-02")));
  }

  @Test
  void tryArithmeticOnDecimalsIsNullWhenTheResultDoesNotFit() {
    DecimalType d = decimal(38, 0);
    BigDecimal max = new BigDecimal("9".repeat(38));
    Expression times = fn("try_multiply", col(0, d), lit(10));
    assertEquals(list(new BigDecimal("20"), null), eval(times, d, dec("2"), max));
    assertEquals(list((Object) null), eval(fn("try_add", col(0, d), col(0, d)), d, max));
    assertEquals(list((Object) null), eval(fn("try_divide", col(0, d), lit(0)), d, dec("5")));
  }

  @Test
  void tryCastIsNullForMalformedTextAndOverflow() {
    Expression toInt = fn("try_cast", col(0, STRING), lit("INT"));
    assertEquals(INT, toInt.dataType());
    assertEquals(list(10, 12, null, null, null), eval(toInt, STRING, "10", " 12 ", "abc", "3000000000", null));
    assertEquals(list(3, null), eval(fn("try_cast", col(0, LONG), lit("INT")), LONG, 3L, 3_000_000_000L));
    assertEquals(list(date("2024-02-29"), null), eval(fn("try_cast", col(0, STRING), lit("DATE")), STRING,
        "2024-02-29", "2023-02-29"));
    assertEquals(list(new BigDecimal("1.50"), null), eval(fn("try_cast", col(0, STRING), lit("DECIMAL(3,2)")),
        STRING, "1.5", "10.5"));
    assertEquals(list(true, null), eval(fn("try_cast", col(0, STRING), lit("BOOLEAN")), STRING, "yes", "maybe"));
    // CAST raises where try_cast gives null.
    assertError("CAST_INVALID_INPUT", () -> eval(cast(col(0, STRING), INT), STRING, "abc"));
    assertError("CAST_OVERFLOW", () -> eval(cast(col(0, LONG), INT), LONG, 3_000_000_000L));
  }
}
