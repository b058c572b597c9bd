package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code value IN (list...)}: true if equal to any element; otherwise null if the value or any element is
 * null; otherwise false.
 */
public record In(Expression value, List<Expression> list) implements Expression {

  public In {
    list = List.copyOf(list);
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>(list.size() + 1);
    all.add(value);
    all.addAll(list);
    return all;
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new In(newChildren.get(0), newChildren.subList(1, newChildren.size()));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    if (value.nullable()) {
      return true;
    }
    for (Expression e : list) {
      if (e.nullable()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitIn(this);
  }
}
