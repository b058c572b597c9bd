package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/**
 * A node of a logical plan: what to compute, not how. Plans are immutable values; rewriting returns a new
 * tree. The API builds unresolved plans (names not yet bound); the analyzer returns a resolved plan in which
 * every node has an {@link #output()} of attributes with unique ids.
 */
public sealed interface LogicalPlan
    permits LocalRelation, Range, FileRelation, CachedRelation, Project, Filter, Aggregate, Join, Sort, Limit, Union,
        Distinct, Deduplicate, SubqueryAlias, Repartition, Window, PlanIdMarker, WithColumns, WithColumnsRenamed,
        Drop {

  List<LogicalPlan> children();

  LogicalPlan withChildren(List<LogicalPlan> newChildren);

  /** The expressions this node holds itself (not its children's), in a fixed order. */
  List<Expression> expressions();

  /** This node with its own expressions replaced, in the order {@link #expressions()} lists them. */
  LogicalPlan withExpressions(List<Expression> newExpressions);

  /** The columns this node produces; defined once resolved. */
  List<AttributeReference> output();

  <R> R accept(LogicalPlanVisitor<R> visitor);

  /** True when this node, its expressions and all its children are resolved. */
  default boolean resolved() {
    for (Expression e : expressions()) {
      if (!e.resolved()) {
        return false;
      }
    }
    for (LogicalPlan c : children()) {
      if (!c.resolved()) {
        return false;
      }
    }
    return true;
  }

  default LogicalPlan child() {
    List<LogicalPlan> c = children();
    if (c.size() != 1) {
      throw new IllegalStateException(getClass().getSimpleName() + " has " + c.size() + " children, not one");
    }
    return c.get(0);
  }
}
