package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalPlanVisitor;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves filters towards the scans, so fewer rows flow through the plan (Spark's PushPredicateThroughNonJoin
 * and PushPredicateThroughJoin). Only deterministic conjuncts move, and only those before the first
 * non-deterministic one (see {@link Conjuncts}); what cannot move stays in a Filter where it was.
 *
 * <ul>
 *   <li>through a Project with deterministic outputs, the aliases substituted;
 *   <li>through Sort, Repartition and Distinct, which keep every row;
 *   <li>through a Window for conjuncts over its partition keys only (a partition is kept or dropped whole);
 *   <li>through a grouped Aggregate for conjuncts over its non-aggregate outputs (functions of the group key);
 *   <li>into every input of a Union, columns rewritten by position;
 *   <li>into the sides of a Join the join type allows, and from the join condition into its sides.
 * </ul>
 *
 * <pre>
 * Filter (a#1 = 1 AND c#3 = 2)                      Join Inner (b#2 = d#4)
 * +- Join Inner (b#2 = d#4)                   =>    :- Filter (a#1 = 1)
 *    :- FileRelation [a#1, b#2]                     :  +- FileRelation [a#1, b#2]
 *    +- FileRelation [c#3, d#4]                     +- Filter (c#3 = 2)
 *                                                      +- FileRelation [c#3, d#4]
 * </pre>
 */
public final class PushDownPredicates implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformDown(plan, node -> {
      if (node instanceof Filter f) {
        return f.child().accept(new ThroughChild(f));
      }
      if (node instanceof Join j) {
        return pushJoinCondition(j);
      }
      return node;
    });
  }

  /**
   * The movable conjuncts of a condition sorted by the join side that can evaluate them, and the fixed
   * ones (from the first non-deterministic conjunct on), which stay where they are.
   */
  private record Split(List<Expression> leftOnly, List<Expression> rightOnly, List<Expression> both,
      List<Expression> fixed) {
    static Split of(Expression condition, LogicalPlan left, LogicalPlan right) {
      Conjuncts.Span span = Conjuncts.span(condition);
      Set<ExprId> leftIds = AttributeIds.output(left);
      Set<ExprId> rightIds = AttributeIds.output(right);
      List<Expression> l = new ArrayList<>();
      List<Expression> r = new ArrayList<>();
      List<Expression> both = new ArrayList<>();
      for (Expression c : span.movable()) {
        if (AttributeIds.refersOnlyTo(c, leftIds)) {
          l.add(c);
        } else if (AttributeIds.refersOnlyTo(c, rightIds)) {
          r.add(c);
        } else {
          both.add(c);
        }
      }
      return new Split(l, r, both, span.fixed());
    }
  }

  @SafeVarargs
  private static List<Expression> concat(List<Expression>... lists) {
    List<Expression> out = new ArrayList<>();
    for (List<Expression> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  private static Optional<Expression> conjunction(List<Expression> conjuncts) {
    return Optional.ofNullable(Expressions.conjunction(conjuncts));
  }

  /** Conjuncts of the ON condition that only read one side filter that side, where the join type allows. */
  private static LogicalPlan pushJoinCondition(Join j) {
    if (j.condition().isEmpty()) {
      return j;
    }
    Split s = Split.of(j.condition().get(), j.left(), j.right());
    List<Expression> toLeft;
    List<Expression> toRight;
    List<Expression> stay;
    switch (j.joinType()) {
      case INNER:
      case CROSS:
      case LEFT_SEMI:
        toLeft = s.leftOnly();
        toRight = s.rightOnly();
        stay = concat(s.both(), s.fixed());
        break;
      case LEFT_OUTER:
      case LEFT_ANTI:
        // Every left row is emitted (or tested) whatever the condition says: only the right side may shrink.
        toLeft = List.of();
        toRight = s.rightOnly();
        stay = concat(s.leftOnly(), s.both(), s.fixed());
        break;
      case RIGHT_OUTER:
        toLeft = s.leftOnly();
        toRight = List.of();
        stay = concat(s.rightOnly(), s.both(), s.fixed());
        break;
      default:
        return j;
    }
    if (toLeft.isEmpty() && toRight.isEmpty()) {
      return j;
    }
    return new Join(Conjuncts.filter(toLeft, j.left()), Conjuncts.filter(toRight, j.right()), j.joinType(),
        conjunction(stay), j.usingColumns());
  }

  /** What to do with one Filter, by the kind of node below it. */
  private static final class ThroughChild implements LogicalPlanVisitor<LogicalPlan> {
    private final Filter filter;

    ThroughChild(Filter filter) {
      this.filter = filter;
    }

    /** Pushes the movable conjuncts that {@code grandchild} can evaluate below the child node. */
    private LogicalPlan pushBelowUnary(LogicalPlan child) {
      LogicalPlan grandchild = child.child();
      for (Expression e : child.expressions()) {
        if (!e.deterministic()) {
          return filter;
        }
      }
      Conjuncts.Span span = Conjuncts.span(filter.condition());
      Set<ExprId> available = AttributeIds.output(grandchild);
      List<Expression> down = new ArrayList<>();
      List<Expression> stay = new ArrayList<>();
      for (Expression c : span.movable()) {
        (AttributeIds.refersOnlyTo(c, available) ? down : stay).add(c);
      }
      if (down.isEmpty()) {
        return filter;
      }
      stay.addAll(span.fixed());
      return Conjuncts.filter(stay, child.withChildren(List.of(Conjuncts.filter(down, grandchild))));
    }

    @Override
    public LogicalPlan visitProject(Project p) {
      for (Expression e : p.projectList()) {
        if (!e.deterministic()) {
          return filter;
        }
      }
      if (!filter.condition().deterministic()) {
        return filter;
      }
      Expression below = AliasSubstitution.of(p.projectList()).apply(filter.condition());
      return new Project(p.projectList(), new Filter(below, p.child()));
    }

    @Override
    public LogicalPlan visitAggregate(Aggregate a) {
      // A global aggregate returns a row even for empty input, so a filter below would change its result.
      if (a.groupingExpressions().isEmpty()) {
        return filter;
      }
      for (Expression e : a.aggregateExpressions()) {
        if (!e.deterministic()) {
          return filter;
        }
      }
      AliasSubstitution aliases = AliasSubstitution.ofNonAggregates(a.aggregateExpressions());
      Set<ExprId> childIds = AttributeIds.output(a.child());
      Conjuncts.Span span = Conjuncts.span(filter.condition());
      List<Expression> down = new ArrayList<>();
      List<Expression> stay = new ArrayList<>();
      for (Expression c : span.movable()) {
        Expression replaced = aliases.apply(c);
        // A null check on a group key stays above: it drops one group at most, and a join's inferred
        // IsNotNull would otherwise make this aggregate's input differ from an equal branch's that has no
        // join, so that exchange reuse could not share them (TPC-H Q15's revenue, joined and maximised).
        if (c instanceof IsNotNull) {
          stay.add(c);
        } else if (!AttributeIds.references(c).isEmpty() && AttributeIds.refersOnlyTo(replaced, childIds)) {
          down.add(replaced);
        } else {
          stay.add(c);
        }
      }
      if (down.isEmpty()) {
        return filter;
      }
      stay.addAll(span.fixed());
      LogicalPlan pushed = new Aggregate(a.groupingExpressions(), a.aggregateExpressions(),
          Conjuncts.filter(down, a.child()));
      return Conjuncts.filter(stay, pushed);
    }

    @Override
    public LogicalPlan visitWindow(Window w) {
      for (Expression p : w.partitionSpec()) {
        if (!(p instanceof AttributeReference)) {
          return filter;
        }
      }
      Set<ExprId> keys = AttributeIds.references(w.partitionSpec());
      Conjuncts.Span span = Conjuncts.span(filter.condition());
      List<Expression> down = new ArrayList<>();
      List<Expression> stay = new ArrayList<>();
      for (Expression c : span.movable()) {
        (AttributeIds.refersOnlyTo(c, keys) ? down : stay).add(c);
      }
      if (down.isEmpty()) {
        return filter;
      }
      stay.addAll(span.fixed());
      return Conjuncts.filter(stay, w.withChildren(List.of(Conjuncts.filter(down, w.child()))));
    }

    @Override
    public LogicalPlan visitUnion(Union u) {
      Conjuncts.Span span = Conjuncts.span(filter.condition());
      if (span.movable().isEmpty()) {
        return filter;
      }
      Expression pushed = Expressions.conjunction(span.movable());
      List<AttributeReference> output = u.output();
      List<LogicalPlan> children = new ArrayList<>();
      for (LogicalPlan c : u.children()) {
        Map<ExprId, AttributeReference> byPosition = new HashMap<>();
        List<AttributeReference> childOutput = c.output();
        for (int i = 0; i < output.size(); i++) {
          byPosition.put(output.get(i).exprId(), childOutput.get(i));
        }
        Expression rewritten = Expressions.transformUp(pushed, x -> x instanceof AttributeReference a
            ? byPosition.getOrDefault(a.exprId(), a) : x);
        children.add(new Filter(rewritten, c));
      }
      return Conjuncts.filter(span.fixed(), u.withChildren(children));
    }

    @Override
    public LogicalPlan visitJoin(Join j) {
      Split s = Split.of(filter.condition(), j.left(), j.right());
      switch (j.joinType()) {
        case INNER:
        case CROSS: {
          // Conjuncts over both sides join the ON condition; the fixed ones stay above, unmoved.
          if (s.leftOnly().isEmpty() && s.rightOnly().isEmpty() && s.both().isEmpty()) {
            return filter;
          }
          List<Expression> condition = new ArrayList<>();
          j.condition().ifPresent(condition::add);
          condition.addAll(s.both());
          Join pushed = new Join(Conjuncts.filter(s.leftOnly(), j.left()),
              Conjuncts.filter(s.rightOnly(), j.right()), j.joinType(), conjunction(condition), j.usingColumns());
          return Conjuncts.filter(s.fixed(), pushed);
        }
        case LEFT_OUTER:
        case LEFT_SEMI:
        case LEFT_ANTI: {
          // Right-side columns of a left outer join are null for unmatched rows: a filter on them must stay.
          if (s.leftOnly().isEmpty()) {
            return filter;
          }
          Join pushed = new Join(Conjuncts.filter(s.leftOnly(), j.left()), j.right(), j.joinType(),
              j.condition(), j.usingColumns());
          return Conjuncts.filter(concat(s.rightOnly(), s.both(), s.fixed()), pushed);
        }
        case RIGHT_OUTER: {
          if (s.rightOnly().isEmpty()) {
            return filter;
          }
          Join pushed = new Join(j.left(), Conjuncts.filter(s.rightOnly(), j.right()), j.joinType(),
              j.condition(), j.usingColumns());
          return Conjuncts.filter(concat(s.leftOnly(), s.both(), s.fixed()), pushed);
        }
        default:
          // A full outer join null-extends both sides: no conjunct can move below it.
          return filter;
      }
    }

    @Override
    public LogicalPlan visitSort(Sort s) {
      return pushBelowUnary(s);
    }

    @Override
    public LogicalPlan visitRepartition(Repartition r) {
      return pushBelowUnary(r);
    }

    @Override
    public LogicalPlan visitDistinct(Distinct d) {
      return pushBelowUnary(d);
    }

    @Override
    public LogicalPlan visitDeduplicate(Deduplicate d) {
      if (d.keys().isEmpty()) {
        return pushBelowUnary(d); // every column is a key
      }
      // A conjunct over the keys keeps or drops all rows of a key, so it may go first; one over another
      // column would change which row of a key survives.
      Set<ExprId> keys = AttributeIds.references(d.keys());
      Conjuncts.Span span = Conjuncts.span(filter.condition());
      List<Expression> down = new ArrayList<>();
      List<Expression> stay = new ArrayList<>();
      for (Expression c : span.movable()) {
        (AttributeIds.refersOnlyTo(c, keys) ? down : stay).add(c);
      }
      if (down.isEmpty()) {
        return filter;
      }
      stay.addAll(span.fixed());
      return Conjuncts.filter(stay, new Deduplicate(d.keys(), Conjuncts.filter(down, d.child())));
    }

    @Override
    public LogicalPlan visitFilter(Filter f) {
      return filter; // CombineFilters merges the two
    }

    @Override
    public LogicalPlan visitLimit(Limit l) {
      return filter; // filtering before a limit would keep different rows
    }

    @Override
    public LogicalPlan visitLocalRelation(LocalRelation r) {
      return filter;
    }

    @Override
    public LogicalPlan visitRange(Range r) {
      return filter;
    }

    @Override
    public LogicalPlan visitFileRelation(FileRelation r) {
      return filter; // PushFiltersIntoScan hands the reader a copy, the Filter stays
    }

    @Override
    public LogicalPlan visitCachedRelation(CachedRelation r) {
      return filter;
    }

    @Override
    public LogicalPlan visitSubqueryAlias(SubqueryAlias s) {
      return pushBelowUnary(s);
    }

    @Override
    public LogicalPlan visitPlanIdMarker(PlanIdMarker m) {
      return pushBelowUnary(m);
    }

    @Override
    public LogicalPlan visitWithColumns(WithColumns w) {
      throw UnresolvedNodes.reached(w);
    }

    @Override
    public LogicalPlan visitWithColumnsRenamed(WithColumnsRenamed w) {
      throw UnresolvedNodes.reached(w);
    }

    @Override
    public LogicalPlan visitDrop(Drop d) {
      throw UnresolvedNodes.reached(d);
    }
  }
}
