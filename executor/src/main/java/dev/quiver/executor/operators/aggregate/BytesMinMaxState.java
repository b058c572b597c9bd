package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code min} / {@code max} of strings and binary (unsigned byte order, which is UTF-8 code point order).
 * Each batch first finds its best row per group by comparing input rows in place, then stores at most one
 * value per group into the {@link BytesArena}, so a long ascending run does not rewrite a group per row.
 */
final class BytesMinMaxState extends AggregateState {
  /** Marks a group touched by this batch whose best value is still the stored one. */
  private static final int STORED = -2;

  private final int sign;
  private final BytesArena arena;
  private final HeapReservation heap;
  /** Per group: the best row of the current batch, STORED, or -1 when untouched. */
  private int[] best = new int[0];
  private int[] touched = new int[0];

  BytesMinMaxState(boolean max, DataType type, BufferAllocator allocator) {
    super(type);
    this.sign = max ? 1 : -1;
    this.arena = new BytesArena(allocator);
    this.heap = new HeapReservation(allocator);
  }

  @Override
  public void ensureCapacity(int groups) {
    arena.ensure(groups);
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
    if (args[0] instanceof NullVector) {
      return;
    }
    BaseVariableWidthVector in = (BaseVariableWidthVector) args[0];
    ArrowBuf valid = in.getValidityBuffer();
    ArrowBuf offsets = in.getOffsetBuffer();
    ArrowBuf data = in.getDataBuffer();
    int nTouched = 0;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) == 0) {
        continue;
      }
      int g = groupIds[r];
      int b = best[g];
      long s = offsets.getInt((long) r * 4);
      long e = offsets.getInt((long) (r + 1) * 4);
      if (b == -1) {
        touched[nTouched++] = g;
        b = STORED;
      }
      boolean better;
      if (b == STORED) {
        better = !arena.isSet(g) || sign * -arena.compare(g, data, s, e) > 0;
      } else {
        long bs = offsets.getInt((long) b * 4);
        long be = offsets.getInt((long) (b + 1) * 4);
        better = sign * ByteFunctionHelpers.compare(data, s, e, data, bs, be) > 0;
      }
      best[g] = better ? r : b;
    }
    for (int k = 0; k < nTouched; k++) {
      int g = touched[k];
      int r = best[g];
      if (r >= 0) {
        long s = offsets.getInt((long) r * 4);
        arena.set(g, data, s, (int) (offsets.getInt((long) (r + 1) * 4) - s));
      }
      best[g] = -1;
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    update(buffers, groupIds, from, to);
  }

  @Override
  public void mergeState(int target, int source) {
    if (arena.isSet(source) && (!arena.isSet(target) || sign * arena.compareGroups(source, target) > 0)) {
      arena.copyGroup(source, target);
    }
  }

  @Override
  public void reset(int group) {
    arena.clear(group);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    return List.of(results(from, count, allocator));
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
    heap.close();
    best = new int[0];
    touched = new int[0];
  }
}
