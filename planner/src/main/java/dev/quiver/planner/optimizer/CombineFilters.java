package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges a filter into the filter below it, so one operator evaluates one condition. The lower condition
 * stays first (it was evaluated first). Only a deterministic lower condition is merged, and only the
 * deterministic prefix of the upper one: a non-deterministic conjunct must keep seeing exactly the rows it
 * saw before. Conjuncts the lower filter already has are dropped.
 *
 * <pre>
 * Filter (b#2 = 2)                    Filter ((a#1 = 1) AND (b#2 = 2))
 * +- Filter (a#1 = 1)           =>    +- FileRelation [a#1, b#2]
 *    +- FileRelation [a#1, b#2]
 * </pre>
 */
public final class CombineFilters implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Filter upper && upper.child() instanceof Filter lower
        ? combine(upper, lower) : node);
  }

  private static LogicalPlan combine(Filter upper, Filter lower) {
    if (!lower.condition().deterministic()) {
      return upper;
    }
    Conjuncts.Span span = Conjuncts.span(upper.condition());
    if (span.movable().isEmpty()) {
      return upper;
    }
    List<Expression> existing = Expressions.splitConjuncts(lower.condition());
    List<Expression> added = new ArrayList<>();
    for (Expression c : span.movable()) {
      boolean known = false;
      for (Expression e : existing) {
        known |= Expressions.semanticEquals(c, e);
      }
      if (!known) {
        added.add(c);
      }
    }
    LogicalPlan merged = added.isEmpty() ? lower
        : new Filter(new And(lower.condition(), Expressions.conjunction(added)), lower.child());
    return Conjuncts.filter(span.fixed(), merged);
  }
}
