package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Rows;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * CASE WHEN and COALESCE. Spark evaluates a branch condition only for rows no earlier branch took, a branch
 * value only for the rows that take it, and a COALESCE argument only where every earlier one was null; an
 * ANSI error in a part not evaluated for a row is never raised. Each part runs once per batch on just its
 * rows, and the result is assembled from the parts' vectors in one pass.
 */
public final class Conditionals {
  private Conditionals() {}

  public static Evaluator caseWhen(List<LazyChild> conditions, List<LazyChild> values, LazyChild otherwise,
      DataType type) {
    return new CaseWhenEvaluator(conditions, values, otherwise, type);
  }

  public static Evaluator coalesce(List<LazyChild> args, DataType type) {
    return new CoalesceEvaluator(args, type);
  }

  /** Rows of {@code remaining} and their indices (null when all n rows remain). */
  private static int[] indices(long[] remaining, int n, int k) {
    if (k == n) {
      return null;
    }
    int[] idx = new int[k];
    Bits.indices(remaining, n, idx);
    return idx;
  }

  private static int rowAt(int[] idx, int j) {
    return idx == null ? j : idx[j];
  }

  private static final class CaseWhenEvaluator extends Evaluator {
    private final List<LazyChild> conditions;
    private final List<LazyChild> values;
    private final LazyChild otherwise;

    CaseWhenEvaluator(List<LazyChild> conditions, List<LazyChild> values, LazyChild otherwise, DataType type) {
      super(type);
      this.conditions = List.copyOf(conditions);
      this.values = List.copyOf(values);
      this.otherwise = otherwise;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      int words = Math.max(Bits.words(n), 1);
      long[] remaining = new long[words];
      Bits.setAll(remaining, n);
      int[] srcId = new int[n];
      java.util.Arrays.fill(srcId, -1);
      int[] srcRow = new int[n];
      List<FieldVector> sources = new ArrayList<>();
      try {
        for (int b = 0; b < conditions.size(); b++) {
          int k = Bits.count(remaining, n);
          if (k == 0) {
            break;
          }
          int[] idx = indices(remaining, n, k);
          long[] taken = new long[words];
          try (LazyChild.Partial cond = conditions.get(b).on(input, ctx, idx, k)) {
            if (cond.vector() instanceof BitVector bits) {
              long va = bits.getValidityBufferAddress();
              long da = bits.getDataBufferAddress();
              for (int j = 0; j < k; j++) {
                int r = cond.row(j, idx);
                if (Bits.get(va, r) && Bits.get(da, r)) {
                  Bits.set(taken, rowAt(idx, j));
                }
              }
            }
          }
          take(values.get(b), taken, remaining, n, input, ctx, sources, srcId, srcRow);
        }
        if (otherwise != null) {
          take(otherwise, remaining.clone(), remaining, n, input, ctx, sources, srcId, srcRow);
        }
        return Rows.assemble(dataType(), sources.toArray(new FieldVector[0]), srcId, srcRow, n, ctx.allocator());
      } finally {
        for (FieldVector v : sources) {
          v.close();
        }
      }
    }

    /** Evaluates {@code value} for the rows in {@code taken} and records where their values are. */
    private static void take(LazyChild value, long[] taken, long[] remaining, int n, Batch input, EvalContext ctx,
        List<FieldVector> sources, int[] srcId, int[] srcRow) {
      int k = Bits.count(taken, n);
      if (k == 0) {
        return;
      }
      int[] idx = indices(taken, n, k);
      LazyChild.Partial p = value.on(input, ctx, idx, k);
      int id = sources.size();
      sources.add(p.vector());
      for (int j = 0; j < k; j++) {
        int i = rowAt(idx, j);
        srcId[i] = id;
        srcRow[i] = p.row(j, idx);
      }
      for (int w = 0; w < remaining.length; w++) {
        remaining[w] &= ~taken[w];
      }
    }

    @Override
    public void close() {
      conditions.forEach(LazyChild::close);
      values.forEach(LazyChild::close);
      if (otherwise != null) {
        otherwise.close();
      }
    }
  }

  private static final class CoalesceEvaluator extends Evaluator {
    private final List<LazyChild> args;

    CoalesceEvaluator(List<LazyChild> args, DataType type) {
      super(type);
      this.args = List.copyOf(args);
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      if (n == 0) {
        return Results.nulls(dataType(), 0, ctx.allocator());
      }
      long[] remaining = new long[Math.max(Bits.words(n), 1)];
      Bits.setAll(remaining, n);
      int[] srcId = new int[n];
      java.util.Arrays.fill(srcId, -1);
      int[] srcRow = new int[n];
      List<FieldVector> sources = new ArrayList<>();
      try {
        for (LazyChild arg : args) {
          int k = Bits.count(remaining, n);
          if (k == 0) {
            break;
          }
          int[] idx = indices(remaining, n, k);
          LazyChild.Partial p = arg.on(input, ctx, idx, k);
          int id = sources.size();
          sources.add(p.vector());
          long va = Bits.validityAddress(p.vector());
          if (va == 0) {
            continue;
          }
          for (int j = 0; j < k; j++) {
            int r = p.row(j, idx);
            if (Bits.get(va, r)) {
              int i = rowAt(idx, j);
              srcId[i] = id;
              srcRow[i] = r;
              remaining[i >>> 6] &= ~(1L << i);
            }
          }
        }
        return Rows.assemble(dataType(), sources.toArray(new FieldVector[0]), srcId, srcRow, n, ctx.allocator());
      } finally {
        for (FieldVector v : sources) {
          v.close();
        }
      }
    }

    @Override
    public void close() {
      args.forEach(LazyChild::close);
    }
  }
}
