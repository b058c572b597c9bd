package dev.quiver.planner.physical;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.NamedExpression;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalPlanVisitor;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.SizeEstimator;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an optimized logical plan into operators, placing exchanges where data must move: two-phase hash
 * aggregation around a shuffle on the group keys, broadcast hash joins when one side is small and shuffled
 * hash joins otherwise, a single-partition exchange under a total sort, top-N for orderBy + limit. An exchange
 * is skipped when the input is already partitioned as required.
 */
public final class PhysicalPlanner {
  private final PlanningSettings settings;
  private final ScanPlanning scans;

  public PhysicalPlanner(PlanningSettings settings, ScanPlanning scans) {
    this.settings = settings;
    this.scans = scans;
  }

  public PhysicalPlan plan(LogicalPlan optimized) {
    return optimized.accept(new Strategy());
  }

  private final class Strategy implements LogicalPlanVisitor<PhysicalPlan> {

    private PhysicalPlan plan(LogicalPlan p) {
      return p.accept(this);
    }

    @Override
    public PhysicalPlan visitLocalRelation(LocalRelation r) {
      int n = Math.max(1, Math.min(r.rows().size(), settings.defaultParallelism()));
      return new LocalTableScanExec(r.output(), r.rows(), n);
    }

    @Override
    public PhysicalPlan visitRange(Range r) {
      int slices = r.numSlices() > 0 ? r.numSlices() : settings.defaultParallelism();
      return new RangeExec(r.start(), r.end(), r.step(), slices, r.output());
    }

    @Override
    public PhysicalPlan visitFileRelation(FileRelation r) {
      return new FileScanExec(r.source(), r.output(), r.pushedFilters(), scans.planScan(r));
    }

    @Override
    public PhysicalPlan visitCachedRelation(CachedRelation r) {
      return new InMemoryScanExec(r.cacheId(), r.output(), scans.cachedPartitionCount(r.cacheId()));
    }

    @Override
    public PhysicalPlan visitProject(Project p) {
      return new ProjectExec(p.projectList(), plan(p.child()));
    }

    @Override
    public PhysicalPlan visitFilter(Filter f) {
      return new FilterExec(f.condition(), plan(f.child()));
    }

    @Override
    public PhysicalPlan visitAggregate(Aggregate a) {
      long inputBytes = SizeEstimator.estimate(a.child());
      return AggregatePlanning.plan(a, plan(a.child()), settings.shufflePartitionsFor(inputBytes),
          settings.spreadPartitionsFor(inputBytes));
    }

    @Override
    public PhysicalPlan visitSort(Sort s) {
      PhysicalPlan child = plan(s.child());
      if (!s.global()) {
        return new SortExec(s.order(), false, child);
      }
      if (PhysicalPlans.numPartitions(child) <= 1) {
        return new SortExec(s.order(), true, child);
      }
      PhysicalPlan sortedRuns = new SortExec(s.order(), false, child);
      return new SortExec(s.order(), true, new ShuffleExchangeExec(new Partitioning.Single(), sortedRuns));
    }

    @Override
    public PhysicalPlan visitLimit(Limit l) {
      LogicalPlan child = l.child();
      if (child instanceof Sort s && s.global()) {
        return topN(l.limit(), s.order(), plan(s.child()));
      }
      if (child instanceof Project p && p.child() instanceof Sort s && s.global()) {
        return new ProjectExec(p.projectList(), topN(l.limit(), s.order(), plan(s.child())));
      }
      PhysicalPlan c = plan(child);
      if (PhysicalPlans.numPartitions(c) <= 1) {
        return new LimitExec(l.limit(), true, c);
      }
      return new LimitExec(l.limit(), true,
          new ShuffleExchangeExec(new Partitioning.Single(), new LimitExec(l.limit(), false, c)));
    }

    private PhysicalPlan topN(int limit, List<SortOrder> order, PhysicalPlan child) {
      if (PhysicalPlans.numPartitions(child) <= 1) {
        return new TopNExec(limit, order, child);
      }
      return new TopNExec(limit, order,
          new ShuffleExchangeExec(new Partitioning.Single(), new TopNExec(limit, order, child)));
    }

    @Override
    public PhysicalPlan visitJoin(Join j) {
      return JoinPlanning.plan(j, plan(j.left()), plan(j.right()), settings);
    }

    @Override
    public PhysicalPlan visitUnion(Union u) {
      List<PhysicalPlan> children = new ArrayList<>();
      for (LogicalPlan c : u.children()) {
        children.add(plan(c));
      }
      return new UnionExec(children);
    }

    @Override
    public PhysicalPlan visitDistinct(Distinct d) {
      List<Expression> attrs = new ArrayList<>(d.child().output());
      return visitAggregate(new Aggregate(attrs, attrs, d.child()));
    }

    @Override
    public PhysicalPlan visitDeduplicate(Deduplicate d) {
      throw new PlanningException("Internal error: Deduplicate must be replaced by the optimizer before planning");
    }

    @Override
    public PhysicalPlan visitSubqueryAlias(SubqueryAlias s) {
      return plan(s.child());
    }

    @Override
    public PhysicalPlan visitRepartition(Repartition r) {
      PhysicalPlan child = plan(r.child());
      if (!r.shuffle()) {
        return new CoalesceExec(r.numPartitions(), child);
      }
      int n = r.numPartitions() > 0 ? r.numPartitions()
          : settings.shufflePartitions() > 0 ? settings.shufflePartitions() : Math.max(settings.defaultParallelism(),
              settings.shufflePartitionsFor(SizeEstimator.estimate(r.child())));
      Partitioning p = r.partitionExpressions().isEmpty() ? new Partitioning.RoundRobin(n)
          : new Partitioning.Hash(r.partitionExpressions(), n);
      return new ShuffleExchangeExec(p, child);
    }

    @Override
    public PhysicalPlan visitWindow(Window w) {
      PhysicalPlan child = plan(w.child());
      int n = settings.shufflePartitionsFor(SizeEstimator.estimate(w.child()));
      PhysicalPlan clustered = w.partitionSpec().isEmpty()
          ? Distribution.ensureSingle(child)
          : Distribution.ensureClustered(child, w.partitionSpec(), n);
      List<SortOrder> order = new ArrayList<>();
      for (Expression e : w.partitionSpec()) {
        order.add(SortOrder.asc(e));
      }
      order.addAll(w.orderSpec());
      return new WindowExec(w.windowExpressions(), w.partitionSpec(), w.orderSpec(),
          new SortExec(order, false, clustered));
    }

    @Override
    public PhysicalPlan visitPlanIdMarker(PlanIdMarker m) {
      return plan(m.child());
    }

    @Override
    public PhysicalPlan visitWithColumns(WithColumns w) {
      throw unresolved(w);
    }

    @Override
    public PhysicalPlan visitWithColumnsRenamed(WithColumnsRenamed w) {
      throw unresolved(w);
    }

    @Override
    public PhysicalPlan visitDrop(Drop d) {
      throw unresolved(d);
    }

    private PlanningException unresolved(LogicalPlan p) {
      return new PlanningException("Internal error: " + p.getClass().getSimpleName()
          + " must be resolved by the analyzer before planning");
    }
  }

  /** Named grouping expressions: attributes stay, other expressions get an alias. */
  static List<Expression> namedGrouping(List<Expression> grouping) {
    List<Expression> out = new ArrayList<>();
    for (Expression g : grouping) {
      out.add(g instanceof NamedExpression ? g : new Alias(g, g.sql()));
    }
    return out;
  }

  /** Splits a join condition into equi-join keys (left, right) and the rest. */
  record JoinKeys(List<Expression> left, List<Expression> right, Optional<Expression> rest) {}

  static JoinKeys extractKeys(Optional<Expression> condition, List<AttributeReference> leftOut,
      List<AttributeReference> rightOut) {
    List<Expression> lk = new ArrayList<>();
    List<Expression> rk = new ArrayList<>();
    List<Expression> rest = new ArrayList<>();
    if (condition.isPresent()) {
      for (Expression c : Expressions.splitConjuncts(condition.get())) {
        if (c instanceof Comparison cmp && (cmp.op() == ComparisonOp.EQ || cmp.op() == ComparisonOp.NULL_SAFE_EQ)) {
          Expression l = null;
          Expression r = null;
          if (sideOf(cmp.left(), leftOut) && sideOf(cmp.right(), rightOut)) {
            l = cmp.left();
            r = cmp.right();
          } else if (sideOf(cmp.left(), rightOut) && sideOf(cmp.right(), leftOut)) {
            l = cmp.right();
            r = cmp.left();
          }
          Literal fill = l == null || cmp.op() == ComparisonOp.EQ ? null : NullSafeKeys.defaultValue(l.dataType());
          if (l != null && (cmp.op() == ComparisonOp.EQ || fill != null)) {
            if (cmp.op() == ComparisonOp.EQ) {
              lk.add(l);
              rk.add(r);
            } else {
              // a <=> b as two null-free keys, as Spark does: coalesce(a, default) = coalesce(b, default) and
              // isnull(a) = isnull(b); a hash join can then match nulls with nulls.
              lk.add(ScalarFunction.of("coalesce", l, fill));
              rk.add(ScalarFunction.of("coalesce", r, fill));
              lk.add(new IsNull(l));
              rk.add(new IsNull(r));
            }
            continue;
          }
        }
        rest.add(c);
      }
    }
    return new JoinKeys(lk, rk, Optional.ofNullable(Expressions.conjunction(rest)));
  }

  /** A join key side: references columns, all of them from {@code attrs}. */
  private static boolean sideOf(Expression e, List<AttributeReference> attrs) {
    return !Expressions.references(e).isEmpty() && refsWithin(e, attrs);
  }

  private static boolean refsWithin(Expression e, List<AttributeReference> attrs) {
    return Expressions.referencesOnly(e, attrs);
  }

  static boolean isAggregateFree(Expression e) {
    return !Expressions.exists(e, x -> x instanceof AggregateCall);
  }
}
