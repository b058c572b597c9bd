package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.SubqueryAlias;

/**
 * Drops relation aliases: they only add a qualifier for name resolution, and attributes keep their ids, so
 * every reference above stays bound.
 *
 * <pre>
 * Project [t.a#1]                 Project [t.a#1]
 * +- SubqueryAlias t        =>    +- FileRelation [a#1, b#2]
 *    +- FileRelation [a#1, b#2]
 * </pre>
 */
public final class EliminateSubqueryAliases implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof SubqueryAlias s ? s.child() : node);
  }
}
