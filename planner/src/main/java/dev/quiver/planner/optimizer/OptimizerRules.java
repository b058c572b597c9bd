package dev.quiver.planner.optimizer;

import java.util.List;

/**
 * The ordered registry of optimizer rules. Ordering constraints are commented where they exist.
 */
public final class OptimizerRules {
  private OptimizerRules() {}

  public static List<RuleBatch> batches(OptimizerContext context) {
    return List.of();
  }
}
