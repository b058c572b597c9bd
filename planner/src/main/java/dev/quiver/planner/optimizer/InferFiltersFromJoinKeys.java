package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds {@code IsNotNull(key)} filters below a join for its nullable equi-join key columns (a slice of
 * Spark's InferFiltersFromConstraints): a row with a null key never satisfies {@code l = r}, so it can be
 * dropped early, and the filter then travels down to the scan. Only sides whose unmatched rows are not
 * emitted get filters: both sides of inner and semi joins, the right side of left outer and anti joins, the
 * left side of right outer joins. A key already known non-null in a side (by a filter that was pushed down,
 * a comparison on it, or its type) gets no filter, so the fixed point does not add it again.
 *
 * <pre>
 * Join Inner (a#1 = b#2)                Join Inner (a#1 = b#2)
 * :- FileRelation [a#1]           =>    :- Filter isnotnull(a#1)
 * +- FileRelation [b#2]                 :  +- FileRelation [a#1]
 *                                       +- Filter isnotnull(b#2)
 *                                          +- FileRelation [b#2]
 * </pre>
 */
public final class InferFiltersFromJoinKeys implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Join j ? infer(j) : node);
  }

  private static LogicalPlan infer(Join j) {
    if (j.condition().isEmpty()) {
      return j;
    }
    boolean toLeft;
    boolean toRight;
    switch (j.joinType()) {
      case INNER:
      case CROSS:
      case LEFT_SEMI:
        toLeft = true;
        toRight = true;
        break;
      case LEFT_OUTER:
      case LEFT_ANTI:
        toLeft = false;
        toRight = true;
        break;
      case RIGHT_OUTER:
        toLeft = true;
        toRight = false;
        break;
      default:
        return j;
    }
    List<Expression> keys = equiJoinKeys(j);
    LogicalPlan left = toLeft ? withNotNullFilter(j.left(), keys) : j.left();
    LogicalPlan right = toRight ? withNotNullFilter(j.right(), keys) : j.right();
    if (left == j.left() && right == j.right()) {
      return j;
    }
    return new Join(left, right, j.joinType(), j.condition(), j.usingColumns());
  }

  /** Both operands of every {@code l = r} conjunct whose sides each read one join input. */
  private static List<Expression> equiJoinKeys(Join j) {
    Set<ExprId> leftIds = AttributeIds.output(j.left());
    Set<ExprId> rightIds = AttributeIds.output(j.right());
    List<Expression> keys = new ArrayList<>();
    for (Expression c : Expressions.splitConjuncts(j.condition().get())) {
      if (c instanceof Comparison cmp && cmp.op() == ComparisonOp.EQ) {
        Set<ExprId> l = AttributeIds.references(cmp.left());
        Set<ExprId> r = AttributeIds.references(cmp.right());
        boolean crossesSides = !l.isEmpty() && !r.isEmpty()
            && (leftIds.containsAll(l) && rightIds.containsAll(r) || rightIds.containsAll(l) && leftIds.containsAll(r));
        if (crossesSides) {
          keys.add(cmp.left());
          keys.add(cmp.right());
        }
      }
    }
    return keys;
  }

  /** {@code side} under a filter on each of its nullable key columns not already known non-null. */
  private static LogicalPlan withNotNullFilter(LogicalPlan side, List<Expression> keys) {
    Map<ExprId, AttributeReference> sideOutput = new LinkedHashMap<>();
    for (AttributeReference a : side.output()) {
      sideOutput.put(a.exprId(), a);
    }
    Set<Expression> facts = NotNullFacts.of(side);
    Map<ExprId, Expression> filters = new LinkedHashMap<>();
    for (Expression key : keys) {
      for (AttributeReference ref : NotNullFacts.nullIntolerantAttributes(key)) {
        AttributeReference a = sideOutput.get(ref.exprId());
        if (a != null && !NotNullFacts.isKnownNotNull(a, facts)) {
          filters.putIfAbsent(a.exprId(), new IsNotNull(a));
        }
      }
    }
    return Conjuncts.filter(new ArrayList<>(filters.values()), side);
  }
}
