package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.util.List;

/**
 * {@code left op right}. After analysis both operands have the same type (the analyzer inserts casts),
 * except that decimals keep their own precision and scale; the result type follows Spark's rules.
 */
public record BinaryArithmetic(ArithmeticOp op, Expression left, Expression right) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new BinaryArithmetic(op, newChildren.get(0), newChildren.get(1));
  }

  @Override
  public DataType dataType() {
    if (op == ArithmeticOp.INTEGRAL_DIVIDE) {
      return DataTypes.LongType;
    }
    DataType l = left.dataType();
    if (l instanceof DecimalType a && right.dataType() instanceof DecimalType b) {
      return DecimalRules.resultType(op, a, b);
    }
    return l;
  }

  /** Division and remainder are always nullable in Spark (null on a zero divisor outside ANSI mode). */
  @Override
  public boolean nullable() {
    if (op == ArithmeticOp.DIVIDE || op == ArithmeticOp.REMAINDER || op == ArithmeticOp.INTEGRAL_DIVIDE) {
      return true;
    }
    return left.nullable() || right.nullable();
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitBinaryArithmetic(this);
  }
}
