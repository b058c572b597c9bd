package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;

/**
 * Merges nested limits into one with the smaller count (Spark's CombineLimits; Trino's MergeLimits).
 *
 * <pre>
 * Limit 5
 * +- Limit 10        =>    Limit 5
 *    +- A                  +- A
 * </pre>
 */
public final class CombineLimits implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Limit outer && outer.child() instanceof Limit inner
        ? new Limit(Math.min(outer.limit(), inner.limit()), inner.child()) : node);
  }
}
