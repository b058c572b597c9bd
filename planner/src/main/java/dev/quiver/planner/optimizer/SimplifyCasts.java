package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.logical.LogicalPlan;

/**
 * Removes a cast to the type its input already has: it converts nothing (Spark's SimplifyCasts). Such casts
 * appear when a rule rewrites a cast's input, e.g. after alias substitution.
 *
 * <pre>
 * Filter (CAST(a#1 AS INT) > 1)         Filter (a#1 > 1)
 * +- FileRelation [a#1: int]      =>    +- FileRelation [a#1: int]
 * </pre>
 */
public final class SimplifyCasts implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return PlanExpressions.transformUp(plan, e -> e instanceof Cast c && c.child().dataType().equals(c.dataType())
        ? c.child() : e);
  }
}
