package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import java.util.Optional;

/**
 * Evaluates a foldable expression (no column references) to a literal. The planner knows nothing about
 * execution, so the driver supplies one backed by the executor's kernels: constant folding then has exactly
 * the executor's semantics. Empty when the value cannot be computed (e.g. it raises an ANSI error, which
 * must surface only if the query actually evaluates it).
 */
@FunctionalInterface
public interface ConstantEvaluator {
  Optional<Literal> evaluate(Expression foldable);

  /** Folds nothing: for planner-only tests and tools. */
  ConstantEvaluator NONE = e -> Optional.empty();
}
