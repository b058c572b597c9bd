package dev.quiver.planner.expressions;

import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import java.util.List;

/**
 * {@code child[key]}: an array element (0-based int key), a map value, or a struct field (string literal
 * key). An array index out of range raises an error under ANSI mode.
 */
public record ExtractValue(Expression child, Expression key) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child, key);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new ExtractValue(newChildren.get(0), newChildren.get(1));
  }

  @Override
  public DataType dataType() {
    DataType t = child.dataType();
    if (t instanceof ArrayType a) {
      return a.elementType();
    }
    if (t instanceof MapType m) {
      return m.valueType();
    }
    if (t instanceof StructType s && key instanceof Literal l && l.value() instanceof String name) {
      return s.apply(name).dataType();
    }
    throw new IllegalStateException("Cannot extract a value from " + t.simpleString());
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitExtractValue(this);
  }
}
