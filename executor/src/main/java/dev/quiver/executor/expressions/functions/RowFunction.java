package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;

/**
 * A function computed row by row over unboxed arguments: the shape of most string, math and date functions.
 * Null-intolerant functions (the default) are null where any argument is null and their kernel only sees
 * rows with every argument valid; null-tolerant ones see every row and check {@link Args#isNull}.
 */
final class RowFunction extends Evaluator {
  /** Computes one row; must call exactly one setter of {@code out} for {@code row}. */
  @FunctionalInterface
  interface Kernel {
    void apply(int row, Args in, Out out, EvalContext ctx);
  }

  private final Evaluator[] args;
  private final DataType[] types;
  private final Kernel kernel;
  private final boolean nullIntolerant;

  RowFunction(DataType type, Evaluator[] args, Kernel kernel, boolean nullIntolerant) {
    super(type);
    this.args = args;
    this.kernel = kernel;
    this.nullIntolerant = nullIntolerant;
    this.types = new DataType[args.length];
    for (int a = 0; a < args.length; a++) {
      types[a] = args[a].dataType();
    }
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.nulls(dataType(), 0, ctx.allocator());
    }
    Operand[] ops = new Operand[args.length];
    try {
      for (int a = 0; a < args.length; a++) {
        ops[a] = Operand.of(args[a], input, ctx);
        if (nullIntolerant && ops[a].isNull()) {
          return Results.nulls(dataType(), n, ctx.allocator());
        }
      }
      long[] valid;
      if (nullIntolerant) {
        valid = Operand.and(n, ops);
      } else {
        valid = new long[Math.max(Bits.words(n), 1)];
        Bits.setAll(valid, n);
      }
      Args in = new Args(ops, types);
      try (Out out = new Out(dataType(), n, ctx.allocator())) {
        for (int i = 0; i < n; i++) {
          if (Bits.get(valid, i)) {
            kernel.apply(i, in, out, ctx);
          } else {
            out.setNull(i);
          }
        }
        return out.finish();
      }
    } finally {
      for (Operand o : ops) {
        if (o != null) {
          o.close();
        }
      }
    }
  }

  @Override
  public void close() {
    for (Evaluator a : args) {
      a.close();
    }
  }
}
