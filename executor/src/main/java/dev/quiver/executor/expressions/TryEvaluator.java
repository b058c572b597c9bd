package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Rows;
import dev.quiver.sql.QuiverThrowable;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * One operation in Spark's TRY mode, for kernels without a native one: {@code op} reads columns 0..k-1 of a
 * batch holding the values of {@code inputs}, and a row whose value would raise a data error (SQLSTATE class
 * 22: a malformed value, an overflow) is null instead, as if Spark caught the error for that row. Errors of
 * the inputs themselves still raise. The whole batch is computed at once; only when that raises are its rows
 * split in halves, recursively, down to the rows that fail, so batches without bad rows cost nothing extra.
 */
public final class TryEvaluator extends Evaluator {
  private final Evaluator op;
  private final Evaluator[] inputs;

  public TryEvaluator(Evaluator op, Evaluator... inputs) {
    super(op.dataType());
    this.op = op;
    this.inputs = inputs;
  }

  /** Whether {@code t} is an error a TRY operation turns into null (Spark's data exceptions, 22xxx). */
  public static boolean isDataError(Throwable t) {
    return t instanceof QuiverThrowable q && q.getSqlState() != null && q.getSqlState().startsWith("22");
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.nulls(dataType(), 0, ctx.allocator());
    }
    List<FieldVector> values = new ArrayList<>(inputs.length);
    try {
      for (Evaluator e : inputs) {
        values.add(e.evaluate(input, ctx));
      }
      return attempt(values, 0, n, ctx);
    } finally {
      for (FieldVector v : values) {
        v.close();
      }
    }
  }

  private FieldVector attempt(List<FieldVector> values, int start, int len, EvalContext ctx) {
    try (Batch slice = slice(values, start, len, ctx.allocator())) {
      return op.evaluate(slice, ctx);
    } catch (RuntimeException e) {
      if (!isDataError(e)) {
        throw e;
      }
    }
    if (len == 1) {
      return Results.nulls(dataType(), 1, ctx.allocator());
    }
    int half = len / 2;
    try (FieldVector first = attempt(values, start, half, ctx);
        FieldVector second = attempt(values, start + half, len - half, ctx)) {
      int[] source = new int[len];
      int[] row = new int[len];
      for (int i = 0; i < len; i++) {
        source[i] = i < half ? 0 : 1;
        row[i] = i < half ? i : i - half;
      }
      return Rows.assemble(dataType(), new FieldVector[] {first, second}, source, row, len, ctx.allocator());
    }
  }

  private static Batch slice(List<FieldVector> values, int start, int len, BufferAllocator allocator) {
    List<FieldVector> out = new ArrayList<>(values.size());
    try {
      for (FieldVector v : values) {
        if (v instanceof NullVector) {
          out.add(new NullVector(v.getField(), len));
        } else {
          TransferPair pair = v.getTransferPair(allocator);
          pair.splitAndTransfer(start, len);
          out.add((FieldVector) pair.getTo());
        }
      }
      return new Batch(out, len);
    } catch (RuntimeException | Error e) {
      for (FieldVector v : out) {
        v.close();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    op.close();
    for (Evaluator e : inputs) {
      e.close();
    }
  }
}
