package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.SortOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical form of a physical plan, for telling whether two plans compute the same rows: expression ids
 * are renumbered in the order a fixed walk (children before parents, fields in declaration order) first meets
 * them, and column names and qualifiers are dropped. Every DataFrame expression mints fresh ids, so the same
 * subquery built twice differs only in ids and names; what is left to compare is what decides the rows:
 * operators, expressions, literals, files and splits, partitioning, data types, nullability and column order.
 * Equal canonical forms mean equal rows in the same partitions, with output columns matching by position.
 */
public final class CanonicalPlans {
  private CanonicalPlans() {}

  public static PhysicalPlan of(PhysicalPlan plan) {
    return new Renumbering().plan(plan);
  }

  /** One walk's renumbering: the n-th distinct id met becomes {@code #n}. */
  private static final class Renumbering implements PhysicalPlanVisitor<PhysicalPlan> {
    private final Map<ExprId, ExprId> ids = new HashMap<>();

    PhysicalPlan plan(PhysicalPlan p) {
      return p.accept(this);
    }

    private ExprId id(ExprId original) {
      return ids.computeIfAbsent(original, k -> new ExprId(ids.size()));
    }

    private AttributeReference attr(AttributeReference a) {
      return new AttributeReference("", a.dataType(), a.nullable(), id(a.exprId()), List.of());
    }

    @SuppressWarnings("unchecked")
    private <E extends Expression> E expr(E e) {
      return (E) Expressions.transformUp(e, n -> {
        if (n instanceof AttributeReference a) {
          return attr(a);
        }
        if (n instanceof Alias a) {
          return new Alias(a.child(), "", id(a.exprId()));
        }
        return n;
      });
    }

    private <E extends Expression> List<E> exprs(List<E> es) {
      List<E> out = new ArrayList<>(es.size());
      for (E e : es) {
        out.add(expr(e));
      }
      return out;
    }

    private List<AttributeReference> attrs(List<AttributeReference> as) {
      List<AttributeReference> out = new ArrayList<>(as.size());
      for (AttributeReference a : as) {
        out.add(attr(a));
      }
      return out;
    }

    private Optional<Expression> expr(Optional<Expression> e) {
      return e.map(this::expr);
    }

    private Partitioning partitioning(Partitioning p) {
      return p instanceof Partitioning.Hash h ? new Partitioning.Hash(exprs(h.expressions()), h.numPartitions()) : p;
    }

    @Override
    public PhysicalPlan visitFileScanExec(FileScanExec p) {
      return new FileScanExec(p.source(), attrs(p.output()), exprs(p.pushedFilters()), p.partitions());
    }

    @Override
    public PhysicalPlan visitLocalTableScanExec(LocalTableScanExec p) {
      return new LocalTableScanExec(attrs(p.output()), p.rows(), p.numPartitions());
    }

    @Override
    public PhysicalPlan visitRangeExec(RangeExec p) {
      return new RangeExec(p.start(), p.end(), p.step(), p.numSlices(), attrs(p.output()));
    }

    @Override
    public PhysicalPlan visitInMemoryScanExec(InMemoryScanExec p) {
      return new InMemoryScanExec(p.cacheId(), attrs(p.output()), p.numPartitions());
    }

    @Override
    public PhysicalPlan visitShuffleReadExec(ShuffleReadExec p) {
      return new ShuffleReadExec(p.stageId(), attrs(p.output()), partitioning(p.partitioning()));
    }

    @Override
    public PhysicalPlan visitBroadcastReadExec(BroadcastReadExec p) {
      return new BroadcastReadExec(p.stageId(), attrs(p.output()));
    }

    @Override
    public PhysicalPlan visitProjectExec(ProjectExec p) {
      PhysicalPlan child = plan(p.child());
      return new ProjectExec(exprs(p.projectList()), child);
    }

    @Override
    public PhysicalPlan visitFilterExec(FilterExec p) {
      PhysicalPlan child = plan(p.child());
      return new FilterExec(expr(p.condition()), child);
    }

    @Override
    public PhysicalPlan visitHashAggregateExec(HashAggregateExec p) {
      PhysicalPlan child = plan(p.child());
      List<Expression> grouping = exprs(p.groupingExpressions());
      List<AggregateCall> aggregates = exprs(p.aggregates());
      List<AttributeReference> aggregateAttributes = attrs(p.aggregateAttributes());
      List<AttributeReference> bufferAttributes = attrs(p.bufferAttributes());
      // A partial aggregate outputs its groups and buffers; its result expressions (which the planner gives
      // it from the final phase, pruned per branch) do not change its rows.
      List<Expression> results = p.mode() == AggregateMode.PARTIAL ? List.of() : exprs(p.resultExpressions());
      return new HashAggregateExec(p.mode(), grouping, aggregates, aggregateAttributes, bufferAttributes,
          p.fromBuffers(), results, child);
    }

    @Override
    public PhysicalPlan visitSortExec(SortExec p) {
      PhysicalPlan child = plan(p.child());
      return new SortExec(exprs(p.order()), p.global(), child);
    }

    @Override
    public PhysicalPlan visitTopNExec(TopNExec p) {
      PhysicalPlan child = plan(p.child());
      return new TopNExec(p.limit(), exprs(p.order()), child);
    }

    @Override
    public PhysicalPlan visitLimitExec(LimitExec p) {
      return new LimitExec(p.limit(), p.global(), plan(p.child()));
    }

    @Override
    public PhysicalPlan visitShuffleExchangeExec(ShuffleExchangeExec p) {
      PhysicalPlan child = plan(p.child());
      return new ShuffleExchangeExec(partitioning(p.partitioning()), child);
    }

    @Override
    public PhysicalPlan visitBroadcastExchangeExec(BroadcastExchangeExec p) {
      return new BroadcastExchangeExec(plan(p.child()));
    }

    @Override
    public PhysicalPlan visitCoalesceExec(CoalesceExec p) {
      return new CoalesceExec(p.numPartitions(), plan(p.child()));
    }

    @Override
    public PhysicalPlan visitWindowExec(WindowExec p) {
      PhysicalPlan child = plan(p.child());
      List<Expression> windows = exprs(p.windowExpressions());
      List<Expression> partitionSpec = exprs(p.partitionSpec());
      List<SortOrder> orderSpec = exprs(p.orderSpec());
      return new WindowExec(windows, partitionSpec, orderSpec, child);
    }

    @Override
    public PhysicalPlan visitWriteFilesExec(WriteFilesExec p) {
      return new WriteFilesExec(p.spec(), plan(p.child()));
    }

    @Override
    public PhysicalPlan visitHashJoinExec(HashJoinExec p) {
      PhysicalPlan left = plan(p.left());
      PhysicalPlan right = plan(p.right());
      List<Expression> leftKeys = exprs(p.leftKeys());
      List<Expression> rightKeys = exprs(p.rightKeys());
      return new HashJoinExec(leftKeys, rightKeys, p.joinType(), p.buildSide(), expr(p.condition()),
          p.broadcast(), left, right);
    }

    @Override
    public PhysicalPlan visitNestedLoopJoinExec(NestedLoopJoinExec p) {
      PhysicalPlan left = plan(p.left());
      PhysicalPlan right = plan(p.right());
      return new NestedLoopJoinExec(p.joinType(), p.buildSide(), expr(p.condition()), left, right);
    }

    @Override
    public PhysicalPlan visitUnionExec(UnionExec p) {
      List<PhysicalPlan> children = new ArrayList<>();
      for (PhysicalPlan c : p.children()) {
        children.add(plan(c));
      }
      return new UnionExec(children);
    }
  }
}
