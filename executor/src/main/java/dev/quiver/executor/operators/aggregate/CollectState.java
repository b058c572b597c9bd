package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.keys.KeyEquality;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code collect_list}, {@code collect_set} and {@code approx_count_distinct} (counted exactly) over values of
 * any type. Non-null inputs are appended to one vector of the element type (in the task's allocator); each
 * group keeps a chain of entries pointing at its elements, in input order. collect_set and the distinct
 * count pass inputs through a {@link DistinctFilter} keyed by (group, value) first, so a group's chain holds
 * each value once (NaN equals NaN and -0.0 equals 0.0, as in grouping).
 *
 * <p>The PARTIAL buffer is the group's elements as an {@code array<T>} (never null); merging appends them
 * (through the filter for the distinct kinds). Window frames merge chains by adding entries that point at
 * the same elements, and {@link #reset} returns a chain's entries to a free list; since the filter cannot
 * forget one group, the first reset drops it and the distinct kinds remove duplicates when writing results
 * instead. Elements no chain points at any more are dropped when they outnumber the live entries.
 */
final class CollectState extends AggregateState {
  enum Kind { LIST, SET, COUNT_DISTINCT }

  private static final int MIN_ELEMENTS = 4096;

  private final Kind kind;
  private final DataType elementType;
  private final BufferAllocator allocator;
  private final HeapReservation heap;
  private FieldVector elements;
  private int elementCount;
  private DistinctFilter filter;
  /** Set once a window resets a group: results must remove duplicates themselves. */
  private boolean dedupeOnOutput;
  // Per group: first and last entry (-1: empty) and the number of entries.
  private int[] head = new int[0];
  private int[] tail = new int[0];
  private int[] count = new int[0];
  // Per entry: its element and the next entry of its chain (or of the free list).
  private int[] element = new int[0];
  private int[] next = new int[0];
  private int entries;
  private int free = -1;
  private long liveEntries;
  private int[] scratch = new int[0];

  CollectState(Kind kind, DataType elementType, BufferAllocator allocator) {
    super(kind == Kind.COUNT_DISTINCT ? DataTypes.LongType : new ArrayType(elementType, false));
    this.kind = kind;
    this.elementType = elementType;
    this.allocator = allocator;
    this.heap = new HeapReservation(allocator);
    try {
      this.elements = Vectors.create("element", elementType, allocator);
      if (kind != Kind.LIST) {
        filter = new DistinctFilter(List.of(elementType), allocator);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public void ensureCapacity(int groups) {
    if (head.length >= groups) {
      return;
    }
    int n = Math.max(groups, Math.max(256, head.length * 2));
    int old = head.length;
    account(n, element.length);
    head = Arrays.copyOf(head, n);
    tail = Arrays.copyOf(tail, n);
    count = Arrays.copyOf(count, n);
    Arrays.fill(head, old, n, -1);
    Arrays.fill(tail, old, n, -1);
  }

  private void account(int groups, int entryCapacity) {
    heap.resize(12L * groups + 8L * entryCapacity + 4L * scratch.length);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (in instanceof NullVector) {
      return;
    }
    int[] rows = scratchOf(to - from);
    int m = 0;
    for (int r = from; r < to; r++) {
      if (!in.isNull(r)) {
        rows[m++] = r;
      }
    }
    if (m == 0) {
      return;
    }
    int[] groups = new int[m];
    for (int i = 0; i < m; i++) {
      groups[i] = groupIds[rows[i]];
    }
    try (FieldVector picked = VectorRanges.gather(in, rows, m, allocator)) {
      add(picked, groups, m);
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    ListVector in = (ListVector) buffers[0];
    int start = in.getElementStartIndex(from);
    int end = in.getElementEndIndex(to - 1);
    int m = end - start;
    if (m == 0) {
      return;
    }
    int[] groups = new int[m];
    for (int r = from; r < to; r++) {
      if (in.isNull(r)) {
        continue;
      }
      for (int e = in.getElementStartIndex(r); e < in.getElementEndIndex(r); e++) {
        groups[e - start] = groupIds[r];
      }
    }
    FieldVector data = in.getDataVector();
    if (data instanceof NullVector) {
      return;
    }
    try (FieldVector slice = Gather.slice(data, start, m, allocator)) {
      add(slice, groups, m);
    }
  }

  /** Appends the (non-null) values {@code [0, n)} of {@code values} to their groups. */
  private void add(FieldVector values, int[] groups, int n) {
    if (filter != null) {
      try (DistinctFilter.Passed passed = filter.filter(new FieldVector[] {values}, groups, n)) {
        append(passed.args()[0], passed.groupIds(), passed.count());
      }
    } else {
      append(values, groups, n);
    }
  }

  private void append(FieldVector values, int[] groups, int n) {
    if (n == 0) {
      return;
    }
    if (elementCount + (long) n > Math.max(MIN_ELEMENTS, 2 * liveEntries + n)) {
      compact();
    }
    VectorRanges.copy(values, 0, elements, elementCount, n);
    elements.setValueCount(elementCount + n);
    for (int i = 0; i < n; i++) {
      link(groups[i], elementCount + i);
    }
    elementCount += n;
  }

  private void link(int g, int elementIndex) {
    int e;
    if (free >= 0) {
      e = free;
      free = next[e];
    } else {
      if (entries == element.length) {
        int cap = Math.max(1024, element.length * 2);
        account(head.length, cap);
        element = Arrays.copyOf(element, cap);
        next = Arrays.copyOf(next, cap);
      }
      e = entries++;
    }
    element[e] = elementIndex;
    next[e] = -1;
    if (head[g] < 0) {
      head[g] = e;
    } else {
      next[tail[g]] = e;
    }
    tail[g] = e;
    count[g]++;
    liveEntries++;
  }

  /** Keeps only the elements some chain points at, in a fresh vector; entries are renumbered to match. */
  private void compact() {
    int live = (int) liveEntries;
    int[] keep = new int[Math.max(live, 1)];
    int k = 0;
    for (int g = 0; g < head.length; g++) {
      for (int e = head[g]; e >= 0; e = next[e]) {
        keep[k] = element[e];
        element[e] = k++;
      }
    }
    FieldVector fresh = VectorRanges.gather(elements, keep, k, allocator);
    elements.close();
    elements = fresh;
    elementCount = k;
  }

  @Override
  public void mergeState(int target, int source) {
    if (target == source) {
      return;
    }
    int n = count[source];
    int[] copy = scratchOf(n);
    int k = 0;
    for (int e = head[source]; e >= 0; e = next[e]) {
      copy[k++] = element[e];
    }
    for (int i = 0; i < k; i++) {
      link(target, copy[i]);
    }
  }

  @Override
  public void reset(int group) {
    if (filter != null) {
      // The filter remembers values per group and cannot forget one: results remove duplicates instead.
      filter.close();
      filter = null;
      dedupeOnOutput = kind != Kind.LIST;
    }
    if (head[group] >= 0) {
      next[tail[group]] = free;
      free = head[group];
      liveEntries -= count[group];
    }
    head[group] = -1;
    tail[group] = -1;
    count[group] = 0;
  }

  /** The element indices of group {@code g} in chain order, duplicates removed when needed; in scratch. */
  private int groupElements(int g, int[] sizeOut) {
    int n = count[g];
    int[] idx = scratchOf(n);
    int k = 0;
    for (int e = head[g]; e >= 0; e = next[e]) {
      idx[k++] = element[e];
    }
    sizeOut[0] = dedupeOnOutput ? distinct(idx, k) : k;
    return k;
  }

  /** Moves the first occurrence of each distinct element of {@code idx[0, n)} to the front; their number. */
  private int distinct(int[] idx, int n) {
    if (n < 2) {
      return n;
    }
    try (FieldVector values = VectorRanges.gather(elements, idx, n, allocator)) {
      List<FieldVector> keys = List.of(values);
      int[] hashes = new int[n];
      KeyHasher.hash(keys, n, hashes);
      KeyEquality eq = new KeyEquality(keys, keys, true);
      int size = Integer.highestOneBit(Math.max(n * 2 - 1, 1)) << 1;
      int[] slots = new int[size];
      Arrays.fill(slots, -1);
      int kept = 0;
      int[] keptRows = new int[n];
      for (int i = 0; i < n; i++) {
        int p = hashes[i] & (size - 1);
        boolean seen = false;
        while (slots[p] >= 0) {
          int j = slots[p];
          if (hashes[j] == hashes[i] && eq.equal(j, i)) {
            seen = true;
            break;
          }
          p = (p + 1) & (size - 1);
        }
        if (!seen) {
          slots[p] = i;
          keptRows[kept++] = i;
        }
      }
      int[] original = Arrays.copyOf(idx, n);
      for (int i = 0; i < kept; i++) {
        idx[i] = original[keptRows[i]];
      }
      return kept;
    }
  }

  private int[] scratchOf(int n) {
    if (scratch.length < n) {
      scratch = new int[Math.max(n, scratch.length * 2)];
      account(head.length, element.length);
    }
    return scratch;
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    if (kind == Kind.COUNT_DISTINCT) {
      return List.of(lists(from, count, allocator));
    }
    return List.of(results(from, count, allocator));
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    if (kind != Kind.COUNT_DISTINCT) {
      return lists(from, count, allocator);
    }
    BigIntVector out = new BigIntVector("count", allocator);
    out.allocateNew(Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      writeResult(from + i, out, i);
    }
    out.setValueCount(count);
    return out;
  }

  private ListVector lists(int from, int n, BufferAllocator allocator) {
    ListVector out = (ListVector) Vectors.create("buffer", new ArrayType(elementType, false), n, allocator);
    try {
      for (int i = 0; i < n; i++) {
        writeList(from + i, out, i);
      }
      out.setValueCount(n);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    if (kind == Kind.COUNT_DISTINCT) {
      int[] size = new int[1];
      groupElements(group, size);
      ((BigIntVector) out).setSafe(index, size[0]);
    } else {
      writeList(group, (ListVector) out, index);
    }
  }

  private void writeList(int group, ListVector out, int index) {
    int[] size = new int[1];
    groupElements(group, size);
    int n = size[0];
    int at = out.startNewValue(index);
    FieldVector data = out.getDataVector();
    if (!(data instanceof NullVector)) {
      for (int i = 0; i < n; i++) {
        data.copyFromSafe(scratch[i], at + i, elements);
      }
    }
    out.endValue(index, n);
  }

  @Override
  public void close() {
    if (elements != null) {
      elements.close();
      elements = null;
    }
    if (filter != null) {
      filter.close();
      filter = null;
    }
    heap.close();
    head = new int[0];
    tail = new int[0];
    count = new int[0];
    element = new int[0];
    next = new int[0];
    scratch = new int[0];
  }
}
