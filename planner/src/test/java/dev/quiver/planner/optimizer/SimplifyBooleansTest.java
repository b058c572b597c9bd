package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.lt;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class SimplifyBooleansTest {
  private final Rule rule = new SimplifyBooleans();
  private final FileRelation t = scan("a INT, b INT");
  private final AttributeReference a = col(t, "a");
  private final AttributeReference b = col(t, "b");
  private final Expression p = gt(a, lit(1));
  private final Expression q = lt(b, lit(2));
  private static final Literal NULL_BOOLEAN = Literal.nullOf(DataTypes.BooleanType);

  private Expression simplified(Expression condition) {
    return ((Filter) rule.apply(new Filter(condition, t))).condition();
  }

  @Test
  void dropsNeutralLiteralsAndAbsorbsDominantOnes() {
    assertEquals(p, simplified(new And(Literal.TRUE, p)));
    assertEquals(p, simplified(new And(p, Literal.TRUE)));
    assertEquals(Literal.FALSE, simplified(new And(p, Literal.FALSE)));
    assertEquals(p, simplified(new Or(Literal.FALSE, p)));
    assertEquals(Literal.TRUE, simplified(new Or(p, Literal.TRUE)));
  }

  @Test
  void keepsThreeValuedSemanticsWithNull() {
    assertEquals(Literal.FALSE, simplified(new And(NULL_BOOLEAN, Literal.FALSE)));
    assertEquals(Literal.TRUE, simplified(new Or(NULL_BOOLEAN, Literal.TRUE)));
    assertEquals(NULL_BOOLEAN, simplified(new And(NULL_BOOLEAN, Literal.TRUE)));
    assertEquals(NULL_BOOLEAN, simplified(new Or(NULL_BOOLEAN, Literal.FALSE)));
    assertEquals(NULL_BOOLEAN, simplified(new Not(NULL_BOOLEAN)));
    // p AND null is false or null depending on p: nothing to simplify.
    assertEquals(new And(p, NULL_BOOLEAN), simplified(new And(p, NULL_BOOLEAN)));
  }

  @Test
  void removesRepeatedOperands() {
    assertEquals(p, simplified(new And(p, gt(a, lit(1)))));
    assertEquals(p, simplified(new Or(p, p)));
  }

  @Test
  void simplifiesNegations() {
    assertEquals(p, simplified(new Not(new Not(p))));
    assertEquals(new Comparison(ComparisonOp.LTE, a, lit(1)), simplified(new Not(p)));
    assertEquals(new IsNotNull(a), simplified(new Not(new IsNull(a))));
    assertEquals(Literal.FALSE, simplified(new Not(Literal.TRUE)));
  }

  @Test
  void pushesNegationIntoOrWithDeMorgan() {
    assertEquals(new And(new Comparison(ComparisonOp.LTE, a, lit(1)), new Comparison(ComparisonOp.GTE, b, lit(2))),
        simplified(new Not(new Or(p, q))));
  }

  @Test
  void keepsNegatedEquality() {
    LogicalPlan plan = new Filter(new Not(eq(a, lit(1))), t);

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void leavesPlainConditionsAlone() {
    LogicalPlan plan = new Filter(new And(p, q), t);

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void takesTheKeyCommonToEveryBranchOutOfAnOr() {
    // The shape of TPC-H Q19 written as one join condition: the key repeated in each branch.
    Expression key = eq(a, b);
    Expression r = gt(b, lit(7));
    Expression s = lt(a, lit(0));
    Expression written = new Or(new Or(and(key, p), and(key, q, r)), and(s, key));

    assertEquals(and(key, new Or(new Or(p, and(q, r)), s)), simplified(written));
  }

  @Test
  void absorbsABranchThatOnlyAddsConditions() {
    assertEquals(p, simplified(new Or(and(p, q), p)));
    assertEquals(and(p, q), simplified(new Or(and(p, q), and(q, p, gt(a, lit(9))))));
  }

  @Test
  void takesACommonOperandOutOfAnAndOfOrs() {
    Expression r = gt(b, lit(7));
    assertEquals(new Or(p, new And(q, r)), simplified(new And(new Or(p, q), new Or(r, p))));
    assertEquals(p, simplified(new And(p, new Or(p, q))));
  }

  @Test
  void neverFactorsOutOfANonDeterministicCondition() {
    Expression random = gt(ScalarFunction.of("rand", lit(7)), lit(0));
    LogicalPlan plan = new Filter(new Or(and(p, random), and(p, q)), t);

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void leavesBranchesWithNothingInCommon() {
    LogicalPlan plan = new Filter(new Or(and(p, q), and(gt(b, lit(7)), lt(a, lit(0)))), t);

    assertSame(plan, rule.apply(plan));
  }
}
