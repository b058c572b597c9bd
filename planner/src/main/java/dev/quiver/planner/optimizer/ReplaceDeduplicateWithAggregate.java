package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code dropDuplicates(keys)} into a grouping on the keys that keeps the first value of every other
 * column (Spark's ReplaceDeduplicateWithAggregate). The other columns keep their ids, so references above
 * stay bound. Without keys every column is a key, which is {@code distinct()}.
 *
 * <pre>
 * Deduplicate [a#1]                  Aggregate [a#1], [a#1, first(b#2) AS b#2]
 * +- FileRelation [a#1, b#2]   =>    +- FileRelation [a#1, b#2]
 * </pre>
 */
public final class ReplaceDeduplicateWithAggregate implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Deduplicate d ? replace(d) : node);
  }

  private static Aggregate replace(Deduplicate d) {
    List<AttributeReference> output = d.child().output();
    List<Expression> keys = d.keys().isEmpty() ? new ArrayList<>(output) : d.keys();
    Set<ExprId> keyIds = AttributeIds.references(keys);
    List<Expression> columns = new ArrayList<>(output.size());
    for (AttributeReference a : output) {
      if (keyIds.contains(a.exprId())) {
        columns.add(a);
      } else {
        AggregateCall first = new AggregateCall(AggregateFunction.FIRST, List.of(a), false, false);
        columns.add(new Alias(first, a.name(), a.exprId()));
      }
    }
    return new Aggregate(keys, columns, d.child());
  }
}
