package dev.quiver.executor.operators.window;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.keys.KeyEquality;
import dev.quiver.executor.operators.aggregate.HeapReservation;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The rows of the current window partition, which may span input batches: its order keys and the evaluated
 * arguments of every window function, appended into contiguous vectors so frames are plain index ranges.
 * Vectors are reused from one partition to the next (overwritten from row 0), so many small partitions cost
 * no allocations. Peer groups (rows with equal order keys) are computed once per partition, on demand.
 */
final class WindowPartitionBuffer implements AutoCloseable {
  private final BufferAllocator allocator;
  private final List<DataType> columnTypes;
  private final List<FieldVector> columns = new ArrayList<>();
  private final int orderKeyCount;
  private final HeapReservation heap;
  private int size;
  private int[] peerStart = new int[0];
  private int[] peerEnd = new int[0];
  private boolean peersKnown;

  /** Columns are the order keys, then each function's arguments in order. */
  WindowPartitionBuffer(List<DataType> orderKeyTypes, List<DataType> argTypes, BufferAllocator allocator) {
    this.allocator = allocator;
    this.orderKeyCount = orderKeyTypes.size();
    this.columnTypes = new ArrayList<>(orderKeyTypes);
    columnTypes.addAll(argTypes);
    this.heap = new HeapReservation(allocator);
    try {
      for (DataType t : columnTypes) {
        columns.add(Vectors.create("window", t, allocator));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  int size() {
    return size;
  }

  /** Appends rows {@code [from, to)} of a batch's evaluated order keys and arguments (same column order). */
  void append(List<FieldVector> batchColumns, int from, int to) {
    int count = to - from;
    for (int c = 0; c < columns.size(); c++) {
      VectorRanges.copy(batchColumns.get(c), from, columns.get(c), size, count);
    }
    size += count;
    for (FieldVector v : columns) {
      v.setValueCount(size);
    }
    peersKnown = false;
  }

  /** Column {@code c} (order keys first, then arguments), valid for rows below {@link #size()}. */
  FieldVector column(int c) {
    return columns.get(c);
  }

  /** Starts an empty partition, keeping the vectors' memory. */
  void clear() {
    size = 0;
    peersKnown = false;
    for (int c = 0; c < columns.size(); c++) {
      FieldVector v = columns.get(c);
      if (v instanceof BaseVariableWidthVector w) {
        w.setLastSet(-1);
      } else if (!(v instanceof BaseFixedWidthVector) && !(v instanceof NullVector)) {
        // Nested vectors keep child offsets; a fresh one is simpler than rewinding them.
        v.close();
        columns.set(c, Vectors.create("window", columnTypes.get(c), allocator));
      }
    }
  }

  /** First row of row {@code i}'s peer group (rows with equal order keys; all rows without an ORDER BY). */
  int peerStart(int i) {
    computePeers();
    return peerStart[i];
  }

  /** One past the last row of row {@code i}'s peer group. */
  int peerEnd(int i) {
    computePeers();
    return peerEnd[i];
  }

  private void computePeers() {
    if (peersKnown) {
      return;
    }
    if (peerStart.length < size) {
      int n = Math.max(size, peerStart.length * 2);
      heap.resize(8L * n);
      peerStart = new int[n];
      peerEnd = new int[n];
    }
    List<FieldVector> keys = columns.subList(0, orderKeyCount);
    KeyEquality eq = new KeyEquality(keys, keys, true);
    int groupStart = 0;
    for (int i = 1; i <= size; i++) {
      if (i == size || !eq.equal(i - 1, i)) {
        for (int j = groupStart; j < i; j++) {
          peerStart[j] = groupStart;
          peerEnd[j] = i;
        }
        groupStart = i;
      }
    }
    peersKnown = true;
  }

  @Override
  public void close() {
    columns.forEach(FieldVector::close);
    columns.clear();
    heap.close();
  }
}
