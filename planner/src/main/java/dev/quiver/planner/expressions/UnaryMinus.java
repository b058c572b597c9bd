package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/** {@code -child}; overflows (negating the minimum value) raise an error under ANSI mode. */
public record UnaryMinus(Expression child) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new UnaryMinus(newChildren.get(0));
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitUnaryMinus(this);
  }
}
