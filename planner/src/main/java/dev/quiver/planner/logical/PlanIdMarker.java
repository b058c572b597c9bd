package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** Marks the root of the plan of one DataFrame, so that {@code df.col(name)} resolves against that DataFrame's columns. Removed by the optimizer. */
public record PlanIdMarker(long planId, LogicalPlan child) implements LogicalPlan {

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new PlanIdMarker(planId, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitPlanIdMarker(this);
  }
}
