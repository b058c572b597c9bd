package dev.quiver.executor.operators.join;

import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.physical.HashJoinExec;
import java.util.List;

/**
 * Equi-join through a hash table over the build side's keys (see {@link JoinExecution} for the loop and
 * {@link JoinSemantics} for the join types). The output is always the left input's columns then the right
 * input's (only the left's for semi and anti joins), whichever side is built.
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
    try {
      JoinSemantics semantics = JoinSemantics.of(node.joinType(), node.buildSide());
      if (node.broadcast() && semantics.buildUnmatched()) {
        throw new PlanningException("Internal error: a " + node.joinType().display() + " join cannot broadcast its "
            + node.buildSide() + " side: every task would emit that side's unmatched rows");
      }
      List<Expression> streamKeys = semantics.streamIsLeft() ? node.leftKeys() : node.rightKeys();
      List<Expression> buildKeys = semantics.streamIsLeft() ? node.rightKeys() : node.leftKeys();
      checkKeys(streamKeys, buildKeys);
      List<VectorEvaluator> streamEval = Operators.compile(streamKeys, streamOutput);
      List<VectorEvaluator> buildEval = Operators.compile(buildKeys, buildOutput);
      JoinCondition condition = JoinCondition.compile(node.condition(),
          JoinInputs.joined(semantics, streamOutput, buildOutput));
      boolean firstMatchOnly = (semantics.semi() || semantics.anti()) && condition == null;
      String name = "HashJoin (" + node.joinType().display() + ", building the " + node.buildSide().name().toLowerCase(
          java.util.Locale.ROOT) + " side)";
      return new JoinExecution(name, semantics, streamInput, streamOutput, build, buildOutput,
          rows -> {
            JoinHashTable table = JoinHashTable.build(rows, buildEval, ctx);
            return new HashPairSource(table, streamEval, firstMatchOnly, ctx);
          }, condition, ctx);
    } catch (RuntimeException e) {
      JoinInputs.closeOnFailure(streamInput, build, e);
      throw e;
    }
  }

  private static void checkKeys(List<Expression> streamKeys, List<Expression> buildKeys) {
    if (streamKeys.size() != buildKeys.size() || streamKeys.isEmpty()) {
      throw new PlanningException("Internal error: a hash join needs as many left keys as right keys (at least "
          + "one), got " + streamKeys + " and " + buildKeys);
    }
    for (int i = 0; i < streamKeys.size(); i++) {
      if (!streamKeys.get(i).dataType().equals(buildKeys.get(i).dataType())) {
        throw new PlanningException("Internal error: join keys " + streamKeys.get(i).sql() + " and "
            + buildKeys.get(i).sql() + " have different types (" + streamKeys.get(i).dataType().simpleString()
            + ", " + buildKeys.get(i).dataType().simpleString() + "); the analyzer should have coerced them");
      }
    }
  }
}
