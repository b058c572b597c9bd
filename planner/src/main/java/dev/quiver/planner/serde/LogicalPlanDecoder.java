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
import dev.quiver.proto.RowProto;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code LogicalPlanProto} to LogicalPlan, by the oneof case; failures name the nodes from the root down. */
final class LogicalPlanDecoder {
  private LogicalPlanDecoder() {}

  static LogicalPlan decode(LogicalPlanProto p) {
    LogicalPlanProto.NodeCase c = p.getNodeCase();
    try {
      return PlanDecodingException.whileBuilding("LogicalPlanProto." + c, () -> decodeCase(p, c));
    } catch (PlanDecodingException e) {
      // An unset node has no name of its own to add; the exception's detail already says so.
      throw c == LogicalPlanProto.NodeCase.NODE_NOT_SET ? e : e.inside(c.name().toLowerCase(Locale.ROOT));
    }
  }

  private static LogicalPlan decodeCase(LogicalPlanProto p, LogicalPlanProto.NodeCase c) {
    switch (c) {
      case LOCAL_RELATION:
        return localRelation(p.getLocalRelation());
      case RANGE: {
        LogicalPlanProto.Range r = p.getRange();
        return new Range(r.getStart(), r.getEnd(), r.getStep(), r.getNumSlices(),
            ExpressionSerde.attributesFromProto(r.getOutputList()));
      }
      case FILE_RELATION: {
        LogicalPlanProto.FileRelation r = p.getFileRelation();
        return new FileRelation(FileSourceSerde.fromProto(r.getSource()),
            ExpressionSerde.attributesFromProto(r.getOutputList()), ExpressionSerde.fromProtos(r.getPushedFiltersList()));
      }
      case CACHED_RELATION: {
        LogicalPlanProto.CachedRelation r = p.getCachedRelation();
        return new CachedRelation(r.getCacheId(), decode(r.getPlan()), ExpressionSerde.attributesFromProto(r.getOutputList()));
      }
      case PROJECT:
        return new Project(ExpressionSerde.fromProtos(p.getProject().getProjectListList()),
            decode(p.getProject().getChild()));
      case FILTER:
        return new Filter(ExpressionSerde.fromProto(p.getFilter().getCondition()), decode(p.getFilter().getChild()));
      case AGGREGATE: {
        LogicalPlanProto.Aggregate a = p.getAggregate();
        return new Aggregate(ExpressionSerde.fromProtos(a.getGroupingExpressionsList()),
            ExpressionSerde.fromProtos(a.getAggregateExpressionsList()), decode(a.getChild()));
      }
      case JOIN: {
        LogicalPlanProto.Join j = p.getJoin();
        return new Join(decode(j.getLeft()), decode(j.getRight()), EnumSerde.fromProto(j.getJoinType()),
            j.hasCondition() ? Optional.of(ExpressionSerde.fromProto(j.getCondition())) : Optional.empty(),
            j.getUsingColumnsList());
      }
      case SORT:
        return new Sort(ExpressionSerde.sortOrdersFromProto(p.getSort().getOrderList()), p.getSort().getGlobal(),
            decode(p.getSort().getChild()));
      case LIMIT:
        return new Limit(p.getLimit().getLimit(), decode(p.getLimit().getChild()));
      case UNION: {
        LogicalPlanProto.Union u = p.getUnion();
        List<LogicalPlan> children = new ArrayList<>(u.getChildrenCount());
        for (LogicalPlanProto child : u.getChildrenList()) {
          children.add(decode(child));
        }
        return new Union(children, u.getByName(), u.getAllowMissingColumns());
      }
      case DISTINCT:
        return new Distinct(decode(p.getDistinct().getChild()));
      case DEDUPLICATE:
        return new Deduplicate(ExpressionSerde.fromProtos(p.getDeduplicate().getKeysList()),
            decode(p.getDeduplicate().getChild()));
      case SUBQUERY_ALIAS:
        return new SubqueryAlias(p.getSubqueryAlias().getAlias(), decode(p.getSubqueryAlias().getChild()));
      case REPARTITION: {
        LogicalPlanProto.Repartition r = p.getRepartition();
        return new Repartition(r.getNumPartitions(), r.getShuffle(),
            ExpressionSerde.fromProtos(r.getPartitionExpressionsList()), decode(r.getChild()));
      }
      case WINDOW: {
        LogicalPlanProto.Window w = p.getWindow();
        return new Window(ExpressionSerde.fromProtos(w.getWindowExpressionsList()),
            ExpressionSerde.fromProtos(w.getPartitionSpecList()), ExpressionSerde.sortOrdersFromProto(w.getOrderSpecList()),
            decode(w.getChild()));
      }
      case PLAN_ID_MARKER:
        return new PlanIdMarker(p.getPlanIdMarker().getPlanId(), decode(p.getPlanIdMarker().getChild()));
      case WITH_COLUMNS: {
        LogicalPlanProto.WithColumns w = p.getWithColumns();
        return new WithColumns(w.getNamesList(), ExpressionSerde.fromProtos(w.getColumnsList()), decode(w.getChild()));
      }
      case WITH_COLUMNS_RENAMED: {
        LogicalPlanProto.WithColumnsRenamed w = p.getWithColumnsRenamed();
        return new WithColumnsRenamed(w.getExistingList(), w.getNewNamesList(), decode(w.getChild()));
      }
      case DROP: {
        LogicalPlanProto.Drop d = p.getDrop();
        return new Drop(d.getNamesList(), ExpressionSerde.fromProtos(d.getColumnsList()), decode(d.getChild()));
      }
      default:
        throw PlanDecodingException.unknownCase("LogicalPlanProto.node", c);
    }
  }

  private static LocalRelation localRelation(LogicalPlanProto.LocalRelation p) {
    StructType schema = TypeSerde.structFromProto(p.getSchema());
    List<DataType> types = LiteralValueSerde.typesOf(schema);
    List<List<Object>> rows = new ArrayList<>(p.getRowsCount());
    for (RowProto row : p.getRowsList()) {
      rows.add(LiteralValueSerde.rowFromProto(row, types));
    }
    return new LocalRelation(schema, rows, ExpressionSerde.attributesFromProto(p.getOutputList()));
  }
}
