package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** {@code dropDuplicates(keys)}: one row per distinct key (all columns when keys is empty), the first seen. */
public record Deduplicate(List<Expression> keys, LogicalPlan child) implements LogicalPlan {

  public Deduplicate {
    keys = List.copyOf(keys);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Deduplicate(keys, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return keys;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return new Deduplicate(e, child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitDeduplicate(this);
  }
}
