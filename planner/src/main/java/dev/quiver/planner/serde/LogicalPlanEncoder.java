package dev.quiver.planner.serde;

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
import dev.quiver.proto.LogicalPlanProto;
import dev.quiver.sql.types.DataType;
import java.util.List;

/** LogicalPlan to {@code LogicalPlanProto}, one visit method per node: a new node breaks the compile. */
final class LogicalPlanEncoder implements LogicalPlanVisitor<LogicalPlanProto> {
  static final LogicalPlanEncoder INSTANCE = new LogicalPlanEncoder();

  private LogicalPlanEncoder() {}

  private static LogicalPlanProto encode(LogicalPlan p) {
    return p.accept(INSTANCE);
  }

  private static LogicalPlanProto.Builder node() {
    return LogicalPlanProto.newBuilder();
  }

  @Override
  public LogicalPlanProto visitLocalRelation(LocalRelation r) {
    List<DataType> types = LiteralValueSerde.typesOf(r.schema());
    LogicalPlanProto.LocalRelation.Builder b = LogicalPlanProto.LocalRelation.newBuilder()
        .setSchema(TypeSerde.structToProto(r.schema())).addAllOutput(ExpressionSerde.attributesToProto(r.output()));
    for (List<Object> row : r.rows()) {
      b.addRows(LiteralValueSerde.rowToProto(row, types));
    }
    return node().setLocalRelation(b).build();
  }

  @Override
  public LogicalPlanProto visitRange(Range r) {
    return node().setRange(LogicalPlanProto.Range.newBuilder().setStart(r.start()).setEnd(r.end()).setStep(r.step())
        .setNumSlices(r.numSlices()).addAllOutput(ExpressionSerde.attributesToProto(r.output()))).build();
  }

  @Override
  public LogicalPlanProto visitFileRelation(FileRelation r) {
    return node().setFileRelation(LogicalPlanProto.FileRelation.newBuilder()
        .setSource(FileSourceSerde.toProto(r.source())).addAllOutput(ExpressionSerde.attributesToProto(r.output()))
        .addAllPushedFilters(ExpressionSerde.toProtos(r.pushedFilters()))).build();
  }

  @Override
  public LogicalPlanProto visitCachedRelation(CachedRelation r) {
    return node().setCachedRelation(LogicalPlanProto.CachedRelation.newBuilder().setCacheId(r.cacheId())
        .setPlan(encode(r.plan())).addAllOutput(ExpressionSerde.attributesToProto(r.output()))).build();
  }

  @Override
  public LogicalPlanProto visitProject(Project p) {
    return node().setProject(LogicalPlanProto.Project.newBuilder()
        .addAllProjectList(ExpressionSerde.toProtos(p.projectList())).setChild(encode(p.child()))).build();
  }

  @Override
  public LogicalPlanProto visitFilter(Filter f) {
    return node().setFilter(LogicalPlanProto.Filter.newBuilder().setCondition(ExpressionSerde.toProto(f.condition()))
        .setChild(encode(f.child()))).build();
  }

  @Override
  public LogicalPlanProto visitAggregate(Aggregate a) {
    return node().setAggregate(LogicalPlanProto.Aggregate.newBuilder()
        .addAllGroupingExpressions(ExpressionSerde.toProtos(a.groupingExpressions()))
        .addAllAggregateExpressions(ExpressionSerde.toProtos(a.aggregateExpressions()))
        .setChild(encode(a.child()))).build();
  }

  @Override
  public LogicalPlanProto visitJoin(Join j) {
    LogicalPlanProto.Join.Builder b = LogicalPlanProto.Join.newBuilder().setLeft(encode(j.left()))
        .setRight(encode(j.right())).setJoinType(EnumSerde.toProto(j.joinType()))
        .addAllUsingColumns(j.usingColumns());
    j.condition().ifPresent(c -> b.setCondition(ExpressionSerde.toProto(c)));
    return node().setJoin(b).build();
  }

  @Override
  public LogicalPlanProto visitSort(Sort s) {
    return node().setSort(LogicalPlanProto.Sort.newBuilder().addAllOrder(ExpressionSerde.sortOrdersToProto(s.order()))
        .setGlobal(s.global()).setChild(encode(s.child()))).build();
  }

  @Override
  public LogicalPlanProto visitLimit(Limit l) {
    return node().setLimit(LogicalPlanProto.Limit.newBuilder().setLimit(l.limit()).setChild(encode(l.child())))
        .build();
  }

  @Override
  public LogicalPlanProto visitUnion(Union u) {
    LogicalPlanProto.Union.Builder b = LogicalPlanProto.Union.newBuilder().setByName(u.byName())
        .setAllowMissingColumns(u.allowMissingColumns());
    for (LogicalPlan c : u.children()) {
      b.addChildren(encode(c));
    }
    return node().setUnion(b).build();
  }

  @Override
  public LogicalPlanProto visitDistinct(Distinct d) {
    return node().setDistinct(LogicalPlanProto.Distinct.newBuilder().setChild(encode(d.child()))).build();
  }

  @Override
  public LogicalPlanProto visitDeduplicate(Deduplicate d) {
    return node().setDeduplicate(LogicalPlanProto.Deduplicate.newBuilder()
        .addAllKeys(ExpressionSerde.toProtos(d.keys())).setChild(encode(d.child()))).build();
  }

  @Override
  public LogicalPlanProto visitSubqueryAlias(SubqueryAlias s) {
    return node().setSubqueryAlias(LogicalPlanProto.SubqueryAlias.newBuilder().setAlias(s.alias())
        .setChild(encode(s.child()))).build();
  }

  @Override
  public LogicalPlanProto visitRepartition(Repartition r) {
    return node().setRepartition(LogicalPlanProto.Repartition.newBuilder().setNumPartitions(r.numPartitions())
        .setShuffle(r.shuffle()).addAllPartitionExpressions(ExpressionSerde.toProtos(r.partitionExpressions()))
        .setChild(encode(r.child()))).build();
  }

  @Override
  public LogicalPlanProto visitWindow(Window w) {
    return node().setWindow(LogicalPlanProto.Window.newBuilder()
        .addAllWindowExpressions(ExpressionSerde.toProtos(w.windowExpressions()))
        .addAllPartitionSpec(ExpressionSerde.toProtos(w.partitionSpec()))
        .addAllOrderSpec(ExpressionSerde.sortOrdersToProto(w.orderSpec()))
        .setChild(encode(w.child()))).build();
  }

  @Override
  public LogicalPlanProto visitPlanIdMarker(PlanIdMarker m) {
    return node().setPlanIdMarker(LogicalPlanProto.PlanIdMarker.newBuilder().setPlanId(m.planId())
        .setChild(encode(m.child()))).build();
  }

  @Override
  public LogicalPlanProto visitWithColumns(WithColumns w) {
    return node().setWithColumns(LogicalPlanProto.WithColumns.newBuilder().addAllNames(w.names())
        .addAllColumns(ExpressionSerde.toProtos(w.columns())).setChild(encode(w.child()))).build();
  }

  @Override
  public LogicalPlanProto visitWithColumnsRenamed(WithColumnsRenamed w) {
    return node().setWithColumnsRenamed(LogicalPlanProto.WithColumnsRenamed.newBuilder()
        .addAllExisting(w.existing()).addAllNewNames(w.newNames()).setChild(encode(w.child()))).build();
  }

  @Override
  public LogicalPlanProto visitDrop(Drop d) {
    return node().setDrop(LogicalPlanProto.Drop.newBuilder().addAllNames(d.names())
        .addAllColumns(ExpressionSerde.toProtos(d.columns())).setChild(encode(d.child()))).build();
  }
}
