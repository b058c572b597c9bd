package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.operators.aggregate.HeapReservation;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The hash table over a join's build side: the build key columns evaluated once and concatenated into one
 * set of vectors (indexed by global build row), each row's key hash, and chains through
 * {@code int[] heads} (per bucket: its first row and that row's hash, so most probes decide on one cache
 * line) and {@code int[] links} (per row: next row and hash); at most one row per two buckets. Rows with a null key are not inserted
 * (SQL equality never matches them). Chains list rows in build order.
 */
final class JoinHashTable implements AutoCloseable {
  private final List<FieldVector> keys;
  /** Per bucket b: [2b] its first build row (or -1), [2b+1] that row's key hash. */
  private final int[] heads;
  /** Per build row r: [2r] the next row of its chain (or -1), [2r+1] its key hash, in one cache line. */
  private final int[] links;
  /** 32 minus log2 of the bucket count: a bucket is its rows' hash's top bits (see {@link #bucket}). */
  private final int shift;
  private final HeapReservation heap;

  private JoinHashTable(List<FieldVector> keys, int[] heads, int[] links, int shift, HeapReservation heap) {
    this.keys = keys;
    this.heads = heads;
    this.links = links;
    this.shift = shift;
    this.heap = heap;
  }

  /**
   * The top bits of the hash: a shuffled input's rows all have the same hash modulo the partition count
   * (the exchange partitions by this hash), so low bits would leave most buckets of a task's table empty
   * and the others crowded.
   */
  private static int bucket(int hash, int shift) {
    return hash >>> shift;
  }

  /**
   * Builds the table over {@code rows}; its key vectors and heap arrays are charged to {@code eval}'s
   * allocator (the task's, or a shared broadcast's owner's).
   */
  static JoinHashTable build(BuildRows rows, List<VectorEvaluator> keyEvaluators, EvalContext eval) {
    int total = rows.rowCount();
    HeapReservation heap = new HeapReservation(eval.allocator());
    List<FieldVector> keys = new ArrayList<>();
    try {
      keys = concatenatedKeys(rows, keyEvaluators, eval);
      int buckets = Integer.highestOneBit(Math.max(total, 8) - 1) << 2;
      heap.resize(4L * (2L * buckets + 3L * total));
      int[] hashes = new int[total];
      KeyHasher.hash(keys, total, hashes);
      int[] heads = new int[2 * buckets];
      for (int b = 0; b < buckets; b++) {
        heads[2 * b] = -1;
      }
      int[] links = new int[2 * total];
      int shift = Integer.numberOfLeadingZeros(buckets) + 1;
      boolean[] nullKey = nullKeys(keys, total);
      // Inserting from the last row makes every chain list its rows in build order.
      for (int r = total - 1; r >= 0; r--) {
        links[2 * r + 1] = hashes[r];
        if (nullKey != null && nullKey[r]) {
          links[2 * r] = -1;
          continue;
        }
        int b = bucket(hashes[r], shift);
        links[2 * r] = heads[2 * b];
        heads[2 * b] = r;
        heads[2 * b + 1] = hashes[r];
      }
      heap.resize(4L * (2L * buckets + 2L * total));
      return new JoinHashTable(keys, heads, links, shift, heap);
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
      EvalContext eval) {
    List<Batch> batches = rows.batches();
    if (batches.size() == 1) {
      return evaluate(batches.get(0), evaluators, eval);
    }
    List<FieldVector> out = new ArrayList<>(evaluators.size());
    try {
      for (VectorEvaluator e : evaluators) {
        out.add(Vectors.create("key", e.dataType(), Math.max(rows.rowCount(), 1), eval.allocator()));
      }
      for (int b = 0; b < batches.size(); b++) {
        List<FieldVector> part = evaluate(batches.get(b), evaluators, eval);
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

  static List<FieldVector> evaluate(Batch batch, List<VectorEvaluator> evaluators, EvalContext eval) {
    List<FieldVector> out = new ArrayList<>(evaluators.size());
    try {
      for (VectorEvaluator e : evaluators) {
        out.add(e.evaluate(batch, eval));
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
    return links[2 * row + 1];
  }

  /** The first build row with key hash {@code hash}, or -1. */
  int firstWithHash(int hash) {
    int b = bucket(hash, shift);
    int row = heads[2 * b];
    if (row < 0 || heads[2 * b + 1] == hash) {
      return row;
    }
    return nextWithHash(links[2 * row], hash);
  }

  /** {@code row} or the first row after it in its chain with key hash {@code hash}; -1 if none. */
  int nextWithHash(int row, int hash) {
    while (row >= 0 && links[2 * row + 1] != hash) {
      row = links[2 * row];
    }
    return row;
  }

  /** The build row after {@code row} in its chain, or -1. */
  int next(int row) {
    return links[2 * row];
  }

  @Override
  public void close() {
    keys.forEach(FieldVector::close);
    heap.close();
  }
}
