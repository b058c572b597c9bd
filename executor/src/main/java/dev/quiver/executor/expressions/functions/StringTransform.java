package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.executor.expressions.vectors.VarWidthBuilder;
import dev.quiver.sql.types.DataTypes;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * A string-to-string function that works on each value's UTF-8 bytes in place (trim, substring, case
 * mapping of ASCII text): no Java strings for rows that do not need them.
 */
abstract class StringTransform extends Evaluator {
  private final Evaluator child;

  StringTransform(Evaluator child) {
    super(DataTypes.StringType);
    this.child = child;
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    try (FieldVector src = child.evaluate(input, ctx)) {
      if (n == 0 || src instanceof NullVector) {
        return Results.nulls(DataTypes.StringType, n, ctx.allocator());
      }
      BaseVariableWidthVector in = (BaseVariableWidthVector) src;
      long off = in.getOffsetBufferAddress();
      long data = in.getDataBufferAddress();
      long va = in.getValidityBufferAddress();
      BaseVariableWidthVector out = (BaseVariableWidthVector) Results.allocate(DataTypes.StringType, n,
          ctx.allocator());
      try {
        VarWidthBuilder b = new VarWidthBuilder(out, n, Utf8.end(off, n - 1) - Utf8.start(off, 0));
        for (int i = 0; i < n; i++) {
          if (Bits.get(va, i)) {
            int s = Utf8.start(off, i);
            transform(data + s, Utf8.end(off, i) - s, b, i);
          } else {
            b.appendNull(i);
          }
        }
        b.finish(n);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }
  }

  /** Appends row {@code row}'s result (or a null) for the {@code len} bytes at {@code addr}. */
  abstract void transform(long addr, int len, VarWidthBuilder out, int row);

  @Override
  public void close() {
    child.close();
  }
}
