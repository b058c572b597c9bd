package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups rows by {@code groupingExpressions} and computes {@code aggregateExpressions} per group (one row
 * in total when there is no grouping, even over empty input). Once resolved, every aggregate expression is
 * named and built only from aggregate calls, grouping expressions and constants.
 */
public record Aggregate(List<Expression> groupingExpressions, List<Expression> aggregateExpressions,
    LogicalPlan child) implements LogicalPlan {

  public Aggregate {
    groupingExpressions = List.copyOf(groupingExpressions);
    aggregateExpressions = List.copyOf(aggregateExpressions);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Aggregate(groupingExpressions, aggregateExpressions, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(groupingExpressions);
    all.addAll(aggregateExpressions);
    return all;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    int g = groupingExpressions.size();
    return new Aggregate(e.subList(0, g), e.subList(g, e.size()), child);
  }

  @Override
  public List<AttributeReference> output() {
    return Plans.toAttributes(aggregateExpressions);
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitAggregate(this);
  }
}
