package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.LogicalPlan;

/**
 * One rewrite of an analyzed logical plan that keeps its result (same rows, same output attributes).
 * Rules are pure functions; when a rule does not apply it returns its input unchanged (same instance), so
 * the optimizer can detect a fixed point cheaply.
 */
public interface Rule {
  /** The rule's name as errors and traces show it: the class's simple name. */
  default String name() {
    return getClass().getSimpleName();
  }

  LogicalPlan apply(LogicalPlan plan);
}
