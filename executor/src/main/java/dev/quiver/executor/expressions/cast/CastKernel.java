package dev.quiver.executor.expressions.cast;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * A cast over a whole vector. Subclasses convert the evaluated child; they must leave null rows null and
 * raise ANSI errors only for valid rows.
 */
abstract class CastKernel extends Evaluator {
  protected final Evaluator child;
  protected final DataType from;

  CastKernel(Evaluator child, DataType from, DataType to) {
    super(to);
    this.child = child;
    this.from = from;
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.nulls(dataType(), 0, ctx.allocator());
    }
    try (FieldVector src = child.evaluate(input, ctx)) {
      if (src instanceof NullVector) {
        return Results.nulls(dataType(), n, ctx.allocator());
      }
      return convert(src, n, ctx);
    }
  }

  /** A new vector of the target type with n rows converted from {@code src}. */
  protected abstract FieldVector convert(FieldVector src, int n, EvalContext ctx);

  @Override
  public void close() {
    child.close();
  }
}
