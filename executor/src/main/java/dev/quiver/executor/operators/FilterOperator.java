package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.expressions.vectors.Bits;
import org.apache.arrow.vector.BitVector;

/** Keeps the rows where the condition is true (not false, not null); batches that keep everything pass through. */
public final class FilterOperator implements Operator {
  private final Operator child;
  private final VectorEvaluator condition;
  private final TaskContext ctx;
  private int[] selection = new int[0];
  /** The condition's validity and value bits, ANDed word by word: 64 rows a step, not a call per row. */
  private long[] kept = new long[0];
  private long[] valueWords = new long[0];

  public FilterOperator(Operator child, VectorEvaluator condition, TaskContext ctx) {
    this.child = child;
    this.condition = condition;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    while (true) {
      Batch in = child.next();
      if (in == null) {
        return null;
      }
      int n = in.rowCount();
      int count;
      try (BitVector mask = (BitVector) condition.evaluate(in, ctx.evalContext())) {
        count = select(mask, n);
      } catch (RuntimeException e) {
        in.close();
        throw e;
      }
      if (count == n) {
        return in;
      }
      try (in) {
        if (count > 0) {
          Bits.indices(kept, n, selection);
          return Gather.gather(in, selection, count, ctx.allocator());
        }
      }
    }
  }

  /** Loads the rows where {@code mask} is true into {@code kept}; returns how many. */
  private int select(BitVector mask, int n) {
    int words = Bits.words(n);
    if (kept.length < words) {
      kept = new long[Math.max(words, kept.length * 2)];
      valueWords = new long[kept.length];
    }
    if (selection.length < n) {
      selection = new int[Math.max(n, selection.length * 2)];
    }
    Bits.load(mask.getValidityBufferAddress(), n, kept);
    Bits.load(mask.getDataBufferAddress(), n, valueWords);
    for (int w = 0; w < words; w++) {
      kept[w] &= valueWords[w];
    }
    return Bits.count(kept, n);
  }

  @Override
  public void close() {
    child.close();
  }
}
