package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the arguments of the window-only functions that take them, as Spark's checkInputDataTypes does:
 * the offsets of lag, lead and nth_value must be constant (and nth_value's positive), and the default of
 * lag/lead is cast to the input's type (Spark's {@code TypeCollection(input.dataType, NullType)}).
 */
final class WindowFunctionArgs {
  private WindowFunctionArgs() {}

  /** {@code f} itself, or with lag/lead's default cast to the input type; throws on a bad argument. */
  static Expression check(ScalarFunction f) {
    switch (f.name()) {
      case "lag":
      case "lead":
        return offsetFunction(f);
      case "nth_value":
        nthValue(f);
        return f;
      default:
        return f;
    }
  }

  private static Expression offsetFunction(ScalarFunction f) {
    List<Expression> args = f.args();
    if (args.size() > 1) {
      requireFoldable(f, args.get(1), "offset");
    }
    if (args.size() < 3) {
      return f;
    }
    DataType input = args.get(0).dataType();
    Expression dflt = args.get(2);
    if (dflt.dataType().equals(input)) {
      return f;
    }
    if (!TypeCoercion.canImplicitCast(dflt.dataType(), input)) {
      throw AnalysisErrors.unexpectedInputType(f, 3, "(\"" + input.sql() + "\" or \"VOID\")", dflt);
    }
    List<Expression> cast = new ArrayList<>(args);
    cast.set(2, Cast.implicit(dflt, input));
    return new ScalarFunction(f.name(), cast);
  }

  private static void nthValue(ScalarFunction f) {
    Expression offset = f.args().get(1);
    requireFoldable(f, offset, "offset");
    Object value = literalValue(offset);
    if (value instanceof Number n && n.longValue() <= 0) {
      throw AnalysisErrors.dataTypeMismatch("VALUE_OUT_OF_RANGE", f, "The offset must be between (0, "
          + Long.MAX_VALUE + "] (current value = " + n.longValue() + "L).");
    }
    if (f.args().size() > 2) {
      requireFoldable(f, f.args().get(2), "ignoreNulls");
    }
  }

  private static void requireFoldable(ScalarFunction f, Expression arg, String name) {
    if (!arg.foldable()) {
      throw AnalysisErrors.dataTypeMismatch("NON_FOLDABLE_INPUT", f, "the input `" + name + "` should be a "
          + "foldable \"" + arg.dataType().sql() + "\" expression; however, got \"" + ExpressionPrinter.sql(arg)
          + "\".");
    }
  }

  /** The value of a literal, possibly under implicit casts; null when it is not that simple. */
  private static Object literalValue(Expression e) {
    Expression x = e;
    while (x instanceof Cast c && !c.userSpecified()) {
      x = c.child();
    }
    return x instanceof Literal l ? l.value() : null;
  }
}
