package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;

/**
 * A null-intolerant unary operator over a fixed-width result: null where the input is null. Subclasses
 * write values in {@link #compute}; they may clear bits of {@code valid} to return null for a row.
 */
public abstract class UnaryKernel extends Evaluator {
  protected final Evaluator child;

  protected UnaryKernel(DataType type, Evaluator child) {
    super(type);
    this.child = child;
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.nulls(dataType(), 0, ctx.allocator());
    }
    try (Operand c = Operand.of(child, input, ctx)) {
      if (c.isNull()) {
        return Results.nulls(dataType(), n, ctx.allocator());
      }
      long[] valid = Operand.and(n, c);
      FieldVector out = Results.allocate(dataType(), n, ctx.allocator());
      try {
        compute(c, out, valid, n, ctx);
        Bits.store(valid, n, Bits.validityAddress(out));
        out.setValueCount(n);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }
  }

  protected abstract void compute(Operand c, FieldVector out, long[] valid, int n, EvalContext ctx);

  @Override
  public void close() {
    child.close();
  }
}
