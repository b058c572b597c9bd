package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code function OVER (PARTITION BY ... ORDER BY ... frame)}. The function is an {@link AggregateCall} or
 * a ranking function ({@code row_number}, {@code rank}, {@code dense_rank}) as a {@link ScalarFunction}.
 * Children: the function, then the partition expressions, then the order keys.
 */
public record WindowExpression(Expression function, List<Expression> partitionSpec, List<SortOrder> orderSpec,
    WindowFrame frame) implements Expression {

  public WindowExpression {
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>();
    all.add(function);
    all.addAll(partitionSpec);
    all.addAll(orderSpec);
    return all;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    int p = partitionSpec.size();
    List<SortOrder> orders = new ArrayList<>();
    for (Expression e : c.subList(1 + p, c.size())) {
      orders.add((SortOrder) e);
    }
    return new WindowExpression(c.get(0), c.subList(1, 1 + p), orders, frame);
  }

  @Override
  public DataType dataType() {
    return function.dataType();
  }

  @Override
  public boolean nullable() {
    return function.nullable();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitWindowExpression(this);
  }
}
