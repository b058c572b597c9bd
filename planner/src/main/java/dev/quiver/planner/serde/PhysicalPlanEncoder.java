package dev.quiver.planner.serde;

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
import dev.quiver.planner.physical.WriteSpec;
import dev.quiver.proto.PhysicalPlanProto;
import dev.quiver.proto.WriteSpecProto;
import dev.quiver.sql.types.DataType;
import java.util.List;

/** PhysicalPlan to {@code PhysicalPlanProto}, one visit method per operator: a new operator breaks the compile. */
final class PhysicalPlanEncoder implements PhysicalPlanVisitor<PhysicalPlanProto> {
  static final PhysicalPlanEncoder INSTANCE = new PhysicalPlanEncoder();

  private PhysicalPlanEncoder() {}

  private static PhysicalPlanProto encode(PhysicalPlan p) {
    return p.accept(INSTANCE);
  }

  private static PhysicalPlanProto.Builder node() {
    return PhysicalPlanProto.newBuilder();
  }

  @Override
  public PhysicalPlanProto visitFileScanExec(FileScanExec s) {
    return node().setFileScan(PhysicalPlanProto.FileScanExec.newBuilder()
        .setSource(FileSourceSerde.toProto(s.source()))
        .addAllOutput(ExpressionSerde.attributesToProto(s.output()))
        .addAllPushedFilters(ExpressionSerde.toProtos(s.pushedFilters()))
        .addAllPartitions(FileSourceSerde.partitionsToProto(s.partitions(), s.source().partitionSchema())))
        .build();
  }

  @Override
  public PhysicalPlanProto visitLocalTableScanExec(LocalTableScanExec s) {
    List<DataType> types = LiteralValueSerde.typesOf(s.output());
    PhysicalPlanProto.LocalTableScanExec.Builder b = PhysicalPlanProto.LocalTableScanExec.newBuilder()
        .addAllOutput(ExpressionSerde.attributesToProto(s.output())).setNumPartitions(s.numPartitions());
    for (List<Object> row : s.rows()) {
      b.addRows(LiteralValueSerde.rowToProto(row, types));
    }
    return node().setLocalTableScan(b).build();
  }

  @Override
  public PhysicalPlanProto visitRangeExec(RangeExec r) {
    return node().setRange(PhysicalPlanProto.RangeExec.newBuilder().setStart(r.start()).setEnd(r.end())
        .setStep(r.step()).setNumSlices(r.numSlices()).addAllOutput(ExpressionSerde.attributesToProto(r.output())))
        .build();
  }

  @Override
  public PhysicalPlanProto visitInMemoryScanExec(InMemoryScanExec s) {
    return node().setInMemoryScan(PhysicalPlanProto.InMemoryScanExec.newBuilder().setCacheId(s.cacheId())
        .addAllOutput(ExpressionSerde.attributesToProto(s.output())).setNumPartitions(s.numPartitions())).build();
  }

  @Override
  public PhysicalPlanProto visitShuffleReadExec(ShuffleReadExec r) {
    return node().setShuffleRead(PhysicalPlanProto.ShuffleReadExec.newBuilder().setStageId(r.stageId())
        .addAllOutput(ExpressionSerde.attributesToProto(r.output()))
        .setPartitioning(PartitioningSerde.toProto(r.partitioning()))).build();
  }

  @Override
  public PhysicalPlanProto visitBroadcastReadExec(BroadcastReadExec r) {
    return node().setBroadcastRead(PhysicalPlanProto.BroadcastReadExec.newBuilder().setStageId(r.stageId())
        .addAllOutput(ExpressionSerde.attributesToProto(r.output()))).build();
  }

  @Override
  public PhysicalPlanProto visitProjectExec(ProjectExec p) {
    return node().setProject(PhysicalPlanProto.ProjectExec.newBuilder()
        .addAllProjectList(ExpressionSerde.toProtos(p.projectList())).setChild(encode(p.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitFilterExec(FilterExec f) {
    return node().setFilter(PhysicalPlanProto.FilterExec.newBuilder()
        .setCondition(ExpressionSerde.toProto(f.condition())).setChild(encode(f.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitHashAggregateExec(HashAggregateExec a) {
    return node().setHashAggregate(PhysicalPlanProto.HashAggregateExec.newBuilder()
        .setMode(EnumSerde.toProto(a.mode()))
        .addAllGroupingExpressions(ExpressionSerde.toProtos(a.groupingExpressions()))
        .addAllAggregates(ExpressionSerde.aggregateCallsToProto(a.aggregates()))
        .addAllAggregateAttributes(ExpressionSerde.attributesToProto(a.aggregateAttributes()))
        .addAllBufferAttributes(ExpressionSerde.attributesToProto(a.bufferAttributes()))
        .addAllFromBuffers(a.fromBuffers())
        .addAllResultExpressions(ExpressionSerde.toProtos(a.resultExpressions()))
        .setChild(encode(a.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitSortExec(SortExec s) {
    return node().setSort(PhysicalPlanProto.SortExec.newBuilder()
        .addAllOrder(ExpressionSerde.sortOrdersToProto(s.order())).setGlobal(s.global()).setChild(encode(s.child())))
        .build();
  }

  @Override
  public PhysicalPlanProto visitTopNExec(TopNExec t) {
    return node().setTopN(PhysicalPlanProto.TopNExec.newBuilder().setLimit(t.limit())
        .addAllOrder(ExpressionSerde.sortOrdersToProto(t.order())).setChild(encode(t.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitLimitExec(LimitExec l) {
    return node().setLimit(PhysicalPlanProto.LimitExec.newBuilder().setLimit(l.limit()).setGlobal(l.global())
        .setChild(encode(l.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitShuffleExchangeExec(ShuffleExchangeExec x) {
    return node().setShuffleExchange(PhysicalPlanProto.ShuffleExchangeExec.newBuilder()
        .setPartitioning(PartitioningSerde.toProto(x.partitioning())).setChild(encode(x.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitBroadcastExchangeExec(BroadcastExchangeExec x) {
    return node().setBroadcastExchange(PhysicalPlanProto.BroadcastExchangeExec.newBuilder()
        .setChild(encode(x.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitCoalesceExec(CoalesceExec c) {
    return node().setCoalesce(PhysicalPlanProto.CoalesceExec.newBuilder().setNumPartitions(c.numPartitions())
        .setChild(encode(c.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitWindowExec(WindowExec w) {
    return node().setWindow(PhysicalPlanProto.WindowExec.newBuilder()
        .addAllWindowExpressions(ExpressionSerde.toProtos(w.windowExpressions()))
        .addAllPartitionSpec(ExpressionSerde.toProtos(w.partitionSpec()))
        .addAllOrderSpec(ExpressionSerde.sortOrdersToProto(w.orderSpec()))
        .setChild(encode(w.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitWriteFilesExec(WriteFilesExec w) {
    WriteSpec s = w.spec();
    return node().setWriteFiles(PhysicalPlanProto.WriteFilesExec.newBuilder()
        .setSpec(WriteSpecProto.newBuilder().setFormat(s.format()).putAllOptions(s.options())
            .addAllPartitionColumns(s.partitionColumns()).setOutputPath(s.outputPath())
            .setStagingPath(s.stagingPath()).setJobId(s.jobId()))
        .setChild(encode(w.child()))).build();
  }

  @Override
  public PhysicalPlanProto visitHashJoinExec(HashJoinExec j) {
    PhysicalPlanProto.HashJoinExec.Builder b = PhysicalPlanProto.HashJoinExec.newBuilder()
        .addAllLeftKeys(ExpressionSerde.toProtos(j.leftKeys())).addAllRightKeys(ExpressionSerde.toProtos(j.rightKeys()))
        .setJoinType(EnumSerde.toProto(j.joinType())).setBuildSide(EnumSerde.toProto(j.buildSide()))
        .setBroadcast(j.broadcast()).setLeft(encode(j.left())).setRight(encode(j.right()));
    j.condition().ifPresent(c -> b.setCondition(ExpressionSerde.toProto(c)));
    return node().setHashJoin(b).build();
  }

  @Override
  public PhysicalPlanProto visitNestedLoopJoinExec(NestedLoopJoinExec j) {
    PhysicalPlanProto.NestedLoopJoinExec.Builder b = PhysicalPlanProto.NestedLoopJoinExec.newBuilder()
        .setJoinType(EnumSerde.toProto(j.joinType())).setBuildSide(EnumSerde.toProto(j.buildSide()))
        .setLeft(encode(j.left())).setRight(encode(j.right()));
    j.condition().ifPresent(c -> b.setCondition(ExpressionSerde.toProto(c)));
    return node().setNestedLoopJoin(b).build();
  }

  @Override
  public PhysicalPlanProto visitUnionExec(UnionExec u) {
    PhysicalPlanProto.UnionExec.Builder b = PhysicalPlanProto.UnionExec.newBuilder();
    for (PhysicalPlan c : u.children()) {
      b.addChildren(encode(c));
    }
    return node().setUnion(b).build();
  }
}
