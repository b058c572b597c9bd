package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;

/**
 * A compiled, bound expression: evaluates a whole batch at once. Built once per task before the first batch
 * (see {@link ExpressionCompiler}); no expression tree is interpreted per row and no value is boxed on the
 * per-row path.
 */
public interface VectorEvaluator {
  /**
   * Evaluates over all rows of {@code input}, returning a new vector of {@link #dataType()} with
   * {@code input.rowCount()} values, allocated from {@code ctx.allocator()} and owned by the caller.
   * User errors (ANSI overflow, malformed casts) are thrown as Quiver's Spark-named exceptions.
   */
  FieldVector evaluate(Batch input, EvalContext ctx);

  DataType dataType();
}
