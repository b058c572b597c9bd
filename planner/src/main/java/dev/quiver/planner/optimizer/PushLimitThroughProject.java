package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;

/**
 * Moves a limit below a deterministic projection, so the projection is computed for the kept rows only and
 * the limit meets the operators it can be pushed into next (a Union, a Join, a Sort for a top-N). A
 * non-deterministic projection stays below: it must be evaluated on the same rows as before.
 *
 * <pre>
 * Limit 10                              Project [(a#1 + 1) AS b#2]
 * +- Project [(a#1 + 1) AS b#2]   =>    +- Limit 10
 *    +- Sort [a#1 ASC]                     +- Sort [a#1 ASC]
 * </pre>
 */
public final class PushLimitThroughProject implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformDown(plan, node -> {
      if (node instanceof Limit l && l.child() instanceof Project p && deterministic(p)) {
        return new Project(p.projectList(), new Limit(l.limit(), p.child()));
      }
      return node;
    });
  }

  private static boolean deterministic(Project p) {
    for (Expression e : p.projectList()) {
      if (!e.deterministic()) {
        return false;
      }
    }
    return true;
  }
}
