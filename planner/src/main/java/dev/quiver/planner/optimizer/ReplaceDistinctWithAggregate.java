package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code distinct()} into a grouping on every column: the later rules and the physical planner then
 * handle one operator instead of two.
 *
 * <pre>
 * Distinct                           Aggregate [a#1, b#2], [a#1, b#2]
 * +- FileRelation [a#1, b#2]   =>    +- FileRelation [a#1, b#2]
 * </pre>
 */
public final class ReplaceDistinctWithAggregate implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> {
      if (node instanceof Distinct d) {
        List<Expression> columns = new ArrayList<>(d.child().output());
        return new Aggregate(columns, columns, d.child());
      }
      return node;
    });
  }
}
