package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/**
 * {@code drop(...)}: removes the columns named in {@code names} (matched by name, case-insensitively, dots
 * not parsed) and those {@code columns} resolve to; anything that does not exist is ignored, as in Spark.
 * Resolved into a Project.
 */
public record Drop(List<String> names, List<Expression> columns, LogicalPlan child) implements LogicalPlan {

  public Drop {
    names = List.copyOf(names);
    columns = List.copyOf(columns);
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
    return new Drop(names, columns, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return columns;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return new Drop(names, e, child);
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("Drop is replaced by the analyzer");
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitDrop(this);
  }
}
