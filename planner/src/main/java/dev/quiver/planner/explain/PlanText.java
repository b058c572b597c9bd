package dev.quiver.planner.explain;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.sql.types.LongType;

/** Expression text inside plans: attributes with their ids, and Spark's {@code L} suffix on bigint ones. */
final class PlanText {
  private PlanText() {}

  static String attr(AttributeReference a) {
    return a.name() + "#" + a.exprId().id() + (a.dataType() instanceof LongType ? "L" : "");
  }

  static String expr(Expression e) {
    if (e instanceof AttributeReference a) {
      return attr(a);
    }
    return ExpressionPrinter.explain(e);
  }
}
