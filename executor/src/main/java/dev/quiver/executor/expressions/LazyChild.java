package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.expressions.vectors.Fill;
import dev.quiver.executor.expressions.vectors.Results;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * An operand Spark evaluates only for some rows: the right side of AND/OR, CASE branch values, COALESCE
 * arguments after the first. {@link #on} evaluates it for just those rows, so an ANSI error in a row Spark
 * would not evaluate is never raised. When the operand cannot raise errors it is cheaper to evaluate it over
 * the whole batch and ignore the other rows; otherwise the rows that need it are gathered into a sub-batch.
 */
public final class LazyChild implements AutoCloseable {
  private final Evaluator evaluator;
  private final boolean canFail;
  private final boolean cheap;
  private final int[] ordinals;

  LazyChild(Evaluator evaluator, boolean canFail, boolean cheap, int[] ordinals) {
    this.evaluator = evaluator;
    this.canFail = canFail;
    this.cheap = cheap;
    this.ordinals = ordinals;
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  /** Whether evaluating the operand may raise an error for some row. */
  public boolean canFail() {
    return canFail;
  }

  /** The operand on every row. */
  public FieldVector all(Batch input, EvalContext ctx) {
    return evaluator.evaluate(input, ctx);
  }

  /**
   * The operand on rows {@code idx[0..k)} (ascending) only; {@code idx} may be null when k is the row count.
   * In the result, the value of row {@code idx[j]} is at {@link Partial#row(int, int[])}; other rows of a
   * full-size result are unspecified.
   */
  public Partial on(Batch input, EvalContext ctx, int[] idx, int k) {
    return on(input, ctx, idx, k, evaluatesAll(k, input.rowCount()));
  }

  /**
   * Like {@link #on}, for a filter's later conjuncts: evaluates over the whole batch only when at least half
   * the rows are needed and the operand cannot fail, so even a cheap operand is gathered when earlier
   * conjuncts left few rows (a pass over every row costs more than gathering the few it needs).
   */
  public Partial onSelected(Batch input, EvalContext ctx, int[] idx, int k) {
    return on(input, ctx, idx, k, wholeBatch(k, input.rowCount(), false));
  }

  private Partial on(Batch input, EvalContext ctx, int[] idx, int k, boolean all) {
    BufferAllocator allocator = ctx.allocator();
    if (all) {
      return new Partial(evaluator.evaluate(input, ctx), false);
    }
    if (k == 0) {
      return new Partial(Results.nulls(evaluator.dataType(), 0, allocator), true);
    }
    if (evaluator.isConstant()) {
      return new Partial(Fill.of(evaluator.dataType(), evaluator.constant(ctx), k, allocator), true);
    }
    try (Batch sub = gather(input, idx, k, allocator)) {
      return new Partial(evaluator.evaluate(sub, ctx), true);
    }
  }

  /**
   * Whether {@link #on} evaluates the operand over the whole batch for k of n rows (then it needs no row
   * indices): all rows are needed, or the operand cannot fail and gathering would not pay.
   */
  public boolean evaluatesAll(int k, int n) {
    return wholeBatch(k, n, cheap);
  }

  /** All rows are needed, or the operand cannot fail and is cheap enough ({@code anyShare}) or half is needed. */
  private boolean wholeBatch(int k, int n, boolean anyShare) {
    return k == n || k > 0 && !evaluator.isConstant() && !canFail && (anyShare || 2L * k >= n);
  }

  /** The rows {@code idx[0..k)} of the columns this operand reads; other columns are null placeholders. */
  private Batch gather(Batch input, int[] idx, int k, BufferAllocator allocator) {
    int columns = input.numColumns();
    List<FieldVector> out = new ArrayList<>(columns);
    try {
      boolean[] used = new boolean[columns];
      for (int o : ordinals) {
        if (o < columns) {
          used[o] = true;
        }
      }
      for (int c = 0; c < columns; c++) {
        FieldVector col = input.column(c);
        out.add(used[c] && !(col instanceof NullVector) ? Gather.gather(col, idx, k, allocator)
            : new NullVector(col.getField(), k));
      }
      return new Batch(out, k);
    } catch (RuntimeException | Error e) {
      for (FieldVector v : out) {
        v.close();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    evaluator.close();
  }

  /** The values of a lazily evaluated operand for selected rows: compact (row j) or full-size (row idx[j]). */
  public record Partial(FieldVector vector, boolean compact) implements AutoCloseable {
    public int row(int j, int[] idx) {
      return compact || idx == null ? j : idx[j];
    }

    @Override
    public void close() {
      vector.close();
    }
  }
}
