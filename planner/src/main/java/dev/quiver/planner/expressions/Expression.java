package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import java.util.List;

/**
 * A node of an expression tree. Expressions are immutable values (records); rewriting one returns a new
 * tree. An expression built by the API may be unresolved (names not yet bound to attributes); the analyzer
 * resolves it, after which {@link #dataType()} and {@link #nullable()} are defined.
 */
public sealed interface Expression
    permits NamedExpression, Literal, UnresolvedAttribute, UnresolvedStar, Cast, BinaryArithmetic,
        UnaryMinus, Comparison, And, Or, Not, IsNull, IsNotNull, In, CaseWhen, ScalarFunction, AggregateCall,
        SortOrder, BoundReference, WindowExpression, UnresolvedFunction, ExtractValue {

  List<Expression> children();

  /** This node with its children replaced, in the order {@link #children()} lists them. */
  Expression withChildren(List<Expression> newChildren);

  /** The type of the value; only defined once resolved. */
  DataType dataType();

  /** Whether the value may be null; only defined once resolved. */
  boolean nullable();

  <R> R accept(ExpressionVisitor<R> visitor);

  /** True when this node and all below it are bound to attributes and type-checked. */
  default boolean resolved() {
    for (Expression c : children()) {
      if (!c.resolved()) {
        return false;
      }
    }
    return true;
  }

  /** True when the value does not depend on any input row (a constant-foldable tree). */
  default boolean foldable() {
    for (Expression c : children()) {
      if (!c.foldable()) {
        return false;
      }
    }
    return !children().isEmpty();
  }

  /** True when evaluating twice on the same input gives the same value. */
  default boolean deterministic() {
    for (Expression c : children()) {
      if (!c.deterministic()) {
        return false;
      }
    }
    return true;
  }

  /** Spark's pretty SQL text of the expression, as used for generated column names: {@code (age / 2)}. */
  default String sql() {
    return ExpressionPrinter.sql(this);
  }
}
