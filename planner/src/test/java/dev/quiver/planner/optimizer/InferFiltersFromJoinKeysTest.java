package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.local;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferFiltersFromJoinKeysTest {
  private final Rule rule = new InferFiltersFromJoinKeys();
  private final FileRelation left = scan("a INT, b INT");
  private final FileRelation right = scan("c INT, d INT");
  private final AttributeReference a = col(left, "a");
  private final AttributeReference c = col(right, "c");
  private final Optional<Expression> on = Optional.of(eq(a, c));

  @Test
  void filtersNullKeysOnBothSidesOfAnInnerJoin() {
    LogicalPlan plan = Join.on(left, right, JoinType.INNER, on);

    LogicalPlan expected = Join.on(new Filter(new IsNotNull(a), left), new Filter(new IsNotNull(c), right),
        JoinType.INNER, on);
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void filtersOnlyTheSideWhoseUnmatchedRowsAreDropped() {
    LogicalPlan leftOuter = Join.on(left, right, JoinType.LEFT_OUTER, on);
    LogicalPlan rightOuter = Join.on(left, right, JoinType.RIGHT_OUTER, on);
    LogicalPlan fullOuter = Join.on(left, right, JoinType.FULL_OUTER, on);

    assertEquals(Join.on(left, new Filter(new IsNotNull(c), right), JoinType.LEFT_OUTER, on),
        rule.apply(leftOuter));
    assertEquals(Join.on(new Filter(new IsNotNull(a), left), right, JoinType.RIGHT_OUTER, on),
        rule.apply(rightOuter));
    assertSame(fullOuter, rule.apply(fullOuter));
  }

  @Test
  void skipsKeysThatCannotBeNull() {
    LocalRelation notNull = local("k INT NOT NULL", List.of());
    AttributeReference k = col(notNull, "k");
    LogicalPlan plan = Join.on(left, notNull, JoinType.INNER, Optional.of(eq(a, k)));

    assertEquals(Join.on(new Filter(new IsNotNull(a), left), notNull, JoinType.INNER, Optional.of(eq(a, k))),
        rule.apply(plan));
  }

  @Test
  void skipsKeysAlreadyKnownNonNullBelow() {
    // One filter was pushed below a Project, the other side compares its key, which implies it is non-null.
    LogicalPlan leftSide = new Project(list(a), new Filter(new IsNotNull(a), left));
    LogicalPlan rightSide = new Filter(gt(c, lit(1)), right);
    LogicalPlan plan = Join.on(leftSide, rightSide, JoinType.INNER, on);

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void reachesAFixedPointWithPushDownThroughAComputedKey() {
    Alias key = alias(new BinaryArithmetic(ArithmeticOp.ADD, a, lit(1)), "k");
    LogicalPlan plan = Join.on(new Project(list(key), left), right, JoinType.INNER,
        Optional.of(eq(key.toAttribute(), c)));
    List<Rule> batch = List.of(new PushDownPredicates(), new CombineFilters(), rule);

    LogicalPlan current = plan;
    for (int i = 0; i < 3; i++) {
      for (Rule r : batch) {
        current = r.apply(current);
      }
    }
    LogicalPlan settled = current;
    for (Rule r : batch) {
      current = r.apply(current);
    }

    assertEquals(settled, current);
    LogicalPlan expected = Join.on(
        new Project(list(key), new Filter(new IsNotNull(key.child()), left)),
        new Filter(new IsNotNull(c), right), JoinType.INNER, Optional.of(eq(key.toAttribute(), c)));
    assertEquals(expected, settled);
  }

  @Test
  void leavesJoinWithoutEquiKeysAlone() {
    LogicalPlan cross = Join.on(left, right, JoinType.INNER, Optional.empty());
    LogicalPlan nonEqui = Join.on(left, right, JoinType.INNER, Optional.of(and(gt(a, lit(1)))));

    assertSame(cross, rule.apply(cross));
    assertSame(nonEqui, rule.apply(nonEqui));
  }
}
