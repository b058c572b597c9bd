package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** {@code withColumnRenamed}: renames columns; a name that does not exist is ignored. Resolved into a Project. */
public record WithColumnsRenamed(List<String> existing, List<String> newNames, LogicalPlan child) implements LogicalPlan {

  public WithColumnsRenamed {
    existing = List.copyOf(existing);
    newNames = List.copyOf(newNames);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new WithColumnsRenamed(existing, newNames, newChildren.get(0));
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
    throw new IllegalStateException("WithColumnsRenamed is replaced by the analyzer");
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitWithColumnsRenamed(this);
  }
}
