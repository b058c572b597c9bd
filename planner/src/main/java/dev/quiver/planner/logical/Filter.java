package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** Keeps the rows for which the condition is true (not false, not null). */
public record Filter(Expression condition, LogicalPlan child) implements LogicalPlan {

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Filter(condition, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of(condition);
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return new Filter(e.get(0), child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitFilter(this);
  }
}
