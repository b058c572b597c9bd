package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/**
 * A resolved reference to a column produced by some plan node. Identity is {@link #exprId()}; the
 * qualifier is the relation alias ({@code t} in {@code t.a}) used only for name resolution.
 */
public record AttributeReference(String name, DataType dataType, boolean nullable, ExprId exprId,
    List<String> qualifier) implements NamedExpression {

  public AttributeReference {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(dataType, "dataType");
    java.util.Objects.requireNonNull(exprId, "exprId");
    qualifier = List.copyOf(qualifier);
  }

  public static AttributeReference create(String name, DataType dataType, boolean nullable) {
    return new AttributeReference(name, dataType, nullable, ExprId.next(), List.of());
  }

  public AttributeReference withNullable(boolean newNullable) {
    return newNullable == nullable ? this : new AttributeReference(name, dataType, newNullable, exprId, qualifier);
  }

  public AttributeReference withName(String newName) {
    return new AttributeReference(newName, dataType, nullable, exprId, qualifier);
  }

  public AttributeReference withQualifier(List<String> newQualifier) {
    return new AttributeReference(name, dataType, nullable, exprId, newQualifier);
  }

  public AttributeReference withExprId(ExprId newId) {
    return new AttributeReference(name, dataType, nullable, newId, qualifier);
  }

  /** Same column, regardless of nullability or qualifier differences between plan levels. */
  public boolean sameRef(AttributeReference other) {
    return exprId.equals(other.exprId);
  }

  @Override
  public AttributeReference toAttribute() {
    return this;
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
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitAttributeReference(this);
  }
}
