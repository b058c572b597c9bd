package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.lt;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushExtraPredicateThroughJoinTest {
  private final Rule rule = new PushExtraPredicateThroughJoin();

  private final FileRelation left = scan("k INT, a INT");
  private final FileRelation right = scan("j INT, b INT");
  private final AttributeReference k = col(left, "k");
  private final AttributeReference a = col(left, "a");
  private final AttributeReference j = col(right, "j");
  private final AttributeReference b = col(right, "b");

  /** The shape of TPC-H Q19: the key, then an OR of branches each restricting both sides. */
  private final Expression branches = new Or(
      and(eq(a, lit(1)), eq(b, lit(2)), gt(b, lit(0))),
      and(eq(a, lit(5)), lt(b, lit(9))));
  private final Expression condition = and(eq(k, j), branches);

  private Join join(JoinType type, Expression on) {
    return Join.on(left, right, type, Optional.of(on));
  }

  @Test
  void filtersBothSidesOfAnInnerJoinWithWhatEveryBranchRequiresOfThem() {
    LogicalPlan before = join(JoinType.INNER, condition);

    LogicalPlan expected = Join.on(
        new Filter(new Or(eq(a, lit(1)), eq(a, lit(5))), left),
        new Filter(new Or(and(eq(b, lit(2)), gt(b, lit(0))), lt(b, lit(9))), right),
        JoinType.INNER, Optional.of(condition));
    assertEquals(expected, rule.apply(before));
  }

  @Test
  void filtersOnlyTheSideWhoseRowsTheOuterJoinDoesNotKeep() {
    Expression leftExtra = new Or(eq(a, lit(1)), eq(a, lit(5)));
    Expression rightExtra = new Or(and(eq(b, lit(2)), gt(b, lit(0))), lt(b, lit(9)));

    assertEquals(Join.on(left, new Filter(rightExtra, right), JoinType.LEFT_OUTER, Optional.of(condition)),
        rule.apply(join(JoinType.LEFT_OUTER, condition)));
    assertEquals(Join.on(left, new Filter(rightExtra, right), JoinType.LEFT_ANTI, Optional.of(condition)),
        rule.apply(join(JoinType.LEFT_ANTI, condition)));
    assertEquals(Join.on(new Filter(leftExtra, left), right, JoinType.RIGHT_OUTER, Optional.of(condition)),
        rule.apply(join(JoinType.RIGHT_OUTER, condition)));
    assertEquals(Join.on(new Filter(leftExtra, left), new Filter(rightExtra, right), JoinType.LEFT_SEMI,
        Optional.of(condition)), rule.apply(join(JoinType.LEFT_SEMI, condition)));
    LogicalPlan full = join(JoinType.FULL_OUTER, condition);
    assertSame(full, rule.apply(full));
  }

  @Test
  void leavesTheJoinWhenABranchSaysNothingAboutASide() {
    // The second branch accepts any a: no filter on the left; the right side still gets one.
    Expression on = and(eq(k, j), new Or(and(eq(a, lit(1)), eq(b, lit(2))), eq(b, lit(3))));
    LogicalPlan expected = Join.on(left, new Filter(new Or(eq(b, lit(2)), eq(b, lit(3))), right),
        JoinType.INNER, Optional.of(on));
    assertEquals(expected, rule.apply(join(JoinType.INNER, on)));

    // Neither side is restricted by every branch: nothing to derive.
    LogicalPlan nothing = join(JoinType.INNER, and(eq(k, j), new Or(eq(a, lit(1)), eq(b, lit(2)))));
    assertSame(nothing, rule.apply(nothing));
    LogicalPlan keysOnly = join(JoinType.INNER, eq(k, j));
    assertSame(keysOnly, rule.apply(keysOnly));
  }

  @Test
  void neitherCopiesNorMovesPastNonDeterministicConjuncts() {
    Expression random = gt(ScalarFunction.of("rand", lit(7)), lit(0));
    // A random choice inside a branch: the conjunct is not deterministic, so nothing is derived from it.
    LogicalPlan randomBranch = join(JoinType.INNER,
        and(eq(k, j), new Or(and(eq(a, lit(1)), eq(b, lit(2)), random), and(eq(a, lit(5)), eq(b, lit(6))))));
    assertSame(randomBranch, rule.apply(randomBranch));
    // A deterministic disjunction after a non-deterministic conjunct only sees the rows it lets through.
    LogicalPlan afterRandom = join(JoinType.INNER, and(eq(k, j), random, branches));
    assertSame(afterRandom, rule.apply(afterRandom));
  }

  @Test
  void addsNothingTheSidesAlreadyFilterAndSimplifiesWhatItAdds() {
    LogicalPlan once = rule.apply(join(JoinType.INNER, condition));
    assertEquals(once, rule.apply(once));

    // a > 0 is in both branches: it comes out of the derived OR as a conjunct of its own.
    Expression on = and(eq(k, j), new Or(and(gt(a, lit(0)), eq(a, lit(1)), eq(b, lit(2))),
        and(gt(a, lit(0)), eq(a, lit(5)), eq(b, lit(6)))));
    LogicalPlan expected = Join.on(
        new Filter(and(gt(a, lit(0)), new Or(eq(a, lit(1)), eq(a, lit(5)))), left),
        new Filter(new Or(eq(b, lit(2)), eq(b, lit(6))), right), JoinType.INNER, Optional.of(on));
    assertEquals(expected, rule.apply(join(JoinType.INNER, on)));
    // The side's filter split and moved below a Project still holds it.
    LogicalPlan pushed = Join.on(
        new Project(list(k, a), new Filter(gt(a, lit(0)), new Filter(new Or(eq(a, lit(1)), eq(a, lit(5))), left))),
        new Filter(new Or(eq(b, lit(2)), eq(b, lit(6))), right), JoinType.INNER, Optional.of(on));
    assertSame(pushed, rule.apply(pushed));
  }
}
