package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;

/**
 * A compiled, bound expression: evaluates a whole batch at once. Built once per task before the first batch
 * (see {@link ExpressionCompiler}); no expression tree is interpreted per row and no value is boxed on the
 * per-row path.
 *
 * <p>An evaluator holds no Arrow memory between calls; {@link #close()} exists so that owners can treat it
 * like the other per-task resources they release.
 */
public interface VectorEvaluator extends AutoCloseable {
  /**
   * Evaluates over all rows of {@code input}, returning a new vector of {@link #dataType()} with
   * {@code input.rowCount()} values, allocated from {@code ctx.allocator()} and owned by the caller (it may
   * share buffers with an input column, e.g. for a bare column reference; closing it is always right).
   * User errors (ANSI overflow, malformed casts) are thrown as Quiver's Spark-named exceptions, and only for
   * rows whose value Spark would compute.
   */
  FieldVector evaluate(Batch input, EvalContext ctx);

  DataType dataType();

  @Override
  default void close() {}
}
