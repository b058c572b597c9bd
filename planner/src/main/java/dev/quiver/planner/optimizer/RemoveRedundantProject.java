package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import java.util.List;

/**
 * Removes a Project that outputs exactly its child's columns, in order and with the same names: it computes
 * nothing (Spark's RemoveNoopOperators, for projects).
 *
 * <pre>
 * Project [a#1, b#2]
 * +- Filter (a#1 > 1)               =>    Filter (a#1 > 1)
 *    +- FileRelation [a#1, b#2]           +- FileRelation [a#1, b#2]
 * </pre>
 */
public final class RemoveRedundantProject implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Project p && isIdentity(p) ? p.child() : node);
  }

  private static boolean isIdentity(Project p) {
    List<AttributeReference> childOutput = p.child().output();
    List<Expression> list = p.projectList();
    if (list.size() != childOutput.size()) {
      return false;
    }
    for (int i = 0; i < list.size(); i++) {
      AttributeReference c = childOutput.get(i);
      if (!(list.get(i) instanceof AttributeReference a) || !a.exprId().equals(c.exprId())
          || !a.name().equals(c.name()) || !a.dataType().equals(c.dataType())) {
        return false;
      }
    }
    return true;
  }
}
