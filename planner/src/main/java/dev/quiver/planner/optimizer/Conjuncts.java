package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;

/**
 * Conjunct handling shared by the predicate rules. Only the deterministic prefix of a condition may move:
 * a conjunct after a non-deterministic one is evaluated on the rows that one lets through, so moving it
 * would change which rows the non-deterministic conjunct sees (Spark's {@code span(_.deterministic)}).
 */
final class Conjuncts {
  private Conjuncts() {}

  /** The conjuncts of a condition split at the first non-deterministic one. */
  record Span(List<Expression> movable, List<Expression> fixed) {}

  static Span span(Expression condition) {
    List<Expression> all = Expressions.splitConjuncts(condition);
    int i = 0;
    while (i < all.size() && all.get(i).deterministic()) {
      i++;
    }
    return new Span(List.copyOf(all.subList(0, i)), List.copyOf(all.subList(i, all.size())));
  }

  /** {@code child} filtered by the conjunction of {@code conjuncts}; the child itself when there are none. */
  static LogicalPlan filter(List<Expression> conjuncts, LogicalPlan child) {
    return conjuncts.isEmpty() ? child : new Filter(Expressions.conjunction(conjuncts), child);
  }
}
