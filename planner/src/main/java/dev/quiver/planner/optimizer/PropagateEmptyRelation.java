package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
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
import java.util.List;

/**
 * Replaces operators over an empty relation by an empty relation with the same output (Spark's
 * PropagateEmptyRelation): row-wise operators, sorts, limits, repartitions, windows and grouped aggregates
 * of nothing are nothing. A global aggregate stays: it returns one row even for empty input. Empty inputs
 * of a Union are dropped. A Join follows its type: an inner join with an empty side is empty; an outer join
 * whose other side is empty becomes its preserved side with nulls for the missing columns; a semi join with
 * an empty right side is empty and an anti join with one returns its left side.
 *
 * <pre>
 * Aggregate [a#1], [a#1, count(1) AS n#3]
 * +- Filter (b#2 > 0)                        =>    LocalRelation [a#1, n#3], no rows
 *    +- LocalRelation [a#1, b#2], no rows
 * </pre>
 */
public final class PropagateEmptyRelation implements Rule {
  private static final Visitor VISITOR = new Visitor();

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node.accept(VISITOR));
  }

  private static boolean isEmpty(LogicalPlan p) {
    return EmptyRelations.isEmpty(p);
  }

  /** Each node with its inputs already rewritten. */
  private static final class Visitor implements LogicalPlanVisitor<LogicalPlan> {

    private static LogicalPlan emptyIfChildEmpty(LogicalPlan node) {
      return isEmpty(node.child()) ? EmptyRelations.emptyLike(node) : node;
    }

    /** The rows of the kept side with a null for every column of the other side, in the join's column order. */
    private static LogicalPlan nullExtended(Join j, boolean keepLeft) {
      List<Expression> list = new ArrayList<>();
      for (AttributeReference a : j.left().output()) {
        list.add(keepLeft ? a : nullOf(a));
      }
      for (AttributeReference a : j.right().output()) {
        list.add(keepLeft ? nullOf(a) : a);
      }
      return new Project(list, keepLeft ? j.left() : j.right());
    }

    private static Expression nullOf(AttributeReference a) {
      return new Alias(Literal.nullOf(a.dataType()), a.name(), a.exprId());
    }

    @Override
    public LogicalPlan visitJoin(Join j) {
      boolean leftEmpty = isEmpty(j.left());
      boolean rightEmpty = isEmpty(j.right());
      boolean falseCondition = j.condition().isPresent() && Literal.FALSE.equals(j.condition().get());
      if (!leftEmpty && !rightEmpty && !falseCondition) {
        return j;
      }
      switch (j.joinType()) {
        case INNER:
        case CROSS:
          return EmptyRelations.emptyLike(j);
        case LEFT_OUTER:
          if (leftEmpty) {
            return EmptyRelations.emptyLike(j);
          }
          return nullExtended(j, true);
        case RIGHT_OUTER:
          if (rightEmpty) {
            return EmptyRelations.emptyLike(j);
          }
          return nullExtended(j, false);
        case FULL_OUTER:
          if (leftEmpty && rightEmpty) {
            return EmptyRelations.emptyLike(j);
          }
          if (rightEmpty) {
            return nullExtended(j, true);
          }
          if (leftEmpty) {
            return nullExtended(j, false);
          }
          return j; // a false condition still emits both sides, null-extended: not one simple plan
        case LEFT_SEMI:
          return EmptyRelations.emptyLike(j);
        case LEFT_ANTI:
          return leftEmpty ? EmptyRelations.emptyLike(j) : j.left();
        default:
          return j;
      }
    }

    @Override
    public LogicalPlan visitUnion(Union u) {
      List<LogicalPlan> kept = new ArrayList<>();
      for (LogicalPlan c : u.children()) {
        if (!isEmpty(c)) {
          kept.add(c);
        }
      }
      if (kept.size() == u.children().size()) {
        return u;
      }
      if (kept.isEmpty()) {
        return EmptyRelations.emptyLike(u);
      }
      LogicalPlan rest = kept.size() == 1 ? kept.get(0) : u.withChildren(kept);
      // The union's columns are its first input's; if that input went, rename the new first input's.
      List<AttributeReference> before = u.output();
      List<AttributeReference> after = rest.output();
      List<Expression> list = new ArrayList<>();
      boolean renamed = false;
      for (int i = 0; i < before.size(); i++) {
        AttributeReference b = before.get(i);
        AttributeReference a = after.get(i);
        if (a.exprId().equals(b.exprId())) {
          list.add(a);
        } else {
          renamed = true;
          list.add(new Alias(a, b.name(), b.exprId()));
        }
      }
      return renamed ? new Project(list, rest) : rest;
    }

    @Override
    public LogicalPlan visitAggregate(Aggregate a) {
      return a.groupingExpressions().isEmpty() ? a : emptyIfChildEmpty(a);
    }

    @Override
    public LogicalPlan visitProject(Project p) {
      return emptyIfChildEmpty(p);
    }

    @Override
    public LogicalPlan visitFilter(Filter f) {
      return emptyIfChildEmpty(f);
    }

    @Override
    public LogicalPlan visitSort(Sort s) {
      return emptyIfChildEmpty(s);
    }

    @Override
    public LogicalPlan visitLimit(Limit l) {
      return emptyIfChildEmpty(l);
    }

    @Override
    public LogicalPlan visitRepartition(Repartition r) {
      return emptyIfChildEmpty(r);
    }

    @Override
    public LogicalPlan visitWindow(Window w) {
      return emptyIfChildEmpty(w);
    }

    @Override
    public LogicalPlan visitDistinct(Distinct d) {
      return emptyIfChildEmpty(d);
    }

    @Override
    public LogicalPlan visitDeduplicate(Deduplicate d) {
      return emptyIfChildEmpty(d);
    }

    @Override
    public LogicalPlan visitSubqueryAlias(SubqueryAlias s) {
      return emptyIfChildEmpty(s);
    }

    @Override
    public LogicalPlan visitPlanIdMarker(PlanIdMarker m) {
      return emptyIfChildEmpty(m);
    }

    @Override
    public LogicalPlan visitLocalRelation(LocalRelation r) {
      return r;
    }

    @Override
    public LogicalPlan visitRange(Range r) {
      return r;
    }

    @Override
    public LogicalPlan visitFileRelation(FileRelation r) {
      return r;
    }

    @Override
    public LogicalPlan visitCachedRelation(CachedRelation r) {
      return r;
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
