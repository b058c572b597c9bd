package dev.quiver.executor.expressions;

import static dev.quiver.planner.expressions.ArithmeticOp.DIVIDE;
import static dev.quiver.planner.expressions.ArithmeticOp.MULTIPLY;
import static dev.quiver.planner.expressions.ComparisonOp.EQ;
import static dev.quiver.planner.expressions.ComparisonOp.GT;
import static dev.quiver.planner.expressions.ComparisonOp.LT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicTest extends ExpressionTestBase {
  private static final Object[] L = {true, true, true, false, false, false, null, null, null};
  private static final Object[] R = {true, false, null, true, false, null, true, false, null};

  @Test
  void threeValuedAndOrNot() {
    assertEquals(list(true, false, null, false, false, false, null, false, null),
        eval(new And(col(0, BOOL), col(1, BOOL)), batch(vector(BOOL, L), vector(BOOL, R))));
    assertEquals(list(true, true, true, true, false, null, true, null, null),
        eval(new Or(col(0, BOOL), col(1, BOOL)), batch(vector(BOOL, L), vector(BOOL, R))));
    assertEquals(list(false, true, null), eval(new Not(col(0, BOOL)), BOOL, true, false, null));
    assertEquals(list(false, false), eval(new And(col(0, BOOL), lit(false)), BOOL, true, null));
    assertEquals(list(true, true), eval(new Or(col(0, BOOL), lit(true)), BOOL, false, null));
  }

  @Test
  void andDoesNotEvaluateRightWhereLeftIsFalse() {
    // b <> 0 AND a / b > 1: false for b = 0, not DIVIDE_BY_ZERO.
    Expression a = cast(col(0, INT), DOUBLE);
    Expression b = cast(col(1, INT), DOUBLE);
    Expression e = new And(new Not(cmp(EQ, col(1, INT), lit(0))), cmp(GT, arith(DIVIDE, a, b), lit(1.0)));
    assertEquals(list(false, true, false, null), eval(e, batch(vector(INT, 5, 5, 1, 5), vector(INT, 0, 2, 2, null))));
    // Where it is evaluated the error still surfaces.
    assertError("DIVIDE_BY_ZERO", () -> eval(new And(lit(true), cmp(GT, arith(DIVIDE, a, b), lit(1.0))),
        batch(vector(INT, 5), vector(INT, 0))));
  }

  @Test
  void orDoesNotEvaluateRightWhereLeftIsTrue() {
    Expression e = new Or(cmp(EQ, col(1, INT), lit(0)),
        cmp(GT, arith(DIVIDE, cast(col(0, INT), DOUBLE), cast(col(1, INT), DOUBLE)), lit(1.0)));
    assertEquals(list(true, true, false), eval(e, batch(vector(INT, 5, 5, 1), vector(INT, 0, 2, 2))));
  }

  @Test
  void shortCircuitOverStringsAndCasts() {
    // s LIKE '1%' AND CAST(s AS INT) > 10: the cast only sees strings that start with 1.
    Expression e = new And(fn("like", col(0, STRING), lit("1%")), cmp(GT, cast(col(0, STRING), INT), lit(10)));
    assertEquals(list(true, false, false, null), eval(e, STRING, "15", "abc", "9x", null));
  }

  @Test
  void manyRowsMixedSelectivity() {
    int n = 5000;
    Object[] a = new Object[n];
    Object[] b = new Object[n];
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      a[i] = i % 7 == 0 ? null : i;
      b[i] = i % 3;
      Integer x = (Integer) a[i];
      boolean left = (Integer) b[i] != 0;
      Object v;
      if (!left) {
        v = false;
      } else if (x == null) {
        v = null;
      } else {
        v = x * 2 / (double) (Integer) b[i] > 100;
      }
      expected.add(v);
    }
    Expression e = new And(new Not(cmp(EQ, col(1, INT), lit(0))),
        cmp(GT, arith(DIVIDE, cast(arith(MULTIPLY, col(0, INT), lit(2)), DOUBLE), cast(col(1, INT), DOUBLE)),
            lit(100.0)));
    assertEquals(expected, eval(e, batch(vector(INT, a), vector(INT, b))));
  }

  @Test
  void isNullIsNotNull() {
    assertEquals(list(false, true), eval(new IsNull(col(0, STRING)), STRING, "a", null));
    assertEquals(list(true, false), eval(new IsNotNull(col(0, STRING)), STRING, "a", null));
    assertEquals(list(true, true), eval(new IsNull(lit(null, INT)), INT, 1, 2));
    // IS NULL of an erroring child still evaluates it.
    assertError("DIVIDE_BY_ZERO", () -> eval(new IsNull(arith(DIVIDE, col(0, DOUBLE), lit(0.0))), DOUBLE, 1.0));
  }

  @Test
  void inWithLiterals() {
    Expression e = new In(col(0, INT), List.of(lit(1), lit(3)));
    assertEquals(list(true, false, true, null), eval(e, INT, 1, 2, 3, null));
    Expression withNull = new In(col(0, INT), List.of(lit(1), lit(null, INT)));
    assertEquals(list(true, null, null), eval(withNull, INT, 1, 2, null));
    Expression strings = new In(col(0, STRING), List.of(lit("MAIL"), lit("SHIP")));
    assertEquals(list(true, false, true), eval(strings, STRING, "MAIL", "AIR", "SHIP"));
    assertEquals(list(false, false), eval(new In(col(0, INT), List.of()), INT, 1, null));
    Expression doubles = new In(col(0, DOUBLE), List.of(lit(Double.NaN), lit(0.0)));
    assertEquals(list(true, true, false), eval(doubles, DOUBLE, Double.NaN, -0.0, 1.0));
  }

  @Test
  void inWithManyLiteralsUsesAHashSet() {
    List<Expression> ints = new ArrayList<>();
    List<Expression> strs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ints.add(lit((long) i * 3));
      strs.add(lit("v" + i));
    }
    assertEquals(list(true, false, true, null), eval(new In(col(0, LONG), ints), LONG, 0L, 1L, 57L, null));
    assertEquals(list(true, false), eval(new In(col(0, STRING), strs), STRING, "v19", "v20"));
    List<Expression> withNull = new ArrayList<>(ints);
    withNull.add(lit(null, LONG));
    assertEquals(list(true, null), eval(new In(col(0, LONG), withNull), LONG, 3L, 4L));
  }

  @Test
  void inWithFewStringsChecksLengthsBeforeBytes() {
    String longA = "x".repeat(70);
    String longB = "x".repeat(69) + "y";
    Expression e = new In(col(0, STRING), List.of(lit("AIR"), lit("REG AIR"), lit(longA), lit("")));
    assertEquals(list(true, false, true, false, true, true, false, false, null),
        eval(e, STRING, "AIR", "FOB", "REG AIR", "MAIL", "", longA, longB, "x".repeat(64), null));
    Expression withNull = new In(col(0, STRING), List.of(lit("A"), lit(null, STRING)));
    assertEquals(list(true, null, null), eval(withNull, STRING, "A", "B", null));
  }

  @Test
  void inStopsAtTheFirstMatch() {
    // 1 IN (col, 1 / 0): rows matching the column never evaluate the failing element.
    Expression failing = cast(arith(DIVIDE, lit(1.0), cast(col(0, INT), DOUBLE)), INT);
    Expression e = new In(col(1, INT), List.of(col(0, INT), failing));
    assertEquals(list(true), eval(e, batch(vector(INT, 0), vector(INT, 0))));
    assertError("DIVIDE_BY_ZERO", () -> eval(e, batch(vector(INT, 0), vector(INT, 5))));
    Expression constant = new In(col(0, INT), List.of(lit(1), cast(arith(DIVIDE, lit(1.0), lit(0.0)), INT)));
    assertEquals(list(true), eval(constant, INT, 1));
    assertError("DIVIDE_BY_ZERO", () -> eval(constant, INT, 2));
    assertEquals(list(true, false, null), eval(new In(col(0, INT), List.of(col(1, INT), lit(7))),
        batch(vector(INT, 1, 2, 3), vector(INT, 1, 5, null))));
  }

  @Test
  void comparisonsFeedLogic() {
    Expression e = new And(cmp(LT, col(0, INT), lit(10)), cmp(GT, col(0, INT), lit(2)));
    assertEquals(list(false, true, false, null), eval(e, INT, 1, 5, 11, null));
  }
}
