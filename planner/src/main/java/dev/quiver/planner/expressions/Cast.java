package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/**
 * Converts {@code child} to {@code dataType} with ANSI semantics: malformed input and overflow raise
 * errors. {@code userSpecified} casts name their column {@code CAST(x AS T)}; casts the analyzer inserts
 * for type coercion are invisible in generated names, as in Spark.
 */
public record Cast(Expression child, DataType dataType, boolean userSpecified) implements Expression {

  public Cast {
    java.util.Objects.requireNonNull(child, "child");
    java.util.Objects.requireNonNull(dataType, "dataType");
  }

  /** A cast inserted by type coercion. */
  public static Expression implicit(Expression child, DataType to) {
    if (child.resolved() && child.dataType().equals(to)) {
      return child;
    }
    return new Cast(child, to, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new Cast(newChildren.get(0), dataType, userSpecified);
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitCast(this);
  }
}
