package dev.quiver.executor.operators.window;

import dev.quiver.executor.operators.aggregate.AggregateState;
import dev.quiver.executor.operators.aggregate.HeapReservation;
import dev.quiver.sql.types.DataType;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An aggregate (count, sum, avg, min, max, first, last, stddev, variance) over each row's frame, reusing the
 * hash aggregation's {@link AggregateState}s (slot = group id). Picks the evaluation by frame shape, none
 * of them quadratic:
 * <ul>
 *   <li>whole partition: one slot fed every row, its value written for all;</li>
 *   <li>growing frames (UNBOUNDED PRECEDING to anything): one slot fed rows as the frame end advances,
 *       its value written after each row — running sums, RANGE peers included;</li>
 *   <li>any other frame: a segment tree of slots over the partition rows (leaves = single rows, parents =
 *       ordered merges), each frame answered by merging O(log n) nodes in row order, so first/last stay
 *       correct.</li>
 * </ul>
 */
final class FrameAggregate implements WindowFunction {
  private final AggregateState state;
  private final FrameBounds bounds;
  private final int argumentCount;
  private final HeapReservation heap;
  private int[] slots = new int[0];
  private int[] rightNodes = new int[64];

  FrameAggregate(AggregateState state, FrameBounds bounds, int argumentCount, BufferAllocator allocator) {
    this.state = state;
    this.bounds = bounds;
    this.argumentCount = argumentCount;
    this.heap = new HeapReservation(allocator);
  }

  @Override
  public DataType resultType() {
    return state.resultType();
  }

  @Override
  public int argumentCount() {
    return argumentCount;
  }

  @Override
  public void compute(WindowPartitionBuffer p, int firstArg, FieldVector out) {
    int n = p.size();
    if (n == 0) {
      return;
    }
    FieldVector[] args = new FieldVector[argumentCount];
    for (int a = 0; a < argumentCount; a++) {
      args[a] = p.column(firstArg + a);
    }
    bounds.compute(p);
    if (bounds.lowerUnbounded() && bounds.upperUnbounded()) {
      whole(args, n, out);
    } else if (bounds.lowerUnbounded()) {
      running(args, n, out);
    } else {
      segmentTree(args, n, out);
    }
  }

  private int[] slotArray(int n) {
    if (slots.length < n) {
      int size = Math.max(n, slots.length * 2);
      heap.resize(4L * size);
      slots = new int[size];
    }
    return slots;
  }

  private void whole(FieldVector[] args, int n, FieldVector out) {
    state.ensureCapacity(1);
    state.reset(0);
    int[] zeros = slotArray(n);
    Arrays.fill(zeros, 0, n, 0);
    state.update(args, zeros, 0, n);
    for (int i = 0; i < n; i++) {
      state.writeResult(0, out, i);
    }
  }

  private void running(FieldVector[] args, int n, FieldVector out) {
    state.ensureCapacity(1);
    state.reset(0);
    int[] zeros = slotArray(n);
    Arrays.fill(zeros, 0, n, 0);
    int fed = 0;
    for (int i = 0; i < n; i++) {
      int e = bounds.end[i];
      if (e > fed) {
        state.update(args, zeros, fed, e);
        fed = e;
      }
      state.writeResult(0, out, i);
    }
  }

  /** Slot 0 accumulates a frame; node k of the tree is slot k (1-based heap layout, leaves at size + row). */
  private void segmentTree(FieldVector[] args, int n, FieldVector out) {
    int size = Integer.highestOneBit(Math.max(n - 1, 1)) << 1;
    state.ensureCapacity(2 * size);
    for (int k = 0; k < 2 * size; k++) {
      state.reset(k);
    }
    int[] leaves = slotArray(n);
    for (int i = 0; i < n; i++) {
      leaves[i] = size + i;
    }
    state.update(args, leaves, 0, n);
    for (int k = size - 1; k >= 1; k--) {
      state.mergeState(k, 2 * k);
      state.mergeState(k, 2 * k + 1);
    }
    for (int i = 0; i < n; i++) {
      state.reset(0);
      int l = bounds.start[i] + size;
      int r = bounds.end[i] + size;
      int rights = 0;
      while (l < r) {
        if ((l & 1) == 1) {
          state.mergeState(0, l++);
        }
        if ((r & 1) == 1) {
          if (rights == rightNodes.length) {
            rightNodes = Arrays.copyOf(rightNodes, rights * 2);
          }
          rightNodes[rights++] = --r;
        }
        l >>= 1;
        r >>= 1;
      }
      for (int j = rights - 1; j >= 0; j--) {
        state.mergeState(0, rightNodes[j]);
      }
      state.writeResult(0, out, i);
    }
  }

  @Override
  public void close() {
    state.close();
    heap.close();
  }
}
