package dev.quiver.planner.explain;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.physical.AggregateMode;
import dev.quiver.planner.physical.BroadcastExchangeExec;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.CoalesceExec;
import dev.quiver.planner.physical.FileScanExec;
import dev.quiver.planner.physical.FilterExec;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.InMemoryScanExec;
import dev.quiver.planner.physical.LimitExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.NestedLoopJoinExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PhysicalPlanVisitor;
import dev.quiver.planner.physical.ProjectExec;
import dev.quiver.planner.physical.RangeExec;
import dev.quiver.planner.physical.ShuffleExchangeExec;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.physical.SortExec;
import dev.quiver.planner.physical.TopNExec;
import dev.quiver.planner.physical.UnionExec;
import dev.quiver.planner.physical.WindowExec;
import dev.quiver.planner.physical.WriteFilesExec;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageDag;
import dev.quiver.planner.stages.StageId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Physical plans as text in the style of Spark's explain: each operator prefixed with {@code *(n)}, the
 * stage that runs it, and every exchange marked as the boundary between the stage that writes it and the
 * stage that reads it.
 */
public final class PhysicalPlanPrinter {
  private PhysicalPlanPrinter() {}

  /**
   * The job's plan, stage fragments stitched back together at their exchanges. A stage read by several
   * consumers (a reused exchange) is drawn in full where it is met first and as Spark's
   * {@code ReusedExchange [columns], <exchange>} line everywhere else.
   */
  public static String print(StageDag dag) {
    Set<StageId> drawn = new HashSet<>();
    return TreeText.draw(new Node(dag.result(), dag.result().fragment(), dag, drawn), Node::label, Node::children);
  }

  /** A plan that has not been cut into stages (no stage markers). */
  public static String print(PhysicalPlan plan) {
    return TreeText.draw(plan, p -> p.accept(Labels.INSTANCE), PhysicalPlan::children);
  }

  /**
   * One operator of a stage's fragment. The tree is drawn parent first, children in order, so whether a read
   * is the first of its stage (drawn in full) is decided when its label is drawn, just before its children.
   */
  private static final class Node {
    private final Stage stage;
    private final PhysicalPlan plan;
    private final StageDag dag;
    private final Set<StageId> drawn;
    private boolean reused;

    Node(Stage stage, PhysicalPlan plan, StageDag dag, Set<StageId> drawn) {
      this.stage = stage;
      this.plan = plan;
      this.dag = dag;
      this.drawn = drawn;
    }

    String label() {
      Stage producer = producer();
      if (producer == null) {
        return "*(" + stage.id().id() + ") " + plan.accept(Labels.INSTANCE);
      }
      reused = !drawn.add(producer.id());
      String exchange = plan instanceof ShuffleReadExec r ? "Exchange " + partitioning(r.partitioning())
          : "BroadcastExchange";
      if (reused) {
        return "ReusedExchange [" + LogicalPlanPrinter.attrs(plan.output()) + "], " + exchange
            + "  <- stage " + producer.id().id() + "'s output, read again by stage " + stage.id().id();
      }
      String boundary = exchange + "  <- stage boundary: stage " + producer.id().id() + " ("
          + producer.numPartitions() + " tasks) ";
      return plan instanceof ShuffleReadExec ? boundary + "writes, stage " + stage.id().id() + " reads"
          : boundary + "is broadcast to stage " + stage.id().id();
    }

    List<Node> children() {
      Stage producer = producer();
      if (producer != null) {
        return reused ? List.of() : List.of(new Node(producer, producer.fragment(), dag, drawn));
      }
      return plan.children().stream().map(c -> new Node(stage, c, dag, drawn)).toList();
    }

    /** The stage whose output this node reads, or null for an operator of this stage. */
    private Stage producer() {
      if (plan instanceof ShuffleReadExec r) {
        return dag.stage(new StageId(r.stageId()));
      }
      if (plan instanceof BroadcastReadExec b) {
        return dag.stage(new StageId(b.stageId()));
      }
      return null;
    }
  }

  static String partitioning(Partitioning p) {
    if (p instanceof Partitioning.Hash h) {
      return "hashpartitioning(" + exprs(h.expressions()) + ", " + h.numPartitions() + ")";
    }
    if (p instanceof Partitioning.RoundRobin r) {
      return "RoundRobinPartitioning(" + r.numPartitions() + ")";
    }
    if (p instanceof Partitioning.Single) {
      return "SinglePartition";
    }
    return "UnknownPartitioning(" + p.numPartitions() + ")";
  }

  private static String exprs(List<? extends Expression> es) {
    return es.stream().map(PlanText::expr).collect(Collectors.joining(", "));
  }

  /** One line per operator. */
  private static final class Labels implements PhysicalPlanVisitor<String> {
    static final Labels INSTANCE = new Labels();

    @Override
    public String visitFileScanExec(FileScanExec p) {
      StringBuilder sb = new StringBuilder("FileScan ").append(p.source().format()).append(" [")
          .append(LogicalPlanPrinter.attrs(p.output())).append("]");
      sb.append(" PushedFilters: [").append(exprs(p.pushedFilters())).append("]");
      sb.append(", ReadSchema: ").append(dev.quiver.planner.logical.Plans.schemaOf(p.output()).simpleString());
      sb.append(", Location: ").append(p.source().paths());
      sb.append(", Files: ").append(p.source().files().size()).append(", Tasks: ").append(p.partitions().size());
      return sb.toString();
    }

    @Override
    public String visitLocalTableScanExec(LocalTableScanExec p) {
      return "LocalTableScan [" + exprs(p.output()) + "]";
    }

    @Override
    public String visitRangeExec(RangeExec p) {
      return "Range (" + p.start() + ", " + p.end() + ", step=" + p.step() + ", splits=" + p.numSlices() + ")";
    }

    @Override
    public String visitInMemoryScanExec(InMemoryScanExec p) {
      return "InMemoryTableScan [" + exprs(p.output()) + "], cache " + p.cacheId();
    }

    @Override
    public String visitShuffleReadExec(ShuffleReadExec p) {
      return "ShuffleRead stage " + p.stageId() + " " + partitioning(p.partitioning());
    }

    @Override
    public String visitBroadcastReadExec(BroadcastReadExec p) {
      return "BroadcastRead stage " + p.stageId();
    }

    @Override
    public String visitProjectExec(ProjectExec p) {
      return "Project [" + exprs(p.projectList()) + "]";
    }

    @Override
    public String visitFilterExec(FilterExec p) {
      return "Filter " + PlanText.expr(p.condition());
    }

    @Override
    public String visitHashAggregateExec(HashAggregateExec p) {
      List<String> fns = new ArrayList<>();
      for (int i = 0; i < p.aggregates().size(); i++) {
        String prefix = p.mode() != AggregateMode.PARTIAL ? "" : p.fromBuffers().get(i) ? "merge_" : "partial_";
        fns.add(prefix + PlanText.expr(p.aggregates().get(i)));
      }
      String s = "HashAggregate(keys=[" + exprs(p.groupingExpressions()) + "], functions=["
          + String.join(", ", fns) + "]";
      return p.mode() == AggregateMode.COMPLETE ? s + ", mode=Complete)" : s + ")";
    }

    @Override
    public String visitSortExec(SortExec p) {
      return "Sort [" + exprs(p.order()) + "], " + p.global();
    }

    @Override
    public String visitTopNExec(TopNExec p) {
      return "TopN(limit=" + p.limit() + ", orderBy=[" + exprs(p.order()) + "])";
    }

    @Override
    public String visitLimitExec(LimitExec p) {
      return (p.global() ? "GlobalLimit " : "LocalLimit ") + p.limit();
    }

    @Override
    public String visitShuffleExchangeExec(ShuffleExchangeExec p) {
      return "Exchange " + partitioning(p.partitioning());
    }

    @Override
    public String visitBroadcastExchangeExec(BroadcastExchangeExec p) {
      return "BroadcastExchange";
    }

    @Override
    public String visitCoalesceExec(CoalesceExec p) {
      return "Coalesce " + p.numPartitions();
    }

    @Override
    public String visitWindowExec(WindowExec p) {
      return "Window [" + exprs(p.windowExpressions()) + "], [" + exprs(p.partitionSpec()) + "], ["
          + exprs(p.orderSpec()) + "]";
    }

    @Override
    public String visitWriteFilesExec(WriteFilesExec p) {
      return "WriteFiles " + p.spec().format() + " to " + p.spec().outputPath()
          + (p.spec().partitionColumns().isEmpty() ? "" : ", partitionBy " + p.spec().partitionColumns());
    }

    @Override
    public String visitHashJoinExec(HashJoinExec p) {
      String name = p.broadcast() ? "BroadcastHashJoin" : "ShuffledHashJoin";
      String side = p.buildSide() == dev.quiver.planner.physical.BuildSide.LEFT ? "BuildLeft" : "BuildRight";
      return name + " [" + exprs(p.leftKeys()) + "], [" + exprs(p.rightKeys()) + "], " + p.joinType().display()
          + ", " + side + p.condition().map(c -> ", " + PlanText.expr(c)).orElse("");
    }

    @Override
    public String visitNestedLoopJoinExec(NestedLoopJoinExec p) {
      String side = p.buildSide() == dev.quiver.planner.physical.BuildSide.LEFT ? "BuildLeft" : "BuildRight";
      return "BroadcastNestedLoopJoin " + side + ", " + p.joinType().display()
          + p.condition().map(c -> ", " + PlanText.expr(c)).orElse("");
    }

    @Override
    public String visitUnionExec(UnionExec p) {
      return "Union";
    }

  }
}
