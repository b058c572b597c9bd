package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/**
 * An executable operator tree: how to compute, partition by partition. Expressions still refer to
 * attributes; the executor binds them to input positions when a task opens the operator.
 */
public sealed interface PhysicalPlan
    permits FileScanExec, LocalTableScanExec, RangeExec, InMemoryScanExec, ShuffleReadExec, BroadcastReadExec,
        ProjectExec, FilterExec, HashAggregateExec, SortExec, TopNExec, LimitExec, ShuffleExchangeExec,
        BroadcastExchangeExec, CoalesceExec, WindowExec, WriteFilesExec, HashJoinExec, NestedLoopJoinExec,
        UnionExec {

  List<PhysicalPlan> children();

  PhysicalPlan withChildren(List<PhysicalPlan> newChildren);

  List<AttributeReference> output();

  <R> R accept(PhysicalPlanVisitor<R> visitor);
}
