package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.operators.aggregate.HeapReservation;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import dev.quiver.executor.task.TaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The hash table over a join's build side: the build key columns evaluated once and concatenated into one
 * set of vectors (indexed by global build row), each row's key hash, and chains through
 * {@code int[] first} (per bucket) and {@code int[] next} (per row). Rows with a null key are not inserted
 * (SQL equality never matches them). Chains list rows in build order.
 */
final class JoinHashTable implements AutoCloseable {
  private final List<FieldVector> keys;
  private final int[] hashes;
  private final int[] first;
  private final int[] next;
  private final int mask;
  private final HeapReservation heap;

  private JoinHashTable(List<FieldVector> keys, int[] hashes, int[] first, int[] next, HeapReservation heap) {
    this.keys = keys;
    this.hashes = hashes;
    this.first = first;
    this.next = next;
    this.mask = first.length - 1;
    this.heap = heap;
  }

  static JoinHashTable build(BuildRows rows, List<VectorEvaluator> keyEvaluators, TaskContext ctx) {
    int total = rows.rowCount();
    HeapReservation heap = new HeapReservation(ctx.allocator());
    List<FieldVector> keys = new ArrayList<>();
    try {
      keys = concatenatedKeys(rows, keyEvaluators, ctx);
      int buckets = Integer.highestOneBit(Math.max(total, 8) - 1) << 1;
      heap.resize(4L * (buckets + 2L * total));
      int[] hashes = new int[total];
      KeyHasher.hash(keys, total, hashes);
      int[] first = new int[buckets];
      Arrays.fill(first, -1);
      int[] next = new int[total];
      int m = buckets - 1;
      boolean[] nullKey = nullKeys(keys, total);
      // Inserting from the last row makes every chain list its rows in build order.
      for (int r = total - 1; r >= 0; r--) {
        if (nullKey != null && nullKey[r]) {
          next[r] = -1;
          continue;
        }
        int b = hashes[r] & m;
        next[r] = first[b];
        first[b] = r;
      }
      return new JoinHashTable(keys, hashes, first, next, heap);
    } catch (RuntimeException e) {
      keys.forEach(FieldVector::close);
      heap.close();
      throw e;
    }
  }

  /** Rows with some null key, or null when no key has nulls. */
  static boolean[] nullKeys(List<FieldVector> keys, int n) {
    boolean[] out = null;
    for (FieldVector k : keys) {
      if (k.getNullCount() == 0) {
        continue;
      }
      if (out == null) {
        out = new boolean[n];
      }
      for (int r = 0; r < n; r++) {
        if (k.isNull(r)) {
          out[r] = true;
        }
      }
    }
    return out;
  }

  private static List<FieldVector> concatenatedKeys(BuildRows rows, List<VectorEvaluator> evaluators,
      TaskContext ctx) {
    List<Batch> batches = rows.batches();
    if (batches.size() == 1) {
      return evaluate(batches.get(0), evaluators, ctx);
    }
    List<FieldVector> out = new ArrayList<>(evaluators.size());
    try {
      for (VectorEvaluator e : evaluators) {
        out.add(Vectors.create("key", e.dataType(), Math.max(rows.rowCount(), 1), ctx.allocator()));
      }
      for (int b = 0; b < batches.size(); b++) {
        List<FieldVector> part = evaluate(batches.get(b), evaluators, ctx);
        try {
          for (int k = 0; k < part.size(); k++) {
            VectorRanges.copy(part.get(k), 0, out.get(k), rows.start(b), batches.get(b).rowCount());
          }
        } finally {
          part.forEach(FieldVector::close);
        }
      }
      for (FieldVector v : out) {
        v.setValueCount(rows.rowCount());
      }
      return out;
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
  }

  static List<FieldVector> evaluate(Batch batch, List<VectorEvaluator> evaluators, TaskContext ctx) {
    List<FieldVector> out = new ArrayList<>(evaluators.size());
    try {
      for (VectorEvaluator e : evaluators) {
        out.add(e.evaluate(batch, ctx.evalContext()));
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    return out;
  }

  List<FieldVector> keys() {
    return keys;
  }

  int hash(int row) {
    return hashes[row];
  }

  /** The first build row of the chain for {@code hash}, or -1. */
  int head(int hash) {
    return first[hash & mask];
  }

  /** The build row after {@code row} in its chain, or -1. */
  int next(int row) {
    return next[row];
  }

  @Override
  public void close() {
    keys.forEach(FieldVector::close);
    heap.close();
  }
}
