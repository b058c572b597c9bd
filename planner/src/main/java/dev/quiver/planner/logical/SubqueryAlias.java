package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** Names the child's relation {@code alias}, so its columns resolve as {@code alias.col}. */
public record SubqueryAlias(String alias, LogicalPlan child) implements LogicalPlan {

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new SubqueryAlias(alias, newChildren.get(0));
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
    List<AttributeReference> out = new java.util.ArrayList<>();
    for (AttributeReference a : child.output()) {
      out.add(a.withQualifier(List.of(alias)));
    }
    return out;
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitSubqueryAlias(this);
  }
}
