package dev.quiver.planner.expressions;

/** An expression that produces a named output column: an attribute, or an aliased expression. */
public sealed interface NamedExpression extends Expression permits Alias, AttributeReference {
  String name();

  ExprId exprId();

  /** The attribute a parent plan uses to refer to this output. */
  AttributeReference toAttribute();
}
