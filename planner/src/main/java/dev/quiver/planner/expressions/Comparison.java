package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.List;

/** {@code left op right}; null if either side is null, except {@code <=>} which is never null. */
public record Comparison(ComparisonOp op, Expression left, Expression right) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new Comparison(op, newChildren.get(0), newChildren.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return op != ComparisonOp.NULL_SAFE_EQ && (left.nullable() || right.nullable());
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitComparison(this);
  }
}
