package dev.quiver.planner.optimizer;

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
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import java.math.BigInteger;
import java.util.OptionalLong;

/** An upper bound on the number of rows a plan produces, when one is known without running it (Spark's maxRows). */
final class MaxRows implements LogicalPlanVisitor<OptionalLong> {
  private static final MaxRows INSTANCE = new MaxRows();

  private MaxRows() {}

  static OptionalLong of(LogicalPlan plan) {
    return plan.accept(INSTANCE);
  }

  /** Whether the plan is proven to produce at most {@code n} rows. */
  static boolean atMost(LogicalPlan plan, long n) {
    OptionalLong max = of(plan);
    return max.isPresent() && max.getAsLong() <= n;
  }

  @Override
  public OptionalLong visitLocalRelation(LocalRelation r) {
    return OptionalLong.of(r.rows().size());
  }

  @Override
  public OptionalLong visitRange(Range r) {
    return OptionalLong.of(r.count());
  }

  @Override
  public OptionalLong visitFileRelation(FileRelation r) {
    return OptionalLong.empty();
  }

  @Override
  public OptionalLong visitCachedRelation(CachedRelation r) {
    return OptionalLong.empty();
  }

  @Override
  public OptionalLong visitProject(Project p) {
    return of(p.child());
  }

  @Override
  public OptionalLong visitFilter(Filter f) {
    return of(f.child());
  }

  @Override
  public OptionalLong visitAggregate(Aggregate a) {
    // A global aggregate always produces exactly one row; a grouped one at most one per input row.
    return a.groupingExpressions().isEmpty() ? OptionalLong.of(1) : of(a.child());
  }

  @Override
  public OptionalLong visitJoin(Join j) {
    switch (j.joinType()) {
      case LEFT_SEMI:
      case LEFT_ANTI:
        return of(j.left());
      default:
        break;
    }
    OptionalLong l = of(j.left());
    OptionalLong r = of(j.right());
    if (l.isEmpty() || r.isEmpty()) {
      return OptionalLong.empty();
    }
    BigInteger left = BigInteger.valueOf(l.getAsLong());
    BigInteger right = BigInteger.valueOf(r.getAsLong());
    // An outer join emits every preserved row at least once, even when the other side is empty.
    BigInteger floor;
    switch (j.joinType()) {
      case LEFT_OUTER:
        floor = left;
        break;
      case RIGHT_OUTER:
        floor = right;
        break;
      case FULL_OUTER:
        floor = left.add(right);
        break;
      default:
        floor = BigInteger.ZERO;
        break;
    }
    return bounded(left.multiply(right).max(floor));
  }

  @Override
  public OptionalLong visitSort(Sort s) {
    return of(s.child());
  }

  @Override
  public OptionalLong visitLimit(Limit l) {
    OptionalLong child = of(l.child());
    return OptionalLong.of(child.isPresent() ? Math.min(l.limit(), child.getAsLong()) : l.limit());
  }

  @Override
  public OptionalLong visitUnion(Union u) {
    BigInteger sum = BigInteger.ZERO;
    for (LogicalPlan c : u.children()) {
      OptionalLong n = of(c);
      if (n.isEmpty()) {
        return OptionalLong.empty();
      }
      sum = sum.add(BigInteger.valueOf(n.getAsLong()));
    }
    return bounded(sum);
  }

  @Override
  public OptionalLong visitDistinct(Distinct d) {
    return of(d.child());
  }

  @Override
  public OptionalLong visitDeduplicate(Deduplicate d) {
    return of(d.child());
  }

  @Override
  public OptionalLong visitSubqueryAlias(SubqueryAlias s) {
    return of(s.child());
  }

  @Override
  public OptionalLong visitRepartition(Repartition r) {
    return of(r.child());
  }

  @Override
  public OptionalLong visitWindow(Window w) {
    return of(w.child());
  }

  @Override
  public OptionalLong visitPlanIdMarker(PlanIdMarker m) {
    return of(m.child());
  }

  @Override
  public OptionalLong visitWithColumns(WithColumns w) {
    throw UnresolvedNodes.reached(w);
  }

  @Override
  public OptionalLong visitWithColumnsRenamed(WithColumnsRenamed w) {
    throw UnresolvedNodes.reached(w);
  }

  @Override
  public OptionalLong visitDrop(Drop d) {
    throw UnresolvedNodes.reached(d);
  }

  private static OptionalLong bounded(BigInteger n) {
    return n.bitLength() < 64 ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
  }
}
