package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/** One sort key: {@code child ASC NULLS FIRST}. Strings order by their UTF-8 bytes. */
public record SortOrder(Expression child, SortDirection direction, NullOrdering nullOrdering)
    implements Expression {

  public static SortOrder asc(Expression child) {
    return new SortOrder(child, SortDirection.ASCENDING, NullOrdering.NULLS_FIRST);
  }

  public static SortOrder desc(Expression child) {
    return new SortOrder(child, SortDirection.DESCENDING, NullOrdering.NULLS_LAST);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new SortOrder(newChildren.get(0), direction, nullOrdering);
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
    return visitor.visitSortOrder(this);
  }
}
