package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code first} / {@code last} of strings and binary, optionally IGNORE NULLS, over a {@link BytesArena}.
 * {@code last} first finds the last qualifying row per group of each batch and stores only that one.
 */
final class BytesFirstLastState extends AggregateState {
  private final boolean last;
  private final boolean ignoreNulls;
  private final BytesArena arena;
  private final FirstLastFlags flags;
  private final HeapReservation heap;
  /** For last: per group, the last qualifying row of the current batch, or -1. */
  private int[] lastRow = new int[0];
  private int[] touched = new int[0];

  BytesFirstLastState(boolean last, boolean ignoreNulls, DataType type, BufferAllocator allocator) {
    super(type);
    this.last = last;
    this.ignoreNulls = ignoreNulls;
    this.arena = new BytesArena(allocator);
    this.flags = new FirstLastFlags(allocator);
    this.heap = new HeapReservation(allocator);
  }

  @Override
  public void ensureCapacity(int groups) {
    arena.ensure(groups);
    flags.ensure(groups);
    if (last && lastRow.length < groups) {
      int n = Math.max(groups, lastRow.length * 2);
      heap.resize(8L * n);
      int old = lastRow.length;
      lastRow = Arrays.copyOf(lastRow, n);
      Arrays.fill(lastRow, old, n, -1);
      touched = new int[n];
    }
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (!(in instanceof BaseVariableWidthVector v)) {
      // A NULL-typed argument: every row is null.
      if (!ignoreNulls) {
        for (int r = from; r < to; r++) {
          storeNull(groupIds[r]);
        }
      }
      return;
    }
    ArrowBuf valid = v.getValidityBuffer();
    if (!last) {
      for (int r = from; r < to; r++) {
        int g = groupIds[r];
        if (flags.isSet(g)) {
          continue;
        }
        boolean isNull = BitVectorHelper.get(valid, r) == 0;
        if (!isNull) {
          store(g, v, r);
        } else if (!ignoreNulls) {
          storeNull(g);
        }
      }
      return;
    }
    int nTouched = 0;
    for (int r = from; r < to; r++) {
      if (ignoreNulls && BitVectorHelper.get(valid, r) == 0) {
        continue;
      }
      int g = groupIds[r];
      if (lastRow[g] < 0) {
        touched[nTouched++] = g;
      }
      lastRow[g] = r;
    }
    for (int k = 0; k < nTouched; k++) {
      int g = touched[k];
      int r = lastRow[g];
      if (BitVectorHelper.get(valid, r) != 0) {
        store(g, v, r);
      } else {
        storeNull(g);
      }
      lastRow[g] = -1;
    }
  }

  private void store(int g, BaseVariableWidthVector v, int r) {
    ArrowBuf offsets = v.getOffsetBuffer();
    int s = offsets.getInt((long) r * 4);
    arena.set(g, v.getDataBuffer(), s, offsets.getInt((long) (r + 1) * 4) - s);
    flags.mark(g);
  }

  private void storeNull(int g) {
    arena.clear(g);
    flags.mark(g);
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    BitVector set = (BitVector) buffers[1];
    BaseVariableWidthVector in = buffers[0] instanceof BaseVariableWidthVector v ? v : null;
    for (int r = from; r < to; r++) {
      int g = groupIds[r];
      if (!FirstLastFlags.isTrue(set, r) || (!last && flags.isSet(g))) {
        continue;
      }
      if (in != null && !in.isNull(r)) {
        store(g, in, r);
      } else {
        storeNull(g);
      }
    }
  }

  @Override
  public void mergeState(int target, int source) {
    if (!flags.isSet(source) || (!last && flags.isSet(target))) {
      return;
    }
    if (arena.isSet(source)) {
      arena.copyGroup(source, target);
      flags.mark(target);
    } else {
      storeNull(target);
    }
  }

  @Override
  public void reset(int group) {
    arena.clear(group);
    flags.clear(group);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    FieldVector v = results(from, count, allocator);
    try {
      return List.of(v, flags.column(from, count, allocator));
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    BaseVariableWidthVector out = (BaseVariableWidthVector) Vectors.create("value", resultType(), count, allocator);
    try {
      for (int i = 0; i < count; i++) {
        arena.write(from + i, out, i);
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    arena.write(group, (BaseVariableWidthVector) out, index);
  }

  @Override
  public void close() {
    arena.close();
    flags.close();
    heap.close();
    lastRow = new int[0];
    touched = new int[0];
  }
}
