package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.NamedExpression;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes columns nothing above uses (Spark's ColumnPruning), so that scans read fewer columns and joins,
 * aggregates and shuffles carry fewer. Top-down from every Project (and from every Aggregate and semi/anti
 * join, which use only some of their input): unused outputs of a Project or Aggregate below are dropped,
 * unused window functions are dropped, a FileRelation reads only the columns used, and other inputs get a
 * Project that keeps only what is used. A leaf other than a FileRelation is never changed itself: its rows
 * are data, so it is narrowed by a Project above. No list is ever pruned to nothing: a relation still has
 * rows to count, so the narrowest column is kept.
 *
 * <p>A Project that only selects attributes directly under a Filter under a Project is removed again at the
 * end (Spark's removeProjectBeforeFilter): PushDownPredicates would otherwise move the Filter below it and
 * the two rules would undo each other forever.
 *
 * <pre>
 * Project [a#1]                               Project [a#1]
 * +- Join Inner (b#2 = d#5)                   +- Join Inner (b#2 = d#5)
 *    :- FileRelation [a#1, b#2, c#3]    =>       :- FileRelation [a#1, b#2]
 *    +- FileRelation [d#5, e#6]                  +- FileRelation [d#5]
 * </pre>
 */
public final class PruneColumns implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    LogicalPlan pruned = Plans.transformDown(plan, PruneColumns::pruneNode);
    return Plans.transformUp(pruned, PruneColumns::removeProjectBeforeFilter);
  }

  private static LogicalPlan pruneNode(LogicalPlan node) {
    if (node instanceof Project p) {
      return p.child().accept(new UnderProject(p));
    }
    if (node instanceof Aggregate a) {
      LogicalPlan child = prunedChild(a.child(), AttributeIds.references(a));
      return child == a.child() ? a : new Aggregate(a.groupingExpressions(), a.aggregateExpressions(), child);
    }
    if (node instanceof Join j && !j.joinType().keepsRight()) {
      // Only the condition reads the right side of a semi or anti join.
      LogicalPlan right = prunedChild(j.right(), AttributeIds.references(j));
      return right == j.right() ? j : new Join(j.left(), right, j.joinType(), j.condition(), j.usingColumns());
    }
    return node;
  }

  /** {@code child} producing only the {@code required} columns (at least one), or itself if it already does. */
  static LogicalPlan prunedChild(LogicalPlan child, Set<ExprId> required) {
    if (child instanceof FileRelation f) {
      return narrowScan(f, required);
    }
    List<AttributeReference> output = child.output();
    List<AttributeReference> kept = keep(output, required);
    // Sizes suffice: kept is an ordered subset of output.
    return kept.size() == output.size() ? child : new Project(new ArrayList<>(kept), child);
  }

  /** The attributes of {@code output} in {@code required}, in order; the narrowest one when none is. */
  private static List<AttributeReference> keep(List<AttributeReference> output, Set<ExprId> required) {
    List<AttributeReference> kept = new ArrayList<>();
    for (AttributeReference a : output) {
      if (required.contains(a.exprId())) {
        kept.add(a);
      }
    }
    if (kept.isEmpty() && !output.isEmpty()) {
      kept.add(narrowest(output));
    }
    return kept;
  }

  private static AttributeReference narrowest(List<AttributeReference> output) {
    AttributeReference best = output.get(0);
    for (AttributeReference a : output) {
      if (a.dataType().defaultSize() < best.dataType().defaultSize()) {
        best = a;
      }
    }
    return best;
  }

  /** A scan reading only the required columns and those its pushed filters use. */
  private static LogicalPlan narrowScan(FileRelation f, Set<ExprId> required) {
    Set<ExprId> needed = new HashSet<>(required);
    needed.addAll(AttributeIds.references(f.pushedFilters()));
    List<AttributeReference> kept = keep(f.output(), needed);
    return kept.size() == f.output().size() ? f : f.withOutput(kept);
  }

  /** A named list with only the entries whose ids are required; never empty if it was not. */
  private static List<Expression> keepNamed(List<Expression> list, Set<ExprId> required) {
    List<Expression> kept = new ArrayList<>();
    for (Expression e : list) {
      if (required.contains(((NamedExpression) e).exprId())) {
        kept.add(e);
      }
    }
    if (kept.isEmpty() && !list.isEmpty()) {
      // Prefer an entry that is only a column reference: it costs nothing to keep.
      Expression cheapest = list.get(0);
      for (Expression e : list) {
        if (e instanceof AttributeReference) {
          cheapest = e;
          break;
        }
      }
      kept.add(cheapest);
    }
    return kept;
  }

  private static LogicalPlan removeProjectBeforeFilter(LogicalPlan node) {
    if (node instanceof Project upper && upper.child() instanceof Filter f && f.child() instanceof Project lower) {
      boolean onlyAttributes = true;
      for (Expression e : lower.projectList()) {
        onlyAttributes &= e instanceof AttributeReference;
      }
      Set<ExprId> lowerIds = AttributeIds.output(lower);
      if (onlyAttributes && AttributeIds.output(lower.child()).containsAll(lowerIds)
          && lowerIds.containsAll(AttributeIds.references(f))) {
        return new Project(upper.projectList(), new Filter(f.condition(), lower.child()));
      }
    }
    return node;
  }

  /** The pruning a Project allows below it, by the kind of node below. */
  private static final class UnderProject implements LogicalPlanVisitor<LogicalPlan> {
    private final Project project;
    private final Set<ExprId> required;

    UnderProject(Project project) {
      this.project = project;
      this.required = AttributeIds.references(project);
    }

    private LogicalPlan withChild(LogicalPlan child) {
      return child == project.child() ? project : new Project(project.projectList(), child);
    }

    /** Prunes the inputs of a node that passes its inputs' columns through. */
    private LogicalPlan pruneGrandchildren(LogicalPlan child) {
      Set<ExprId> needed = new HashSet<>(required);
      needed.addAll(AttributeIds.references(child));
      List<LogicalPlan> grandchildren = new ArrayList<>();
      boolean changed = false;
      for (LogicalPlan g : child.children()) {
        LogicalPlan pruned = prunedChild(g, needed);
        changed |= pruned != g;
        grandchildren.add(pruned);
      }
      return changed ? withChild(child.withChildren(grandchildren)) : project;
    }

    @Override
    public LogicalPlan visitProject(Project lower) {
      List<Expression> kept = keepNamed(lower.projectList(), required);
      if (kept.size() == lower.projectList().size()) {
        return project;
      }
      return withChild(new Project(kept, lower.child()));
    }

    @Override
    public LogicalPlan visitAggregate(Aggregate a) {
      List<Expression> kept = keepNamed(a.aggregateExpressions(), required);
      if (kept.size() == a.aggregateExpressions().size()) {
        return project;
      }
      return withChild(new Aggregate(a.groupingExpressions(), kept, a.child()));
    }

    @Override
    public LogicalPlan visitWindow(Window w) {
      List<Expression> used = new ArrayList<>();
      for (Expression e : w.windowExpressions()) {
        if (required.contains(((NamedExpression) e).exprId())) {
          used.add(e);
        }
      }
      if (used.size() == w.windowExpressions().size()) {
        return pruneGrandchildren(w);
      }
      return withChild(used.isEmpty() ? w.child() : new Window(used, w.partitionSpec(), w.orderSpec(), w.child()));
    }

    @Override
    public LogicalPlan visitUnion(Union u) {
      // Every input must keep the same positions; they are chosen on the union's (first input's) columns.
      List<AttributeReference> output = u.output();
      List<AttributeReference> kept = keep(output, required);
      if (kept.size() == output.size()) {
        return project;
      }
      Set<ExprId> keptIds = AttributeIds.of(kept);
      List<LogicalPlan> children = new ArrayList<>();
      for (LogicalPlan c : u.children()) {
        List<AttributeReference> childOutput = c.output();
        List<Expression> selected = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
          if (keptIds.contains(output.get(i).exprId())) {
            selected.add(childOutput.get(i));
          }
        }
        children.add(new Project(selected, c));
      }
      return withChild(u.withChildren(children));
    }

    @Override
    public LogicalPlan visitFileRelation(FileRelation f) {
      return withChild(narrowScan(f, required));
    }

    @Override
    public LogicalPlan visitLocalRelation(LocalRelation r) {
      return project;
    }

    @Override
    public LogicalPlan visitRange(Range r) {
      return project;
    }

    @Override
    public LogicalPlan visitCachedRelation(CachedRelation r) {
      return project;
    }

    @Override
    public LogicalPlan visitDistinct(Distinct d) {
      return project; // every column takes part in the comparison
    }

    @Override
    public LogicalPlan visitDeduplicate(Deduplicate d) {
      if (d.keys().isEmpty()) {
        return project; // every column is a key
      }
      return pruneGrandchildren(d);
    }

    @Override
    public LogicalPlan visitFilter(Filter f) {
      return pruneGrandchildren(f);
    }

    @Override
    public LogicalPlan visitJoin(Join j) {
      return pruneGrandchildren(j);
    }

    @Override
    public LogicalPlan visitSort(Sort s) {
      return pruneGrandchildren(s);
    }

    @Override
    public LogicalPlan visitLimit(Limit l) {
      return pruneGrandchildren(l);
    }

    @Override
    public LogicalPlan visitRepartition(Repartition r) {
      return pruneGrandchildren(r);
    }

    @Override
    public LogicalPlan visitSubqueryAlias(SubqueryAlias s) {
      return pruneGrandchildren(s);
    }

    @Override
    public LogicalPlan visitPlanIdMarker(PlanIdMarker m) {
      return pruneGrandchildren(m);
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
