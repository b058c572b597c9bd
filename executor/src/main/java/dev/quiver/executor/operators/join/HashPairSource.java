package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyEquality;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Probes the {@link JoinHashTable} with a stream batch: evaluates and hashes its keys in one pass, then walks
 * each row's chain comparing hashes and keys. The walk can stop mid-chain when the chunk is full and resume
 * on the next call. With {@code firstMatchOnly} (semi/anti joins without an extra condition) a row stops at
 * its first match.
 */
final class HashPairSource implements PairSource {
  private static final int NOT_STARTED = -2;

  private final JoinHashTable table;
  private final List<VectorEvaluator> keyEvaluators;
  private final boolean firstMatchOnly;
  private final TaskContext ctx;
  private List<FieldVector> keys = List.of();
  private KeyEquality equality;
  private boolean[] nullKey;
  private int[] hashes = new int[0];
  private int rows;
  private int row;
  private int chain;

  HashPairSource(JoinHashTable table, List<VectorEvaluator> keyEvaluators, boolean firstMatchOnly, TaskContext ctx) {
    this.table = table;
    this.keyEvaluators = keyEvaluators;
    this.firstMatchOnly = firstMatchOnly;
    this.ctx = ctx;
  }

  @Override
  public void reset(Batch stream) {
    releaseKeys();
    rows = stream.rowCount();
    keys = JoinHashTable.evaluate(stream, keyEvaluators, ctx);
    if (hashes.length < rows) {
      hashes = new int[Math.max(rows, hashes.length * 2)];
    }
    KeyHasher.hash(keys, rows, hashes);
    nullKey = JoinHashTable.nullKeys(keys, rows);
    equality = new KeyEquality(keys, table.keys(), false);
    row = 0;
    chain = NOT_STARTED;
  }

  @Override
  public int next(int[] streamRows, int[] buildRows, int max) {
    int count = 0;
    while (row < rows && count < max) {
      if (chain == NOT_STARTED) {
        if (nullKey != null && nullKey[row]) {
          row++;
          continue;
        }
        chain = table.head(hashes[row]);
      }
      int h = hashes[row];
      while (chain >= 0 && count < max) {
        int b = chain;
        chain = table.next(b);
        if (table.hash(b) == h && equality.equal(row, b)) {
          streamRows[count] = row;
          buildRows[count] = b;
          count++;
          if (firstMatchOnly) {
            chain = -1;
          }
        }
      }
      if (chain < 0) {
        row++;
        chain = NOT_STARTED;
      }
    }
    return count;
  }

  private void releaseKeys() {
    keys.forEach(FieldVector::close);
    keys = List.of();
    equality = null;
  }

  /** Releases the current batch's keys and the hash table. */
  @Override
  public void close() {
    releaseKeys();
    table.close();
  }
}
