package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Window;
import dev.quiver.sql.AnalysisException;

/** Final checks over an analyzed plan: nothing unresolved, functions used only where they are valid. */
final class CheckAnalysis {
  private CheckAnalysis() {}

  static void check(LogicalPlan plan) {
    for (LogicalPlan node : Plans.collectNodes(plan)) {
      for (Expression e : node.expressions()) {
        if (!e.resolved()) {
          throw new AnalysisException("INTERNAL_ERROR", "Could not resolve the expression " + e.sql() + " in "
              + node.getClass().getSimpleName() + ". This is a bug in Quiver; please report it with the query.",
              "XX000");
        }
        checkFunctionPlacement(e, node, false);
      }
    }
  }

  private static void checkFunctionPlacement(Expression e, LogicalPlan node, boolean insideWindow) {
    if (e instanceof WindowExpression w) {
      for (Expression c : w.children()) {
        checkFunctionPlacement(c, node, true);
      }
      return;
    }
    if (e instanceof ScalarFunction f && f.spec().windowOnly() && !insideWindow) {
      throw new AnalysisException("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", "Window function \"" + f.sql()
          + "\" requires an OVER clause: use " + f.sql() + ".over(Window.partitionBy(...).orderBy(...)).", "42601");
    }
    if (e instanceof AggregateCall && !insideWindow && !(node instanceof Aggregate) && !(node instanceof Window)) {
      throw new AnalysisException("INVALID_AGGREGATE_USE", "The aggregate function " + e.sql()
          + " can only be used in an aggregation (select, agg or groupBy().agg).", "42903");
    }
    for (Expression c : e.children()) {
      checkFunctionPlacement(c, node, insideWindow);
    }
  }
}
