package dev.quiver.planner.expressions;

import dev.quiver.planner.PlanningException;
import dev.quiver.sql.types.DataType;
import java.util.List;

/** A function called by name (from {@code callFunction} or SQL text), looked up by the analyzer. */
public record UnresolvedFunction(String name, List<Expression> args, boolean distinct) implements Expression {

  public UnresolvedFunction {
    args = List.copyOf(args);
  }

  @Override
  public List<Expression> children() {
    return args;
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new UnresolvedFunction(name, newChildren, distinct);
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
    return visitor.visitUnresolvedFunction(this);
  }
}
