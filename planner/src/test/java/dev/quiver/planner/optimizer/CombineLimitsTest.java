package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import org.junit.jupiter.api.Test;

class CombineLimitsTest {
  private final Rule rule = new CombineLimits();
  private final FileRelation t = scan("a INT");

  @Test
  void keepsTheSmallerLimit() {
    assertEquals(new Limit(5, t), rule.apply(new Limit(5, new Limit(10, t))));
    assertEquals(new Limit(5, t), rule.apply(new Limit(10, new Limit(5, t))));
  }

  @Test
  void leavesSingleLimitAlone() {
    LogicalPlan plan = new Limit(5, t);

    assertSame(plan, rule.apply(plan));
  }
}
