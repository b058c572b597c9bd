package dev.quiver.executor.operators.join;

import dev.quiver.executor.Binder;
import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.ExpressionCompiler;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.Literal;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * A join's extra (non-equi) condition, bound to the joined columns (left ++ right) and compiled once.
 * Candidate pairs are filtered before any output is built: only the columns the condition reads are
 * gathered for them, and the surviving pairs are what counts as a match (for outer, semi and anti joins the
 * condition decides whether a stream row matched).
 */
final class JoinCondition implements AutoCloseable {
  private final VectorEvaluator evaluator;
  private final boolean[] referenced;

  private JoinCondition(VectorEvaluator evaluator, boolean[] referenced) {
    this.evaluator = evaluator;
    this.referenced = referenced;
  }

  /** The compiled condition, or null when there is none (or it is literally true). */
  static JoinCondition compile(Optional<Expression> condition, List<AttributeReference> joined) {
    if (condition.isEmpty() || Literal.TRUE.equals(condition.get())) {
      return null;
    }
    Expression bound = Binder.bind(condition.get(), joined);
    boolean[] referenced = new boolean[joined.size()];
    for (BoundReference r : Expressions.collect(bound, BoundReference.class)) {
      referenced[r.ordinal()] = true;
    }
    return new JoinCondition(ExpressionCompiler.compile(bound), referenced);
  }

  /**
   * Keeps the pairs {@code [0, n)} for which the condition is true (not false, not null), compacted in
   * place in order; returns how many.
   */
  int filter(JoinOutputBuilder output, Batch stream, int[] streamRows, int[] buildRows, int n, TaskContext ctx) {
    if (n == 0) {
      return 0;
    }
    try (Batch joined = output.build(stream, streamRows, buildRows, n, false, referenced);
        BitVector mask = (BitVector) evaluator.evaluate(joined, ctx.evalContext())) {
      ArrowBuf valid = mask.getValidityBuffer();
      ArrowBuf values = mask.getDataBuffer();
      int kept = 0;
      for (int i = 0; i < n; i++) {
        if ((BitVectorHelper.get(valid, i) & BitVectorHelper.get(values, i)) != 0) {
          streamRows[kept] = streamRows[i];
          buildRows[kept] = buildRows[i];
          kept++;
        }
      }
      return kept;
    }
  }

  @Override
  public void close() {
    evaluator.close();
  }
}
