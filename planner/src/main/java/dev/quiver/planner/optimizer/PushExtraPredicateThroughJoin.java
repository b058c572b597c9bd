package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives from a join condition conjunct that reads both sides a weaker predicate per side and filters that
 * side with it, keeping the condition whole (Spark's PushExtraPredicateThroughJoin). A disjunction whose
 * every branch has conjuncts over one side implies the disjunction of those conjuncts, so the side can drop
 * the rows no branch could accept before they are joined. Only the deterministic prefix of the condition is
 * read (see {@link Conjuncts}), and only a side whose rows the join type does not preserve is filtered.
 *
 * <p>A derived predicate is simplified (so {@code p_size >= 1} common to every branch comes out and can reach
 * the scan) and skipped when filters already on that side hold it, so optimizing an optimized plan adds
 * nothing. That check sees only filters not rewritten on their way down, so the rule runs once per plan
 * (its own batch): in a fixed-point batch a predicate pushed through an alias would be added again and again.
 *
 * <pre>
 * Join Inner (k#1 = k#3 AND ((a#2 = 1 AND b#4 = 2) OR (a#2 = 5 AND b#4 = 6)))
 * :- FileRelation [k#1, a#2]                      =>   :- Filter (a#2 = 1 OR a#2 = 5)
 * +- FileRelation [k#3, b#4]                           :  +- FileRelation [k#1, a#2]
 *                                                      +- Filter (b#4 = 2 OR b#4 = 6)
 *                                                         +- FileRelation [k#3, b#4]
 * </pre>
 */
public final class PushExtraPredicateThroughJoin implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Join j ? pushExtraPredicates(j) : node);
  }

  private static LogicalPlan pushExtraPredicates(Join j) {
    if (j.condition().isEmpty()) {
      return j;
    }
    boolean filterLeft;
    boolean filterRight;
    switch (j.joinType()) {
      case INNER:
      case CROSS:
      case LEFT_SEMI:
        filterLeft = true;
        filterRight = true;
        break;
      case LEFT_OUTER:
      case LEFT_ANTI:
        // Every left row is emitted (or tested) whatever the condition says: only the right side may shrink.
        filterLeft = false;
        filterRight = true;
        break;
      case RIGHT_OUTER:
        filterLeft = true;
        filterRight = false;
        break;
      default:
        return j;
    }
    Set<ExprId> leftIds = AttributeIds.output(j.left());
    Set<ExprId> rightIds = AttributeIds.output(j.right());
    List<Expression> acrossSides = new ArrayList<>();
    for (Expression c : Conjuncts.span(j.condition().get()).movable()) {
      if (!AttributeIds.references(c).isEmpty() && !AttributeIds.refersOnlyTo(c, leftIds)
          && !AttributeIds.refersOnlyTo(c, rightIds)) {
        acrossSides.add(c);
      }
    }
    List<Expression> leftExtra = filterLeft ? notYetHolding(within(acrossSides, leftIds), j.left()) : List.of();
    List<Expression> rightExtra =
        filterRight ? notYetHolding(within(acrossSides, rightIds), j.right()) : List.of();
    if (leftExtra.isEmpty() && rightExtra.isEmpty()) {
      return j;
    }
    return new Join(Conjuncts.filter(leftExtra, j.left()), Conjuncts.filter(rightExtra, j.right()), j.joinType(),
        j.condition(), j.usingColumns());
  }

  private static List<Expression> within(List<Expression> conjuncts, Set<ExprId> available) {
    List<Expression> out = new ArrayList<>();
    for (Expression c : conjuncts) {
      impliedWithin(c, available).ifPresent(p -> out.add(Expressions.transformUp(p, SimplifyBooleans::simplify)));
    }
    return out;
  }

  /** The predicates some of whose conjuncts are not yet among the filters {@code side} applies. */
  private static List<Expression> notYetHolding(List<Expression> predicates, LogicalPlan side) {
    List<Expression> holding = new ArrayList<>();
    collectHolding(side, holding);
    List<Expression> out = new ArrayList<>();
    for (Expression p : predicates) {
      for (Expression c : Expressions.splitConjuncts(p)) {
        if (holding.stream().noneMatch(h -> Expressions.semanticEquals(h, c))) {
          out.add(p);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Conjuncts of the filters that hold on every row {@code plan} outputs: those below nodes that pass rows
   * through unchanged, and below a join on a side whose rows it never null-extends.
   */
  private static void collectHolding(LogicalPlan plan, List<Expression> out) {
    if (plan instanceof Filter f) {
      out.addAll(Expressions.splitConjuncts(f.condition()));
      collectHolding(f.child(), out);
    } else if (plan instanceof Project || plan instanceof Sort || plan instanceof Repartition
        || plan instanceof Limit) {
      collectHolding(plan.children().get(0), out);
    } else if (plan instanceof Join j) {
      if (!j.joinType().preservesRight()) {
        collectHolding(j.left(), out);
      }
      if (!j.joinType().preservesLeft() && j.joinType().keepsRight()) {
        collectHolding(j.right(), out);
      }
    }
  }

  /**
   * The strongest predicate over {@code available} alone that {@code condition} implies, found by walking
   * AND and OR only: of a conjunction the parts that have one, of a disjunction one only if every branch has.
   */
  static Optional<Expression> impliedWithin(Expression condition, Set<ExprId> available) {
    if (condition instanceof And and) {
      Optional<Expression> l = impliedWithin(and.left(), available);
      Optional<Expression> r = impliedWithin(and.right(), available);
      if (l.isPresent() && r.isPresent()) {
        return Optional.of(new And(l.get(), r.get()));
      }
      return l.isPresent() ? l : r;
    }
    if (condition instanceof Or or) {
      Optional<Expression> l = impliedWithin(or.left(), available);
      if (l.isEmpty()) {
        return l;
      }
      return impliedWithin(or.right(), available).map(r -> new Or(l.get(), r));
    }
    return AttributeIds.refersOnlyTo(condition, available) ? Optional.of(condition) : Optional.empty();
  }
}
