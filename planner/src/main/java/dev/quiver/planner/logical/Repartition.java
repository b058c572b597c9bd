package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** Redistributes rows: round-robin into {@code numPartitions}, by hash of {@code partitionExpressions}, or without a shuffle by merging partitions ({@code coalesce}). numPartitions 0 means the session default. */
public record Repartition(int numPartitions, boolean shuffle, List<Expression> partitionExpressions, LogicalPlan child) implements LogicalPlan {

  public Repartition {
    partitionExpressions = List.copyOf(partitionExpressions);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Repartition(numPartitions, shuffle, partitionExpressions, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return partitionExpressions;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return new Repartition(numPartitions, shuffle, e, child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitRepartition(this);
  }
}
