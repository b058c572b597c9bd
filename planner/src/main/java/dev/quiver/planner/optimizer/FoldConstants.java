package dev.quiver.planner.optimizer;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.Optional;

/**
 * Replaces every constant subexpression by its value (Spark's ConstantFolding), computed by the
 * {@link ConstantEvaluator} so the result is exactly what the executor would compute. Top-down: the
 * largest constant subtree is folded; when the evaluator cannot compute one (an ANSI error that must only
 * surface if the query evaluates it), its parts are tried. {@code IsNull} and {@code IsNotNull} of a
 * non-nullable expression fold to false and true without evaluating anything (Spark's NullPropagation).
 *
 * <pre>
 * Filter (a#1 > (1 + 2))                Filter (a#1 > 3)
 * +- FileRelation [a#1]           =>    +- FileRelation [a#1]
 * </pre>
 */
public final class FoldConstants implements Rule {
  private final ConstantEvaluator evaluator;

  public FoldConstants(ConstantEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return PlanExpressions.transformDown(plan, this::fold);
  }

  private Expression fold(Expression e) {
    if (e instanceof Literal) {
      return e;
    }
    if (e instanceof IsNull n && !n.child().nullable()) {
      return Literal.FALSE;
    }
    if (e instanceof IsNotNull n && !n.child().nullable()) {
      return Literal.TRUE;
    }
    if (!e.foldable() || isWindowFunction(e)) {
      return e;
    }
    Optional<Literal> value = evaluator.evaluate(e);
    if (value.isEmpty()) {
      return e;
    }
    if (!value.get().dataType().equals(e.dataType())) {
      throw new PlanningException("Internal error: the constant evaluator computed " + ExpressionPrinter.explain(e)
          + " of type " + e.dataType().simpleString() + " as a " + value.get().dataType().simpleString());
    }
    return value.get();
  }

  /** row_number() has no arguments and so looks constant, but its value depends on the row's position. */
  private static boolean isWindowFunction(Expression e) {
    return e instanceof ScalarFunction f && f.spec().windowOnly();
  }
}
