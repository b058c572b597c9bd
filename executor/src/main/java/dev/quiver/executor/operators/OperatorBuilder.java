package dev.quiver.executor.operators;

import dev.quiver.executor.operators.aggregate.HashAggregateOperator;
import dev.quiver.executor.operators.join.BuildInput;
import dev.quiver.executor.operators.join.HashJoinOperator;
import dev.quiver.executor.operators.join.NestedLoopJoinOperator;
import dev.quiver.executor.operators.window.WindowOperator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.formats.KeySet;
import dev.quiver.formats.SourceFilter;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.physical.BroadcastExchangeExec;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.CoalesceExec;
import dev.quiver.planner.physical.FileScanExec;
import dev.quiver.planner.physical.FilterExec;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.InMemoryScanExec;
import dev.quiver.planner.physical.LimitExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.NestedLoopJoinExec;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PhysicalPlanVisitor;
import dev.quiver.planner.physical.PhysicalPlans;
import dev.quiver.planner.physical.ProjectExec;
import dev.quiver.planner.physical.RangeExec;
import dev.quiver.planner.physical.ShuffleExchangeExec;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.physical.SortExec;
import dev.quiver.planner.physical.TopNExec;
import dev.quiver.planner.physical.UnionExec;
import dev.quiver.planner.physical.WindowExec;
import dev.quiver.planner.physical.WriteFilesExec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Instantiates the operator tree of one task: the fragment's operators for partition {@code partition}.
 * Expressions are bound and compiled here, once, before the first batch.
 */
public final class OperatorBuilder {
  /** Creates a join operator from its built inputs. */
  @FunctionalInterface
  private interface JoinFactory {
    Operator create(Operator stream, java.util.List<dev.quiver.planner.expressions.AttributeReference> streamOutput,
        BuildInput build, java.util.List<dev.quiver.planner.expressions.AttributeReference> buildOutput);
  }

  private final TaskContext ctx;
  private final boolean scanKeyFilters;
  /** The scan operators built so far, by plan node: where a join's runtime key filter goes. */
  private final Map<FileScanExec, List<FileScanOperator>> scans = new IdentityHashMap<>();

  public OperatorBuilder(TaskContext ctx) {
    this(ctx, true);
  }

  /**
   * @param scanKeyFilters whether a broadcast join hands its build keys to the scan below its other input
   *     ({@link JoinKeyScans}), which then decodes the rest of a row only when its key has a match
   */
  public OperatorBuilder(TaskContext ctx, boolean scanKeyFilters) {
    this.ctx = ctx;
    this.scanKeyFilters = scanKeyFilters;
  }

  public Operator build(PhysicalPlan plan, int partition) {
    return plan.accept(new Visitor(partition));
  }

  private final class Visitor implements PhysicalPlanVisitor<Operator> {
    private final int partition;

    Visitor(int partition) {
      this.partition = partition;
    }

    private Operator child(PhysicalPlan p) {
      return p.accept(this);
    }

    /**
     * Builds the input, then the operator over it; if the operator cannot be built (e.g. an expression fails
     * to compile), the already opened input is closed rather than leaked.
     */
    private Operator over(PhysicalPlan input, java.util.function.Function<Operator, Operator> make) {
      Operator c = child(input);
      try {
        return make.apply(c);
      } catch (RuntimeException | Error e) {
        try {
          c.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    @Override
    public Operator visitFileScanExec(FileScanExec p) {
      FileScanOperator scan = new FileScanOperator(p, partition, ctx);
      scans.computeIfAbsent(p, k -> new ArrayList<>()).add(scan);
      return scan;
    }

    @Override
    public Operator visitLocalTableScanExec(LocalTableScanExec p) {
      return new LocalTableScanOperator(p.output(), p.rows(), partition, p.numPartitions(), ctx);
    }

    @Override
    public Operator visitRangeExec(RangeExec p) {
      long count = dev.quiver.planner.logical.Range.of(p.start(), p.end(), p.step(), p.numSlices()).count();
      return new RangeOperator(p.start(), p.step(), count, partition, p.numSlices(), ctx);
    }

    @Override
    public Operator visitInMemoryScanExec(InMemoryScanExec p) {
      return ctx.inputs().cached(p.cacheId(), partition, ctx.allocator());
    }

    @Override
    public Operator visitShuffleReadExec(ShuffleReadExec p) {
      return ctx.inputs().shuffleRead(p.stageId(), partition, ctx.allocator());
    }

    @Override
    public Operator visitBroadcastReadExec(BroadcastReadExec p) {
      return new BroadcastScanOperator(ctx.inputs().broadcast(p.stageId()), ctx);
    }

    @Override
    public Operator visitProjectExec(ProjectExec p) {
      return over(p.child(), c -> new ProjectOperator(c, Operators.compile(p.projectList(), p.child().output()), ctx));
    }

    @Override
    public Operator visitFilterExec(FilterExec p) {
      return over(p.child(), c -> FilterOperator.of(c, p.condition(), p.child().output(), ctx));
    }

    @Override
    public Operator visitHashAggregateExec(HashAggregateExec p) {
      return HashAggregateOperator.create(p, child(p.child()), p.child().output(), ctx);
    }

    @Override
    public Operator visitSortExec(SortExec p) {
      return over(p.child(), c -> new SortOperator(c, p.order(), p.child().output(), ctx));
    }

    @Override
    public Operator visitTopNExec(TopNExec p) {
      return over(p.child(), c -> new TopNOperator(c, p.limit(), p.order(), p.child().output(), ctx));
    }

    @Override
    public Operator visitLimitExec(LimitExec p) {
      return new LimitOperator(child(p.child()), p.limit(), ctx);
    }

    @Override
    public Operator visitShuffleExchangeExec(ShuffleExchangeExec p) {
      throw new PlanningException("Internal error: an exchange reached a task; stages must be cut first");
    }

    @Override
    public Operator visitBroadcastExchangeExec(BroadcastExchangeExec p) {
      throw new PlanningException("Internal error: a broadcast exchange reached a task; stages must be cut first");
    }

    @Override
    public Operator visitCoalesceExec(CoalesceExec p) {
      int childParts = PhysicalPlans.numPartitions(p.child());
      int groups = PhysicalPlans.numPartitions(p);
      int from = (int) ((long) partition * childParts / groups);
      int to = (int) ((long) (partition + 1) * childParts / groups);
      List<Supplier<Operator>> inputs = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int part = i;
        inputs.add(() -> p.child().accept(new Visitor(part)));
      }
      return new ConcatOperator(inputs);
    }

    @Override
    public Operator visitWindowExec(WindowExec p) {
      return WindowOperator.create(p, child(p.child()), p.child().output(), ctx);
    }

    @Override
    public Operator visitWriteFilesExec(WriteFilesExec p) {
      return over(p.child(), c -> new WriteFilesOperator(p, c, partition, ctx));
    }

    @Override
    public Operator visitHashJoinExec(HashJoinExec p) {
      return join(p.buildSide(), p.left(), p.right(), (stream, streamOut, build, buildOut) ->
          HashJoinOperator.create(p, stream, streamOut, build, buildOut, ctx, streamKeyFilter(p)));
    }

    @Override
    public Operator visitNestedLoopJoinExec(NestedLoopJoinExec p) {
      return join(p.buildSide(), p.left(), p.right(), (stream, streamOut, build, buildOut) ->
          NestedLoopJoinOperator.create(p, stream, streamOut, build, buildOut, ctx));
    }

    /** Builds both inputs of a join (the build side first) and hands them to the join's factory. */
    private Operator join(BuildSide side, PhysicalPlan left, PhysicalPlan right, JoinFactory factory) {
      boolean buildRight = side == BuildSide.RIGHT;
      PhysicalPlan streamPlan = buildRight ? left : right;
      PhysicalPlan buildPlan = buildRight ? right : left;
      BuildInput build = buildInput(buildPlan);
      Operator stream;
      try {
        stream = child(streamPlan);
      } catch (RuntimeException e) {
        if (build instanceof BuildInput.Owned owned) {
          owned.operator().close();
        }
        throw e;
      }
      return factory.create(stream, streamPlan.output(), build, buildPlan.output());
    }

    /**
     * Where a broadcast join's build keys go: to the one scan that reads its stream key unchanged, as a
     * {@link SourceFilter.KeysIn}; null when there is no such scan or the join keeps unmatched stream rows.
     */
    private Consumer<KeySet> streamKeyFilter(HashJoinExec join) {
      List<Expression> streamKeys = join.buildSide() == BuildSide.RIGHT ? join.leftKeys() : join.rightKeys();
      if (!scanKeyFilters || !join.broadcast() || streamKeys.size() != 1
          || !(streamKeys.get(0) instanceof AttributeReference key) || !JoinKeyScans.dropsUnmatchedStreamRows(join)) {
        return null;
      }
      PhysicalPlan stream = join.buildSide() == BuildSide.RIGHT ? join.left() : join.right();
      return JoinKeyScans.trace(stream, key.exprId())
          .filter(t -> scans.getOrDefault(t.scan(), List.of()).size() == 1)
          .<Consumer<KeySet>>map(t -> {
            FileScanOperator scan = scans.get(t.scan()).get(0);
            return keys -> scan.addRuntimeFilter(new SourceFilter.KeysIn(t.column(), keys));
          })
          .orElse(null);
    }

    private BuildInput buildInput(PhysicalPlan buildPlan) {
      if (buildPlan instanceof BroadcastReadExec b) {
        return BuildInput.broadcast(ctx.inputs().broadcast(b.stageId()), ctx.inputs().broadcastTables(b.stageId()));
      }
      return BuildInput.of(child(buildPlan));
    }

    @Override
    public Operator visitUnionExec(UnionExec p) {
      int offset = partition;
      for (PhysicalPlan c : p.children()) {
        int n = PhysicalPlans.numPartitions(c);
        if (offset < n) {
          return c.accept(new Visitor(offset));
        }
        offset -= n;
      }
      return new EmptyOperator();
    }
  }
}
