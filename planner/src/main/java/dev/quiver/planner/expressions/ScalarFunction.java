package dev.quiver.planner.expressions;

import dev.quiver.planner.functions.FunctionRegistry;
import dev.quiver.planner.functions.ScalarFunctionSpec;
import dev.quiver.sql.types.DataType;
import java.util.List;

/**
 * A call of a built-in scalar function ({@code upper}, {@code coalesce}, {@code date_add}, ...) by its
 * registry name. Typing, coercion and naming come from the function's {@link ScalarFunctionSpec}; the
 * executor finds the kernel by the same name.
 */
public record ScalarFunction(String name, List<Expression> args) implements Expression {

  public ScalarFunction {
    args = List.copyOf(args);
    FunctionRegistry.scalar(name); // fails fast on an unknown name
  }

  public static ScalarFunction of(String name, Expression... args) {
    return new ScalarFunction(name, List.of(args));
  }

  public ScalarFunctionSpec spec() {
    return FunctionRegistry.scalar(name);
  }

  @Override
  public List<Expression> children() {
    return args;
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new ScalarFunction(name, newChildren);
  }

  @Override
  public DataType dataType() {
    return spec().resultType(args);
  }

  @Override
  public boolean nullable() {
    return spec().nullable(args);
  }

  @Override
  public boolean foldable() {
    if (!spec().deterministic() || spec().contextDependent() || spec().windowOnly()) {
      return false;
    }
    for (Expression a : args) {
      if (!a.foldable()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean deterministic() {
    return spec().deterministic() && Expression.super.deterministic();
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitScalarFunction(this);
  }
}
