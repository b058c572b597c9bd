package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Plans;

/**
 * Drops the markers that let {@code df.col(name)} resolve against one DataFrame; after analysis every
 * column is bound by id and the markers only stand between operators that other rules want adjacent.
 *
 * <pre>
 * Filter (a#1 > 1)                Filter (a#1 > 1)
 * +- PlanIdMarker 7         =>    +- FileRelation [a#1]
 *    +- FileRelation [a#1]
 * </pre>
 */
public final class RemovePlanIdMarkers implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof PlanIdMarker m ? m.child() : node);
  }
}
