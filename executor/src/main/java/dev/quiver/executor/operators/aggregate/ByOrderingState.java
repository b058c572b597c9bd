package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.keys.ValueComparator;
import dev.quiver.sql.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code max_by(x, ord)} / {@code min_by(x, ord)}: the x of the row with the largest (smallest) non-null ord,
 * as Spark's MaxMinBy: rows with a null ord are skipped, a null x is a value like any other, and on ties the
 * row seen first wins (a later row must be strictly better). Values and orderings of any type live in
 * {@link RowStore}s; orderings compare in SQL order ({@link ValueComparator}: NaN above every double).
 *
 * <p>Each batch first finds its best row per group by comparing input rows in place, then compares that row
 * once with the stored ordering and stores at most one row per group. PARTIAL buffers are
 * [value, ordering] columns with the same meaning as input arguments, so merging is updating.
 */
final class ByOrderingState extends AggregateState {
  private final int sign;
  private final RowStore values;
  private final RowStore orderings;
  private final HeapReservation heap;
  /** Per group: the best row of the current batch, or -1. */
  private int[] best = new int[0];
  private int[] touched = new int[0];

  ByOrderingState(boolean max, DataType valueType, DataType orderingType, BufferAllocator allocator) {
    super(valueType);
    this.sign = max ? 1 : -1;
    this.heap = new HeapReservation(allocator);
    RowStore v = null;
    try {
      v = new RowStore(valueType, allocator);
      this.values = v;
      this.orderings = new RowStore(orderingType, allocator);
    } catch (RuntimeException e) {
      if (v != null) {
        v.close();
      }
      heap.close();
      throw e;
    }
  }

  @Override
  public void ensureCapacity(int groups) {
    values.ensure(groups);
    orderings.ensure(groups);
    if (best.length < groups) {
      int n = Math.max(groups, best.length * 2);
      heap.resize(8L * n);
      int old = best.length;
      best = Arrays.copyOf(best, n);
      Arrays.fill(best, old, n, -1);
      touched = new int[n];
    }
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector value = args[0];
    FieldVector ord = args[1];
    if (ord instanceof NullVector) {
      return;
    }
    ValueComparator inBatch = ValueComparator.of(ord, ord);
    int nTouched = 0;
    for (int r = from; r < to; r++) {
      if (ord.isNull(r)) {
        continue;
      }
      int g = groupIds[r];
      int b = best[g];
      if (b < 0) {
        touched[nTouched++] = g;
        best[g] = r;
      } else if (sign * inBatch.compare(r, b) > 0) {
        best[g] = r;
      }
    }
    // Decide every winner before storing any: storing may move the stored orderings.
    ValueComparator vsStored = ValueComparator.of(ord, orderings.vector());
    int winners = 0;
    for (int k = 0; k < nTouched; k++) {
      int g = touched[k];
      int r = best[g];
      if (!orderings.isSet(g) || sign * vsStored.compare(r, orderings.ref(g)) > 0) {
        touched[winners++] = g;
      } else {
        best[g] = -1;
      }
    }
    for (int k = 0; k < winners; k++) {
      int g = touched[k];
      int r = best[g];
      orderings.set(g, ord, r);
      values.set(g, value, r);
      best[g] = -1;
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    update(buffers, groupIds, from, to);
  }

  @Override
  public void mergeState(int target, int source) {
    if (!orderings.isSet(source)) {
      return;
    }
    if (orderings.isSet(target)) {
      FieldVector o = orderings.vector();
      if (sign * ValueComparator.of(o, o).compare(orderings.ref(source), orderings.ref(target)) <= 0) {
        return;
      }
    }
    orderings.share(source, target);
    values.share(source, target);
  }

  @Override
  public void reset(int group) {
    orderings.clear(group);
    values.clear(group);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    FieldVector v = values.column(from, count, allocator);
    try {
      return List.of(v, orderings.column(from, count, allocator));
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    return values.column(from, count, allocator);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    values.write(group, out, index);
  }

  @Override
  public void close() {
    values.close();
    orderings.close();
    heap.close();
    best = new int[0];
    touched = new int[0];
  }
}
