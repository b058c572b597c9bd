package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;

/**
 * Removes a limit whose input is proven to return no more rows than it allows (Spark's EliminateLimits):
 * a local relation with at most n rows, a global aggregate (one row), a range of at most n values.
 *
 * <pre>
 * Limit 10
 * +- Aggregate [], [count(1) AS n#2]       =>    Aggregate [], [count(1) AS n#2]
 *    +- FileRelation [a#1]                       +- FileRelation [a#1]
 * </pre>
 */
public final class EliminateLimits implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Limit l && MaxRows.atMost(l.child(), l.limit())
        ? l.child() : node);
  }
}
