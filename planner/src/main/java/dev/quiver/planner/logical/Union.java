package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * All rows of all children (no deduplication). Resolved unions are positional with equal column types; the
 * output takes the first child's names and ids, nullable where any child's column is. {@code byName} and
 * {@code allowMissingColumns} are resolved by the analyzer into projections of the later children.
 */
public record Union(List<LogicalPlan> children, boolean byName, boolean allowMissingColumns) implements LogicalPlan {

  public Union {
    children = List.copyOf(children);
    if (children.size() < 2) {
      throw new IllegalArgumentException("A union needs at least two inputs");
    }
  }

  @Override
  public boolean resolved() {
    if (!LogicalPlan.super.resolved() || byName) {
      return false;
    }
    int n = children.get(0).output().size();
    for (LogicalPlan c : children) {
      List<AttributeReference> out = c.output();
      if (out.size() != n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!out.get(i).dataType().equals(children.get(0).output().get(i).dataType())) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Union(newChildren, byName, allowMissingColumns);
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
    List<AttributeReference> first = children.get(0).output();
    List<AttributeReference> out = new ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      boolean nullable = false;
      for (LogicalPlan c : children) {
        nullable |= c.output().get(i).nullable();
      }
      out.add(first.get(i).withNullable(nullable));
    }
    return out;
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitUnion(this);
  }
}
