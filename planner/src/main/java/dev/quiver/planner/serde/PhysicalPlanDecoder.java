package dev.quiver.planner.serde;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.FileSource;
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
import dev.quiver.proto.ExpressionProto;
import dev.quiver.proto.PhysicalPlanProto;
import dev.quiver.proto.RowProto;
import dev.quiver.proto.WriteSpecProto;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code PhysicalPlanProto} to PhysicalPlan, by the oneof case; failures name the operators from the root down. */
final class PhysicalPlanDecoder {
  private PhysicalPlanDecoder() {}

  static PhysicalPlan decode(PhysicalPlanProto p) {
    PhysicalPlanProto.NodeCase c = p.getNodeCase();
    try {
      return PlanDecodingException.whileBuilding("PhysicalPlanProto." + c, () -> decodeCase(p, c));
    } catch (PlanDecodingException e) {
      // An unset node has no name of its own to add; the exception's detail already says so.
      throw c == PhysicalPlanProto.NodeCase.NODE_NOT_SET ? e : e.inside(c.name().toLowerCase(Locale.ROOT));
    }
  }

  private static PhysicalPlan decodeCase(PhysicalPlanProto p, PhysicalPlanProto.NodeCase c) {
    switch (c) {
      case FILE_SCAN: {
        PhysicalPlanProto.FileScanExec s = p.getFileScan();
        FileSource source = FileSourceSerde.fromProto(s.getSource());
        return new FileScanExec(source, ExpressionSerde.attributesFromProto(s.getOutputList()),
            ExpressionSerde.fromProtos(s.getPushedFiltersList()),
            FileSourceSerde.partitionsFromProto(s.getPartitionsList(), source.partitionSchema()));
      }
      case LOCAL_TABLE_SCAN:
        return localTableScan(p.getLocalTableScan());
      case RANGE: {
        PhysicalPlanProto.RangeExec r = p.getRange();
        return new RangeExec(r.getStart(), r.getEnd(), r.getStep(), r.getNumSlices(),
            ExpressionSerde.attributesFromProto(r.getOutputList()));
      }
      case IN_MEMORY_SCAN: {
        PhysicalPlanProto.InMemoryScanExec s = p.getInMemoryScan();
        return new InMemoryScanExec(s.getCacheId(), ExpressionSerde.attributesFromProto(s.getOutputList()),
            s.getNumPartitions());
      }
      case SHUFFLE_READ: {
        PhysicalPlanProto.ShuffleReadExec r = p.getShuffleRead();
        return new ShuffleReadExec(r.getStageId(), ExpressionSerde.attributesFromProto(r.getOutputList()),
            PartitioningSerde.fromProto(r.getPartitioning()));
      }
      case BROADCAST_READ: {
        PhysicalPlanProto.BroadcastReadExec r = p.getBroadcastRead();
        return new BroadcastReadExec(r.getStageId(), ExpressionSerde.attributesFromProto(r.getOutputList()));
      }
      case PROJECT:
        return new ProjectExec(ExpressionSerde.fromProtos(p.getProject().getProjectListList()),
            decode(p.getProject().getChild()));
      case FILTER:
        return new FilterExec(ExpressionSerde.fromProto(p.getFilter().getCondition()), decode(p.getFilter().getChild()));
      case HASH_AGGREGATE: {
        PhysicalPlanProto.HashAggregateExec a = p.getHashAggregate();
        return new HashAggregateExec(EnumSerde.fromProto(a.getMode()),
            ExpressionSerde.fromProtos(a.getGroupingExpressionsList()),
            ExpressionSerde.aggregateCallsFromProto(a.getAggregatesList()),
            ExpressionSerde.attributesFromProto(a.getAggregateAttributesList()),
            ExpressionSerde.attributesFromProto(a.getBufferAttributesList()), a.getFromBuffersList(),
            ExpressionSerde.fromProtos(a.getResultExpressionsList()), decode(a.getChild()));
      }
      case SORT: {
        PhysicalPlanProto.SortExec s = p.getSort();
        return new SortExec(ExpressionSerde.sortOrdersFromProto(s.getOrderList()), s.getGlobal(), decode(s.getChild()));
      }
      case TOP_N: {
        PhysicalPlanProto.TopNExec t = p.getTopN();
        return new TopNExec(t.getLimit(), ExpressionSerde.sortOrdersFromProto(t.getOrderList()), decode(t.getChild()));
      }
      case LIMIT:
        return new LimitExec(p.getLimit().getLimit(), p.getLimit().getGlobal(), decode(p.getLimit().getChild()));
      case SHUFFLE_EXCHANGE:
        return new ShuffleExchangeExec(PartitioningSerde.fromProto(p.getShuffleExchange().getPartitioning()),
            decode(p.getShuffleExchange().getChild()));
      case BROADCAST_EXCHANGE:
        return new BroadcastExchangeExec(decode(p.getBroadcastExchange().getChild()));
      case COALESCE:
        return new CoalesceExec(p.getCoalesce().getNumPartitions(), decode(p.getCoalesce().getChild()));
      case WINDOW: {
        PhysicalPlanProto.WindowExec w = p.getWindow();
        return new WindowExec(ExpressionSerde.fromProtos(w.getWindowExpressionsList()),
            ExpressionSerde.fromProtos(w.getPartitionSpecList()), ExpressionSerde.sortOrdersFromProto(w.getOrderSpecList()),
            decode(w.getChild()));
      }
      case WRITE_FILES: {
        WriteSpecProto s = p.getWriteFiles().getSpec();
        return new WriteFilesExec(new WriteSpec(s.getFormat(), s.getOptionsMap(), s.getPartitionColumnsList(),
            s.getOutputPath(), s.getStagingPath(), s.getJobId()), decode(p.getWriteFiles().getChild()));
      }
      case HASH_JOIN: {
        PhysicalPlanProto.HashJoinExec j = p.getHashJoin();
        return new HashJoinExec(ExpressionSerde.fromProtos(j.getLeftKeysList()),
            ExpressionSerde.fromProtos(j.getRightKeysList()), EnumSerde.fromProto(j.getJoinType()),
            EnumSerde.fromProto(j.getBuildSide()), condition(j.hasCondition(), j.getCondition()), j.getBroadcast(),
            decode(j.getLeft()), decode(j.getRight()));
      }
      case NESTED_LOOP_JOIN: {
        PhysicalPlanProto.NestedLoopJoinExec j = p.getNestedLoopJoin();
        return new NestedLoopJoinExec(EnumSerde.fromProto(j.getJoinType()), EnumSerde.fromProto(j.getBuildSide()),
            condition(j.hasCondition(), j.getCondition()), decode(j.getLeft()), decode(j.getRight()));
      }
      case UNION: {
        List<PhysicalPlan> children = new ArrayList<>(p.getUnion().getChildrenCount());
        for (PhysicalPlanProto child : p.getUnion().getChildrenList()) {
          children.add(decode(child));
        }
        return new UnionExec(children);
      }
      default:
        throw PlanDecodingException.unknownCase("PhysicalPlanProto.node", c);
    }
  }

  private static Optional<Expression> condition(boolean present, ExpressionProto p) {
    return present ? Optional.of(ExpressionSerde.fromProto(p)) : Optional.empty();
  }

  private static LocalTableScanExec localTableScan(PhysicalPlanProto.LocalTableScanExec p) {
    List<AttributeReference> output = ExpressionSerde.attributesFromProto(p.getOutputList());
    List<DataType> types = LiteralValueSerde.typesOf(output);
    List<List<Object>> rows = new ArrayList<>(p.getRowsCount());
    for (RowProto row : p.getRowsList()) {
      rows.add(LiteralValueSerde.rowFromProto(row, types));
    }
    return new LocalTableScanExec(output, rows, p.getNumPartitions());
  }
}
