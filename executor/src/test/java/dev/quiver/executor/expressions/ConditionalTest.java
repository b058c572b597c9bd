package dev.quiver.executor.expressions;

import static dev.quiver.planner.expressions.ArithmeticOp.DIVIDE;
import static dev.quiver.planner.expressions.ComparisonOp.EQ;
import static dev.quiver.planner.expressions.ComparisonOp.GT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.ArrayType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionalTest extends ExpressionTestBase {

  private static CaseWhen caseWhen(Expression c1, Expression v1, Expression c2, Expression v2, Expression otherwise) {
    List<CaseWhen.Branch> b = c2 == null ? List.of(new CaseWhen.Branch(c1, v1))
        : List.of(new CaseWhen.Branch(c1, v1), new CaseWhen.Branch(c2, v2));
    return new CaseWhen(b, Optional.ofNullable(otherwise));
  }

  @Test
  void caseWhenPicksTheFirstTrueBranch() {
    Expression e = caseWhen(cmp(GT, col(0, INT), lit(10)), lit("big"), cmp(GT, col(0, INT), lit(0)), lit("small"),
        lit("none"));
    assertEquals(list("big", "small", "none", "none"), eval(e, INT, 11, 5, -1, null));
    Expression noElse = caseWhen(cmp(GT, col(0, INT), lit(10)), col(0, INT), null, null, null);
    assertEquals(list(11, null, null), eval(noElse, INT, 11, 5, null));
  }

  @Test
  void nullConditionCountsAsFalse() {
    Expression e = caseWhen(col(0, BOOL), lit(1), null, null, lit(2));
    assertEquals(list(1, 2, 2), eval(e, BOOL, true, false, null));
  }

  @Test
  void branchValuesAreOnlyEvaluatedForTheirRows() {
    // CASE WHEN b = 0 THEN 0 ELSE a / b END never divides by zero.
    Expression div = arith(DIVIDE, cast(col(0, INT), DOUBLE), cast(col(1, INT), DOUBLE));
    Expression e = caseWhen(cmp(EQ, col(1, INT), lit(0)), lit(0.0), null, null, div);
    assertEquals(list(0.0, 2.5, null), eval(e, batch(vector(INT, 5, 5, 1), vector(INT, 0, 2, null))));
    // Conditions after a taken branch are not evaluated either.
    Expression cond2 = cmp(GT, div, lit(1.0));
    Expression e2 = caseWhen(cmp(EQ, col(1, INT), lit(0)), lit("zero"), cond2, lit("big"), lit("small"));
    assertEquals(list("zero", "big", "small"), eval(e2, batch(vector(INT, 5, 5, 1), vector(INT, 0, 2, 2))));
    // A failing constant branch nobody takes is never computed.
    Expression constantError = caseWhen(cmp(GT, col(0, INT), lit(100)), arith(DIVIDE, lit(1.0), lit(0.0)), null,
        null, lit(1.0));
    assertEquals(list(1.0, 1.0), eval(constantError, INT, 1, 2));
    assertError("DIVIDE_BY_ZERO", () -> eval(constantError, INT, 1, 200));
  }

  @Test
  void caseWhenOverStringsAndNestedValues() {
    ArrayType arr = new ArrayType(INT, true);
    Expression e = caseWhen(cmp(GT, col(0, INT), lit(0)), col(1, arr), null, null, lit(List.of(9), arr));
    assertEquals(list(list(1, 2), list(9), list(9)), eval(e, batch(vector(INT, 1, -1, null),
        vector(arr, list(1, 2), list(3), null))));
  }

  @Test
  void coalesceStopsAtTheFirstNonNull() {
    assertEquals(list(1, 2, 3, null), eval(fn("coalesce", col(0, INT), col(1, INT), col(2, INT)),
        batch(vector(INT, 1, null, null, null), vector(INT, 9, 2, null, null), vector(INT, 9, 9, 3, null))));
    // coalesce(a, 1 / b): the division only runs where a is null.
    Expression e = fn("coalesce", col(0, DOUBLE), arith(DIVIDE, lit(1.0), col(1, DOUBLE)));
    assertEquals(list(7.0, 0.5), eval(e, batch(vector(DOUBLE, 7.0, null), vector(DOUBLE, 0.0, 2.0))));
    assertError("DIVIDE_BY_ZERO", () -> eval(e, batch(vector(DOUBLE, (Object) null), vector(DOUBLE, 0.0))));
    assertEquals(list("a", "z"), eval(fn("coalesce", col(0, STRING), lit("z")), STRING, "a", null));
  }

  @Test
  void nvlAndNullif() {
    assertEquals(list(1, 5), eval(fn("nvl", col(0, INT), lit(5)), INT, 1, null));
    assertEquals(list(null, 2, null), eval(fn("nullif", col(0, INT), lit(1)), INT, 1, 2, null));
    assertEquals(list("a", null), eval(fn("nullif", col(0, STRING), col(1, STRING)),
        batch(vector(STRING, "a", "b"), vector(STRING, null, "b"))));
  }
}
