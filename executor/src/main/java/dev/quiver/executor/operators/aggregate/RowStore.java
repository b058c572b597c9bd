package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * One value of any type per group, overwritable: values are appended to a vector of their type (in the
 * task's allocator) and each group points at its current row, -1 when it has none (null). Groups may share a
 * row ({@link #share}), since rows never change once written. Replaced values leave garbage; when the vector
 * holds more than twice as many rows as there are groups, the live values are gathered into a fresh vector
 * indexed by group, so memory stays within a small multiple of one value per group. Used where no
 * type-specialized state exists: max_by/min_by's value and ordering of any type.
 */
final class RowStore implements AutoCloseable {
  private static final int MIN_ROWS = 4096;

  private final DataType type;
  private final BufferAllocator allocator;
  private final HeapReservation heap;
  private FieldVector rows;
  private int size;
  private int[] refs = new int[0];
  private int[] scratch = new int[0];

  RowStore(DataType type, BufferAllocator allocator) {
    this.type = type;
    this.allocator = allocator;
    this.heap = new HeapReservation(allocator);
    this.rows = Vectors.create("value", type, allocator);
  }

  /** Makes room for group ids below {@code groups}; new groups have no value. */
  void ensure(int groups) {
    if (refs.length >= groups) {
      return;
    }
    int n = Math.max(groups, Math.max(1024, refs.length * 2));
    heap.resize(8L * n);
    int old = refs.length;
    refs = Arrays.copyOf(refs, n);
    Arrays.fill(refs, old, n, -1);
    scratch = new int[n];
  }

  boolean isSet(int g) {
    return refs[g] >= 0;
  }

  /** The row of group {@code g} in {@link #vector()}, or -1. */
  int ref(int g) {
    return refs[g];
  }

  /** The vector the refs point into; valid until the next {@link #set}. */
  FieldVector vector() {
    return rows;
  }

  void clear(int g) {
    refs[g] = -1;
  }

  /** Group {@code dst} takes the value of group {@code src} (without copying it). */
  void share(int src, int dst) {
    refs[dst] = refs[src];
  }

  /** Group {@code g} takes {@code src[row]} (a null value makes the group hold none). */
  void set(int g, FieldVector src, int row) {
    if (src instanceof NullVector || src.isNull(row)) {
      refs[g] = -1;
      return;
    }
    if (size >= Math.max(MIN_ROWS, 2 * refs.length)) {
      compact();
    }
    rows.copyFromSafe(row, size, src);
    refs[g] = size++;
    rows.setValueCount(size);
  }

  /** Rebuilds the vector with only the live values, one row per group that has one. */
  private void compact() {
    int groups = refs.length;
    FieldVector fresh = VectorRanges.gather(rows, refs, groups, allocator);
    rows.close();
    rows = fresh;
    for (int g = 0; g < groups; g++) {
      if (refs[g] >= 0) {
        refs[g] = g;
      }
    }
    size = groups;
  }

  /** Writes the value of {@code g} (or null) at {@code index} of {@code out}. */
  void write(int g, FieldVector out, int index) {
    int r = refs[g];
    if (r < 0 || rows instanceof NullVector) {
      VectorRanges.setNull(out, index);
    } else {
      out.copyFromSafe(r, index, rows);
    }
  }

  /** The values of groups {@code [from, from+count)} as a new vector. */
  FieldVector column(int from, int count, BufferAllocator allocator) {
    if (count == 0) {
      return VectorRanges.nulls("value", type, 0, allocator);
    }
    System.arraycopy(refs, from, scratch, 0, count);
    return VectorRanges.gather(rows, scratch, count, allocator);
  }

  @Override
  public void close() {
    rows.close();
    heap.close();
    refs = new int[0];
    scratch = new int[0];
  }
}
