package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.List;

/** Three-valued logical OR: null OR true is true, null OR false is null. */
public record Or(Expression left, Expression right) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new Or(newChildren.get(0), newChildren.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return left.nullable() || right.nullable();
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitOr(this);
  }
}
