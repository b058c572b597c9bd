package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import org.junit.jupiter.api.Test;

class CombineFiltersTest {
  private final Rule rule = new CombineFilters();
  private final FileRelation t = scan("a INT, b INT");
  private final AttributeReference a = col(t, "a");
  private final AttributeReference b = col(t, "b");

  @Test
  void mergesAdjacentFiltersLowerConditionFirst() {
    LogicalPlan plan = new Filter(gt(b, lit(2)), new Filter(eq(a, lit(1)), t));

    assertEquals(new Filter(and(eq(a, lit(1)), gt(b, lit(2))), t), rule.apply(plan));
  }

  @Test
  void dropsConjunctsTheLowerFilterAlreadyHas() {
    LogicalPlan plan = new Filter(and(eq(a, lit(1)), gt(b, lit(2))), new Filter(eq(a, lit(1)), t));

    assertEquals(new Filter(and(eq(a, lit(1)), gt(b, lit(2))), t), rule.apply(plan));
  }

  @Test
  void mergesAStackOfThree() {
    LogicalPlan plan = new Filter(gt(b, lit(3)), new Filter(gt(b, lit(2)), new Filter(eq(a, lit(1)), t)));

    assertEquals(new Filter(and(eq(a, lit(1)), gt(b, lit(2)), gt(b, lit(3))), t), rule.apply(plan));
  }

  @Test
  void leavesFiltersSeparatedByAnotherOperatorAlone() {
    LogicalPlan plan = new Filter(gt(b, lit(2)), new Limit(5, new Filter(eq(a, lit(1)), t)));

    assertSame(plan, rule.apply(plan));
  }
}
