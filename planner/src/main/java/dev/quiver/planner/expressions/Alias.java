package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/** Names the value of {@code child} as an output column {@code name} with identity {@code exprId}. */
public record Alias(Expression child, String name, ExprId exprId) implements NamedExpression {

  public Alias {
    java.util.Objects.requireNonNull(child, "child");
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(exprId, "exprId");
  }

  public Alias(Expression child, String name) {
    this(child, name, ExprId.next());
  }

  @Override
  public AttributeReference toAttribute() {
    return new AttributeReference(name, child.dataType(), child.nullable(), exprId, List.of());
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new Alias(newChildren.get(0), name, exprId);
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
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitAlias(this);
  }
}
