package dev.quiver.executor.operators.join;

import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.physical.NestedLoopJoinExec;
import java.util.List;

/**
 * Join without equality keys: every stream row against every build row, the condition (if any) evaluated
 * over chunks of the cross product (see {@link JoinExecution}). Without a condition INNER and CROSS give the
 * cartesian product. Unmatched build rows of a preserved build side are emitted at the end, which the
 * planner makes correct by streaming a single partition for FULL OUTER joins.
 */
public final class NestedLoopJoinOperator {
  private NestedLoopJoinOperator() {}

  public static Operator create(NestedLoopJoinExec node, Operator streamInput, List<AttributeReference> streamOutput,
      BuildInput build, List<AttributeReference> buildOutput, TaskContext ctx) {
    try {
      JoinSemantics semantics = JoinSemantics.of(node.joinType(), node.buildSide());
      JoinCondition condition = JoinCondition.compile(node.condition(),
          JoinInputs.joined(semantics, streamOutput, buildOutput));
      boolean firstMatchOnly = semantics.leftOnly() && semantics.streamIsLeft() && condition == null;
      String name = "NestedLoopJoin (" + node.joinType().display() + ")";
      return new JoinExecution(name, semantics, streamInput, streamOutput, build, buildOutput,
          rows -> new CrossPairSource(rows.rowCount(), firstMatchOnly), condition, null, ctx);
    } catch (RuntimeException e) {
      JoinInputs.closeOnFailure(streamInput, build, e);
      throw e;
    }
  }
}
