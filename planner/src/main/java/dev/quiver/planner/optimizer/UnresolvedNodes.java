package dev.quiver.planner.optimizer;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.logical.LogicalPlan;

/** The API's convenience nodes are rewritten by the analyzer; meeting one here is a planner bug. */
final class UnresolvedNodes {
  private UnresolvedNodes() {}

  static PlanningException reached(LogicalPlan node) {
    return new PlanningException("Internal error: " + node.getClass().getSimpleName()
        + " reached the optimizer; the analyzer replaces it with a Project. Optimize only analyzed plans.");
  }
}
