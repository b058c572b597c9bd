package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rewrites every expression of every node of a plan, keeping the same instances where nothing changes. */
final class PlanExpressions {
  private PlanExpressions() {}

  /** Applies {@code rule} to each expression node top-down: a replaced node's children are visited next. */
  static LogicalPlan transformDown(LogicalPlan plan, Function<Expression, Expression> rule) {
    return Plans.transformUp(plan, node -> mapNode(node, e -> Expressions.transformDown(e, rule)));
  }

  /** Applies {@code rule} to each expression node bottom-up: children first. */
  static LogicalPlan transformUp(LogicalPlan plan, Function<Expression, Expression> rule) {
    return Plans.transformUp(plan, node -> mapNode(node, e -> Expressions.transformUp(e, rule)));
  }

  private static LogicalPlan mapNode(LogicalPlan node, Function<Expression, Expression> rewrite) {
    List<Expression> exprs = node.expressions();
    if (exprs.isEmpty()) {
      return node;
    }
    List<Expression> out = new ArrayList<>(exprs.size());
    boolean changed = false;
    for (Expression e : exprs) {
      Expression n = rewrite.apply(e);
      changed |= !n.equals(e);
      out.add(n);
    }
    return changed ? node.withExpressions(out) : node;
  }
}
