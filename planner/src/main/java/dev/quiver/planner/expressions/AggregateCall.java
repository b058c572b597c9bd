package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/**
 * An aggregate over the rows of a group: {@code count(DISTINCT age)}, {@code sum(salary)}. COUNT takes any
 * number of arguments (counting rows where all are non-null); the others take one.
 */
public record AggregateCall(AggregateFunction function, List<Expression> args, boolean distinct,
    boolean ignoreNulls) implements Expression {

  public AggregateCall {
    args = List.copyOf(args);
    if (function != AggregateFunction.COUNT && args.size() != 1) {
      throw new IllegalArgumentException(function.prettyName() + " takes exactly one argument");
    }
  }

  public static AggregateCall of(AggregateFunction function, Expression arg) {
    return new AggregateCall(function, List.of(arg), false, false);
  }

  @Override
  public List<Expression> children() {
    return args;
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new AggregateCall(function, newChildren, distinct, ignoreNulls);
  }

  @Override
  public DataType dataType() {
    return function.resultType(args.isEmpty() ? null : args.get(0).dataType());
  }

  @Override
  public boolean nullable() {
    return function != AggregateFunction.COUNT;
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitAggregateCall(this);
  }
}
