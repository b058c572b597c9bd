package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.List;

/**
 * A constant. The value is held in Quiver's internal form: boxed primitives for numbers and booleans,
 * String for strings, byte[] for binary, Integer days since 1970-01-01 for dates, Long microseconds since
 * the epoch (UTC) for timestamps, BigDecimal (at the type's scale) for decimals, List for arrays.
 */
public record Literal(Object value, DataType dataType) implements Expression {
  public static final Literal TRUE = new Literal(Boolean.TRUE, DataTypes.BooleanType);
  public static final Literal FALSE = new Literal(Boolean.FALSE, DataTypes.BooleanType);
  public static final Literal NULL = new Literal(null, DataTypes.NullType);

  public Literal {
    java.util.Objects.requireNonNull(dataType, "dataType");
  }

  public static Literal of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public static Literal of(int i) {
    return new Literal(i, DataTypes.IntegerType);
  }

  public static Literal of(long l) {
    return new Literal(l, DataTypes.LongType);
  }

  public static Literal of(double d) {
    return new Literal(d, DataTypes.DoubleType);
  }

  public static Literal of(String s) {
    return new Literal(s, DataTypes.StringType);
  }

  public static Literal nullOf(DataType type) {
    return new Literal(null, type);
  }

  public boolean isNull() {
    return value == null;
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return this;
  }

  @Override
  public boolean nullable() {
    return value == null;
  }

  @Override
  public boolean foldable() {
    return true;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitLiteral(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Literal l && l.dataType.equals(dataType) && Values.equal(l.value, value);
  }

  @Override
  public int hashCode() {
    return dataType.hashCode() * 31 + Values.hash(value);
  }
}
