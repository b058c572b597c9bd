package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.sql.AnalysisException;
import java.util.List;

/**
 * Checks that every output expression of an aggregation is built from grouping expressions, aggregate
 * calls and constants only, and that aggregate calls do not nest.
 */
final class AggregateValidation {
  private AggregateValidation() {}

  static void check(List<Expression> grouping, List<Expression> aggregates) {
    for (Expression e : aggregates) {
      checkExpression(Expressions.unalias(e), grouping);
    }
  }

  private static void checkExpression(Expression e, List<Expression> grouping) {
    for (Expression g : grouping) {
      if (Expressions.semanticEquals(e, g)) {
        return;
      }
    }
    if (e instanceof AggregateCall a) {
      for (Expression arg : a.args()) {
        if (Expressions.exists(arg, x -> x instanceof AggregateCall)) {
          throw new AnalysisException("NESTED_AGGREGATE_FUNCTION", "It is not allowed to use an aggregate function "
              + "in the argument of another aggregate function. Please use the inner aggregate function in a "
              + "sub-query.", "42607");
        }
      }
      return;
    }
    if (e instanceof WindowExpression) {
      return;
    }
    if (e instanceof AttributeReference a) {
      throw new AnalysisException("MISSING_AGGREGATION", "The non-aggregating expression \"" + a.name()
          + "\" is based on columns which are not participating in the GROUP BY clause. Add the columns or the "
          + "expression to the GROUP BY, aggregate the expression, or use \"any_value(" + a.name()
          + ")\" if you do not care which of the values within a group is returned.", "42803");
    }
    for (Expression c : e.children()) {
      checkExpression(c, grouping);
    }
  }
}
