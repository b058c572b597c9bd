package dev.quiver.planner;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;

/**
 * A bug in Quiver's planning, not a user error: a rule produced an invalid plan, or an unresolved node was
 * asked for its type. The message names the rule or node so the report can be acted on.
 */
public class PlanningException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public PlanningException(String message) {
    super(message);
  }

  public PlanningException(String message, Throwable cause) {
    super(message, cause);
  }

  public static PlanningException unresolved(Expression e) {
    return new PlanningException("Internal error: the expression " + ExpressionPrinter.explain(e)
        + " was used before the analyzer resolved it.");
  }
}
