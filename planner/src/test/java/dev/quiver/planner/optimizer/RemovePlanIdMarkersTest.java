package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import org.junit.jupiter.api.Test;

class RemovePlanIdMarkersTest {
  private final Rule rule = new RemovePlanIdMarkers();

  @Test
  void dropsEveryMarker() {
    FileRelation t = scan("a INT");
    LogicalPlan plan = new PlanIdMarker(2, new Filter(gt(col(t, "a"), lit(1)), new PlanIdMarker(1, t)));

    assertEquals(new Filter(gt(col(t, "a"), lit(1)), t), rule.apply(plan));
  }

  @Test
  void leavesPlanWithoutMarkersAlone() {
    FileRelation t = scan("a INT");
    LogicalPlan plan = new Filter(gt(col(t, "a"), lit(1)), t);

    assertSame(plan, rule.apply(plan));
  }
}
