package dev.quiver.planner.expressions;

import dev.quiver.planner.PlanningException;
import dev.quiver.sql.types.DataType;
import java.util.List;

/** {@code *} or {@code t.*}: all columns of the input, or of the relation aliased {@code target}. */
public record UnresolvedStar(List<String> target, long planId) implements Expression {

  public UnresolvedStar {
    target = List.copyOf(target);
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return this;
  }

  @Override
  public DataType dataType() {
    throw PlanningException.unresolved(this);
  }

  @Override
  public boolean nullable() {
    throw PlanningException.unresolved(this);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitUnresolvedStar(this);
  }
}
