package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;

/**
 * A null-intolerant binary operator: null if either side is null. Evaluates both operands (vectors or
 * constants), computes the result validity a word at a time, and hands the loop to {@link #compute}, which
 * may only raise errors for rows set in {@code valid}.
 */
public abstract class BinaryKernel extends Evaluator {
  protected final Evaluator left;
  protected final Evaluator right;

  protected BinaryKernel(DataType type, Evaluator left, Evaluator right) {
    super(type);
    this.left = left;
    this.right = right;
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.nulls(dataType(), 0, ctx.allocator());
    }
    try (Operand l = Operand.of(left, input, ctx)) {
      if (l.isNull()) {
        return Results.nulls(dataType(), n, ctx.allocator());
      }
      try (Operand r = Operand.of(right, input, ctx)) {
        if (r.isNull()) {
          return Results.nulls(dataType(), n, ctx.allocator());
        }
        long[] valid = Operand.and(n, l, r);
        FieldVector out = Results.allocate(dataType(), n, ctx.allocator());
        try {
          compute(l, r, out, valid, n, ctx);
          Bits.store(valid, n, Bits.validityAddress(out));
          out.setValueCount(n);
          return out;
        } catch (RuntimeException | Error e) {
          out.close();
          throw e;
        }
      }
    }
  }

  /**
   * Writes the values of rows 0..n-1 into {@code out} (validity is written afterwards from {@code valid},
   * which the kernel may clear bits of to produce nulls).
   */
  protected abstract void compute(Operand l, Operand r, FieldVector out, long[] valid, int n, EvalContext ctx);

  @Override
  public void close() {
    left.close();
    right.close();
  }
}
