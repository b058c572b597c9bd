package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Attribute identity sets: the optimizer reasons about columns by {@link ExprId} only, because the same
 * column is referenced with different qualifiers and nullability at different levels of a plan.
 */
final class AttributeIds {
  private AttributeIds() {}

  static Set<ExprId> of(List<AttributeReference> attributes) {
    Set<ExprId> ids = new LinkedHashSet<>();
    for (AttributeReference a : attributes) {
      ids.add(a.exprId());
    }
    return ids;
  }

  static Set<ExprId> output(LogicalPlan plan) {
    return of(plan.output());
  }

  static Set<ExprId> references(Expression e) {
    return of(Expressions.references(e));
  }

  static Set<ExprId> references(List<? extends Expression> es) {
    return of(Expressions.references(es));
  }

  /** The attributes a node's own expressions use (not its children's). */
  static Set<ExprId> references(LogicalPlan node) {
    return references(node.expressions());
  }

  static boolean refersOnlyTo(Expression e, Set<ExprId> available) {
    return available.containsAll(references(e));
  }
}
