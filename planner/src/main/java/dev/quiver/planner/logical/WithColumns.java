package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** {@code withColumn(s)}: replaces columns of the same name in place, appends the others. Resolved into a Project. */
public record WithColumns(List<String> names, List<Expression> columns, LogicalPlan child) implements LogicalPlan {

  public WithColumns {
    names = List.copyOf(names);
    columns = List.copyOf(columns);
    if (names.size() != columns.size()) {
      throw new IllegalArgumentException("withColumns needs as many names as columns");
    }
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
    return new WithColumns(names, columns, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return columns;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return new WithColumns(names, e, child);
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("WithColumns is replaced by the analyzer");
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitWithColumns(this);
  }
}
