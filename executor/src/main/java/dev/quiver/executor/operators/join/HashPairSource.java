package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.keys.ValueComparator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Probes the {@link JoinHashTable} with a stream batch: finds every row's entry (its key's first build row)
 * in one pass over the batch, then walks each found key's rows. One or two integral keys are looked up by
 * value in the table's slots; other keys are hashed, and a slot with an equal hash is confirmed by comparing the
 * key columns. Rows with a null key are skipped and the table holds none, so keys compare without null
 * checks. The walk can stop mid-chain when the chunk is full and resume on the next call. With
 * {@code firstMatchOnly} (semi/anti joins without an extra condition) a row stops at its first match.
 */
final class HashPairSource implements PairSource {
  private final JoinHashTable table;
  /** Gives the table back: closes it, or returns a shared broadcast table's reference. */
  private final AutoCloseable tableHold;
  private final List<VectorEvaluator> keyEvaluators;
  private final boolean firstMatchOnly;
  private final TaskContext ctx;
  private List<FieldVector> keys = List.of();
  private int[] hashes = new int[0];
  /** Per stream row: the table entry of its next build row ({@link JoinHashTable#NONE} when done). */
  private int[] cursor = new int[0];
  /** Per stream row of a hashed probe: its slot with an equal hash, or -1. */
  private int[] slot = new int[0];
  private int rows;
  private int row;

  HashPairSource(JoinHashTable table, AutoCloseable tableHold, List<VectorEvaluator> keyEvaluators,
      boolean firstMatchOnly, TaskContext ctx) {
    this.table = table;
    this.tableHold = tableHold;
    this.keyEvaluators = keyEvaluators;
    this.firstMatchOnly = firstMatchOnly;
    this.ctx = ctx;
  }

  @Override
  public void reset(Batch stream) {
    releaseKeys();
    rows = stream.rowCount();
    keys = JoinHashTable.evaluate(stream, keyEvaluators, ctx.evalContext());
    if (cursor.length < rows) {
      cursor = new int[Math.max(rows, cursor.length * 2)];
    }
    if (table.layout() == JoinHashTable.Layout.HASHED) {
      findHashed();
    } else {
      for (int k = 0; k < keys.size(); k++) {
        if (JoinHashTable.integralWidth(keys.get(k)) == 0) {
          throw new IllegalStateException("Internal error: join key " + keys.get(k).getField()
              + " is not of the build key's type " + table.keys().get(k).getField());
        }
      }
      table.findIntegral(keys, rows, cursor);
    }
    boolean[] nullKey = JoinHashTable.nullKeys(keys, rows);
    if (nullKey != null) {
      for (int i = 0; i < rows; i++) {
        if (nullKey[i]) {
          cursor[i] = JoinHashTable.NONE;
        }
      }
    }
    row = 0;
  }

  /**
   * Finds every row's slot with an equal hash, then compares that slot's key, each in its own loop over the
   * batch: the loads of different rows are independent, so the processor overlaps their cache misses
   * instead of waiting for each row's in turn. Only rows whose hash collides go on probing.
   */
  private void findHashed() {
    if (hashes.length < rows) {
      hashes = new int[cursor.length];
      slot = new int[cursor.length];
    }
    KeyHasher.hash(keys, rows, hashes);
    List<FieldVector> buildKeys = table.keys();
    ValueComparator[] comparators = new ValueComparator[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      comparators[k] = ValueComparator.of(keys.get(k), buildKeys.get(k));
    }
    for (int i = 0; i < rows; i++) {
      slot[i] = table.slotWithHash(hashes[i]);
    }
    for (int i = 0; i < rows; i++) {
      int s = slot[i];
      int found = JoinHashTable.NONE;
      while (s >= 0) {
        int e = table.entry(s);
        if (JoinHashTable.keysEqual(comparators, i, JoinHashTable.row(e))) {
          found = e;
          break;
        }
        s = table.slotWithHashAfter(s, hashes[i]);
      }
      cursor[i] = found;
    }
  }

  @Override
  public int next(int[] streamRows, int[] buildRows, int max) {
    int count = 0;
    while (row < rows && count < max) {
      int e = cursor[row];
      if (e == JoinHashTable.NONE) {
        row++;
        continue;
      }
      streamRows[count] = row;
      buildRows[count] = JoinHashTable.row(e);
      count++;
      if (e >= 0 || firstMatchOnly) {
        row++;
      } else {
        // The key has more rows: stay on this stream row, to resume there if the chunk is full.
        cursor[row] = table.nextEntry(JoinHashTable.row(e));
      }
    }
    return count;
  }

  private void releaseKeys() {
    keys.forEach(FieldVector::close);
    keys = List.of();
  }

  /** Releases the current batch's keys and the hash table. */
  @Override
  public void close() {
    releaseKeys();
    Operators.closeAll(List.of(tableHold));
  }
}
