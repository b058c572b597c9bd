package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/** Column {@code ordinal} of the operator's input batch: what attributes become once bound for execution. */
public record BoundReference(int ordinal, DataType dataType, boolean nullable) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return this;
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitBoundReference(this);
  }
}
