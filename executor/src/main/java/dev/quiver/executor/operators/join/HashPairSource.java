package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.keys.ValueComparator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.task.TaskContext;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Probes the {@link JoinHashTable} with a stream batch: evaluates and hashes its keys in one pass, then walks
 * each row's chain comparing hashes, then keys. Rows with a null key are skipped and the table holds none,
 * so keys compare without null checks; a single 4- or 8-byte integral key is compared inline. The walk can
 * stop mid-chain when the chunk is full and resume on the next call. With {@code firstMatchOnly} (semi/anti
 * joins without an extra condition) a row stops at its first match.
 */
final class HashPairSource implements PairSource {
  private final JoinHashTable table;
  /** Gives the table back: closes it, or returns a shared broadcast table's reference. */
  private final AutoCloseable tableHold;
  private final List<VectorEvaluator> keyEvaluators;
  private final boolean firstMatchOnly;
  private final TaskContext ctx;
  private List<FieldVector> keys = List.of();
  /** 8 or 4 for a single integral key compared inline, 0 for the general comparison. */
  private int inlineWidth;
  private ArrowBuf streamData;
  private ArrowBuf buildData;
  private ValueComparator[] comparators;
  private int[] hashes = new int[0];
  /** Per stream row: the next build row of its chain whose hash equals the row's, or -1. */
  private int[] cursor = new int[0];
  /** Per stream row: its first candidate, and whether that candidate's key equals the row's. */
  private int[] firstCandidate = new int[0];
  private boolean[] firstEqual = new boolean[0];
  /** Per stream row: the build row after its first candidate in the chain (-1 at the chain's end). */
  private int[] afterFirst = new int[0];
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
    if (hashes.length < rows) {
      hashes = new int[Math.max(rows, hashes.length * 2)];
      cursor = new int[hashes.length];
      firstCandidate = new int[hashes.length];
      firstEqual = new boolean[hashes.length];
      afterFirst = new int[hashes.length];
    }
    KeyHasher.hash(keys, rows, hashes);
    List<FieldVector> buildKeys = table.keys();
    inlineWidth = inlineWidth(keys, buildKeys);
    if (inlineWidth > 0) {
      streamData = keys.get(0).getDataBuffer();
      buildData = buildKeys.get(0).getDataBuffer();
    } else {
      comparators = new ValueComparator[keys.size()];
      for (int k = 0; k < keys.size(); k++) {
        comparators[k] = ValueComparator.of(keys.get(k), buildKeys.get(k));
      }
    }
    findCandidates(JoinHashTable.nullKeys(keys, rows));
    row = 0;
  }

  /**
   * Finds every row's first build row with an equal hash, then compares that candidate's key,
   * each in its own loop over the batch: the loads of different rows are independent, so the processor
   * overlaps their cache misses instead of waiting for each row's chain in turn.
   */
  private void findCandidates(boolean[] nullKey) {
    for (int i = 0; i < rows; i++) {
      cursor[i] = table.firstWithHash(hashes[i]);
    }
    if (nullKey != null) {
      for (int i = 0; i < rows; i++) {
        if (nullKey[i]) {
          cursor[i] = -1;
        }
      }
    }
    for (int i = 0; i < rows; i++) {
      int c = cursor[i];
      firstCandidate[i] = c;
      firstEqual[i] = c >= 0 && keysEqual(i, c);
      // Where the chain goes on is another random load; taking it here overlaps it with other rows'
      // (with unique build keys most chains end at their first row, and next() then needs no load).
      afterFirst[i] = c >= 0 ? table.next(c) : -1;
    }
  }

  private static int inlineWidth(List<FieldVector> stream, List<FieldVector> build) {
    if (stream.size() != 1) {
      return 0;
    }
    FieldVector s = stream.get(0);
    FieldVector b = build.get(0);
    if ((s instanceof BigIntVector && b instanceof BigIntVector)
        || (s instanceof TimeStampVector && b instanceof TimeStampVector)) {
      return 8;
    }
    if ((s instanceof IntVector && b instanceof IntVector) || (s instanceof DateDayVector && b instanceof DateDayVector)) {
      return 4;
    }
    return 0;
  }

  private boolean keysEqual(int streamRow, int buildRow) {
    if (inlineWidth == 8) {
      return streamData.getLong((long) streamRow * 8) == buildData.getLong((long) buildRow * 8);
    }
    if (inlineWidth == 4) {
      return streamData.getInt((long) streamRow * 4) == buildData.getInt((long) buildRow * 4);
    }
    for (ValueComparator c : comparators) {
      if (c.compare(streamRow, buildRow) != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int next(int[] streamRows, int[] buildRows, int max) {
    int count = 0;
    while (row < rows && count < max) {
      int h = hashes[row];
      int chain = cursor[row];
      while (chain >= 0 && count < max) {
        int b = chain;
        boolean first = b == firstCandidate[row];
        chain = table.nextWithHash(first ? afterFirst[row] : table.next(b), h);
        if (first ? firstEqual[row] : keysEqual(row, b)) {
          streamRows[count] = row;
          buildRows[count] = b;
          count++;
          if (firstMatchOnly) {
            chain = -1;
          }
        }
      }
      cursor[row] = chain;
      if (chain < 0) {
        row++;
      }
    }
    return count;
  }

  private void releaseKeys() {
    keys.forEach(FieldVector::close);
    keys = List.of();
    comparators = null;
    streamData = null;
    buildData = null;
  }

  /** Releases the current batch's keys and the hash table. */
  @Override
  public void close() {
    releaseKeys();
    Operators.closeAll(List.of(tableHold));
  }
}
