package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.List;

/** Logical NOT; NOT null is null. */
public record Not(Expression child) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new Not(newChildren.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitNot(this);
  }
}
