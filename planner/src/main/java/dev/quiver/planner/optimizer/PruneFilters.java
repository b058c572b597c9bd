package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;

/**
 * Removes filters whose condition is a constant (Spark's PruneFilters): {@code true} keeps every row, so the
 * Filter goes; {@code false} or null keeps none, so the subtree becomes an empty relation with the same
 * output, which PropagateEmptyRelation then carries upwards.
 *
 * <pre>
 * Filter true                  =>    FileRelation [a#1]
 * +- FileRelation [a#1]
 *
 * Filter false                 =>    LocalRelation [a#1], no rows
 * +- FileRelation [a#1]
 * </pre>
 */
public final class PruneFilters implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> {
      if (node instanceof Filter f && f.condition() instanceof Literal l) {
        if (Boolean.TRUE.equals(l.value())) {
          return f.child();
        }
        if (l.isNull() || Boolean.FALSE.equals(l.value())) {
          return EmptyRelations.emptyLike(f);
        }
      }
      return node;
    });
  }
}
