package dev.quiver.executor.operators.join;

import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.formats.KeySet;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.HashJoinExec;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Equi-join through a hash table over the build side's keys (see {@link JoinExecution} for the loop and
 * {@link JoinSemantics} for the join types). The output is always the left input's columns then the right
 * input's (only the left's for semi and anti joins), whichever side is built. An inner join of two shuffled
 * inputs builds whichever turns out smaller in each task ({@link SmallerSideBuild}).
 */
public final class HashJoinOperator {
  private HashJoinOperator() {}

  /**
   * The join of {@code streamInput} (the side that is not {@code node.buildSide()}) with {@code build}.
   * Key expressions and the extra condition are bound and compiled here, once per task. On failure the
   * inputs the join would own are closed.
   */
  public static Operator create(HashJoinExec node, Operator streamInput, List<AttributeReference> streamOutput,
      BuildInput build, List<AttributeReference> buildOutput, TaskContext ctx) {
    return create(node, streamInput, streamOutput, build, buildOutput, ctx, null);
  }

  /**
   * As above; {@code offerKeys}, unless null, is offered the build side's keys once a shared broadcast table over
   * one integral key is built, before the first stream row is read (a scan below may filter by them).
   */
  public static Operator create(HashJoinExec node, Operator streamInput, List<AttributeReference> streamOutput,
      BuildInput build, List<AttributeReference> buildOutput, TaskContext ctx, Consumer<KeySet> offerKeys) {
    JoinSemantics semantics;
    try {
      semantics = JoinSemantics.of(node.joinType(), node.buildSide());
      if (node.broadcast() && semantics.tracksBuildMatches()) {
        throw new PlanningException("Internal error: a " + node.joinType().display() + " join cannot broadcast its "
            + node.buildSide() + " side: every task would emit that side's rows at the end");
      }
      checkKeys(node.leftKeys(), node.rightKeys());
    } catch (RuntimeException e) {
      JoinInputs.closeOnFailure(streamInput, build, e);
      throw e;
    }
    if (swappable(node) && build instanceof BuildInput.Owned own) {
      BuildSide other = node.buildSide() == BuildSide.LEFT ? BuildSide.RIGHT : BuildSide.LEFT;
      JoinSemantics reversed = JoinSemantics.of(node.joinType(), other);
      return new SmallerSideBuild(streamInput, own.operator(),
          (stream, built) -> join(node, semantics, stream, streamOutput, BuildInput.of(built), buildOutput, ctx,
              null),
          (stream, built) -> join(node, reversed, stream, buildOutput, BuildInput.of(built), streamOutput, ctx,
              null),
          name(node, semantics), ctx);
    }
    return join(node, semantics, streamInput, streamOutput, build, buildOutput, ctx, offerKeys);
  }

  /**
   * Whether a shuffled join may build its other input when that turns out smaller: an inner join (its output
   * has no order), and a semi or anti join, which then outputs the left rows that matched (or did not) in
   * the left input's order after streaming the right.
   */
  private static boolean swappable(HashJoinExec node) {
    return switch (node.joinType()) {
      case INNER -> true;
      case LEFT_SEMI, LEFT_ANTI -> node.buildSide() == BuildSide.RIGHT;
      default -> false;
    };
  }

  /** The join with the given roles; closes its inputs when it cannot be set up. */
  private static Operator join(HashJoinExec node, JoinSemantics semantics, Operator streamInput,
      List<AttributeReference> streamOutput, BuildInput build, List<AttributeReference> buildOutput,
      TaskContext ctx, Consumer<KeySet> offerKeys) {
    try {
      List<Expression> streamKeys = semantics.streamIsLeft() ? node.leftKeys() : node.rightKeys();
      List<Expression> buildKeys = semantics.streamIsLeft() ? node.rightKeys() : node.leftKeys();
      List<VectorEvaluator> streamEval = Operators.compile(streamKeys, streamOutput);
      List<VectorEvaluator> buildEval = Operators.compile(buildKeys, buildOutput);
      JoinCondition condition = JoinCondition.compile(node.condition(),
          JoinInputs.joined(semantics, streamOutput, buildOutput));
      boolean firstMatchOnly = semantics.leftOnly() && semantics.streamIsLeft() && condition == null;
      return new JoinExecution(name(node, semantics), semantics, streamInput, streamOutput, build, buildOutput,
          rows -> {
            if (build instanceof BuildInput.Broadcast shared && shared.tables() != null
                && buildKeys.stream().allMatch(Expression::deterministic)) {
              BroadcastHashTables.Lease lease = shared.tables().acquire(List.of(buildKeys, buildOutput),
                  allocator -> JoinHashTable.build(rows, buildEval, withAllocator(ctx.evalContext(), allocator)));
              if (offerKeys != null) {
                lease.table().keySet().ifPresent(offerKeys);
              }
              return new HashPairSource(lease.table(), lease, streamEval, firstMatchOnly, ctx);
            }
            JoinHashTable table = JoinHashTable.build(rows, buildEval, ctx.evalContext());
            return new HashPairSource(table, table, streamEval, firstMatchOnly, ctx);
          }, condition, SharedKeyColumn.of(streamKeys, streamOutput, buildKeys, buildOutput), ctx);
    } catch (RuntimeException e) {
      JoinInputs.closeOnFailure(streamInput, build, e);
      throw e;
    }
  }

  private static EvalContext withAllocator(EvalContext e, BufferAllocator allocator) {
    return new EvalContext(allocator, e.timeZone(), e.queryStartMicros(), e.partitionIndex());
  }

  /** How errors name the join, e.g. "HashJoin (Inner, building the right side)". */
  private static String name(HashJoinExec node, JoinSemantics semantics) {
    return "HashJoin (" + node.joinType().display() + ", building the "
        + (semantics.streamIsLeft() ? "right" : "left") + " side)";
  }

  private static void checkKeys(List<Expression> leftKeys, List<Expression> rightKeys) {
    if (leftKeys.size() != rightKeys.size() || leftKeys.isEmpty()) {
      throw new PlanningException("Internal error: a hash join needs as many left keys as right keys (at least "
          + "one), got " + leftKeys + " and " + rightKeys);
    }
    for (int i = 0; i < leftKeys.size(); i++) {
      if (!leftKeys.get(i).dataType().equals(rightKeys.get(i).dataType())) {
        throw new PlanningException("Internal error: join keys " + leftKeys.get(i).sql() + " and "
            + rightKeys.get(i).sql() + " have different types (" + leftKeys.get(i).dataType().simpleString()
            + ", " + rightKeys.get(i).dataType().simpleString() + "); the analyzer should have coerced them");
      }
    }
  }
}
