package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.DataTypes;
import org.apache.arrow.vector.FieldVector;

/** IS NULL / IS NOT NULL: the child's validity bitmap, copied (or inverted) a word at a time; never null. */
public final class NullChecks extends Evaluator {
  private final Evaluator child;
  private final boolean isNull;

  private NullChecks(Evaluator child, boolean isNull) {
    super(DataTypes.BooleanType);
    this.child = child;
    this.isNull = isNull;
  }

  public static Evaluator isNull(Evaluator child) {
    return new NullChecks(child, true);
  }

  public static Evaluator isNotNull(Evaluator child) {
    return new NullChecks(child, false);
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    int words = Math.max(Bits.words(n), 1);
    long[] value = new long[words];
    if (n > 0) {
      if (child.isConstant()) {
        if ((child.constant(ctx) == null) == isNull) {
          Bits.setAll(value, n);
        }
      } else {
        try (FieldVector v = child.evaluate(input, ctx)) {
          Bits.loadValidity(v, n, value);
        }
        if (isNull) {
          for (int w = 0; w < words; w++) {
            value[w] = ~value[w];
          }
          value[words - 1] &= Bits.lastMask(n);
        }
      }
    }
    long[] valid = new long[words];
    Bits.setAll(valid, n);
    return Results.bits(valid, value, n, ctx.allocator());
  }

  @Override
  public void close() {
    child.close();
  }
}
