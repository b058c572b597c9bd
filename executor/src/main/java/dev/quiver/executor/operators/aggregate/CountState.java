package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code count(*)}, {@code count(x)}, {@code count(x, y, ...)}: the number of rows where every argument is
 * non-null (no arguments: every row); {@code count_if(b)}: the number of rows where b is true (Spark's
 * {@code count(nullif(b, false))}). Never null; 0 for an empty group.
 */
final class CountState extends AggregateState {
  private final StateColumn counts;
  private final boolean onlyTrue;

  CountState(BufferAllocator allocator) {
    this(false, allocator);
  }

  /** With {@code onlyTrue}, counts the rows whose single boolean argument is true. */
  CountState(boolean onlyTrue, BufferAllocator allocator) {
    super(DataTypes.LongType);
    this.onlyTrue = onlyTrue;
    this.counts = new StateColumn("count", DataTypes.LongType, allocator);
  }

  @Override
  public void ensureCapacity(int groups) {
    counts.ensure(groups);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    ArrowBuf c = counts.data;
    if (args.length == 0) {
      for (int r = from; r < to; r++) {
        long at = (long) groupIds[r] * 8;
        c.setLong(at, c.getLong(at) + 1);
      }
      return;
    }
    for (FieldVector a : args) {
      if (a instanceof NullVector) {
        return;
      }
    }
    if (onlyTrue) {
      ArrowBuf valid = args[0].getValidityBuffer();
      ArrowBuf bits = args[0].getDataBuffer();
      for (int r = from; r < to; r++) {
        if (BitVectorHelper.get(valid, r) != 0 && BitVectorHelper.get(bits, r) != 0) {
          long at = (long) groupIds[r] * 8;
          c.setLong(at, c.getLong(at) + 1);
        }
      }
      return;
    }
    if (args.length == 1) {
      ArrowBuf valid = args[0].getValidityBuffer();
      for (int r = from; r < to; r++) {
        if (BitVectorHelper.get(valid, r) != 0) {
          long at = (long) groupIds[r] * 8;
          c.setLong(at, c.getLong(at) + 1);
        }
      }
      return;
    }
    for (int r = from; r < to; r++) {
      if (allSet(args, r)) {
        long at = (long) groupIds[r] * 8;
        c.setLong(at, c.getLong(at) + 1);
      }
    }
  }

  @Override
  public void updateOneGroup(FieldVector[] args, int[] groupIds, int from, int to) {
    if (args.length == 0) {
      counts.setLong(0, counts.getLong(0) + (to - from));
    } else if (args.length == 1 && !onlyTrue && !(args[0] instanceof NullVector)) {
      ArrowBuf valid = args[0].getValidityBuffer();
      long count = 0;
      for (int r = from; r < to; r++) {
        count += BitVectorHelper.get(valid, r);
      }
      counts.setLong(0, counts.getLong(0) + count);
    } else {
      update(args, groupIds, from, to);
    }
  }

  @Override
  boolean addsRuns() {
    return true;
  }

  @Override
  void updateRuns(FieldVector[] args, int[] groupIds, int n, GroupRuns runs) {
    if (args.length == 0) {
      for (int k = 0; k < runs.count(); k++) {
        int g = runs.group(k);
        counts.setLong(g, counts.getLong(g) + (runs.end(k) - runs.start(k)));
      }
    } else if (args.length == 1 && !onlyTrue && !(args[0] instanceof NullVector)) {
      ArrowBuf valid = args[0].getValidityBuffer();
      int[] rows = runs.rows();
      for (int k = 0; k < runs.count(); k++) {
        int g = runs.group(k);
        long count = 0;
        for (int i = runs.start(k), end = runs.end(k); i < end; i++) {
          count += BitVectorHelper.get(valid, rows[i]);
        }
        counts.setLong(g, counts.getLong(g) + count);
      }
    } else {
      update(args, groupIds, 0, n);
    }
  }

  private static boolean allSet(FieldVector[] args, int r) {
    for (FieldVector a : args) {
      if (a.isNull(r)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    BigIntVector in = (BigIntVector) buffers[0];
    ArrowBuf data = in.getDataBuffer();
    ArrowBuf valid = in.getValidityBuffer();
    ArrowBuf c = counts.data;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) != 0) {
        long at = (long) groupIds[r] * 8;
        c.setLong(at, c.getLong(at) + data.getLong((long) r * 8));
      }
    }
  }

  @Override
  public void mergeState(int target, int source) {
    counts.setLong(target, counts.getLong(target) + counts.getLong(source));
  }

  @Override
  public void reset(int group) {
    counts.setLong(group, 0);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    return List.of(results(from, count, allocator));
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    BigIntVector out = new BigIntVector("count", allocator);
    out.allocateNew(Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      out.set(i, counts.getLong(from + i));
    }
    out.setValueCount(count);
    return out;
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    ((BigIntVector) out).setSafe(index, counts.getLong(group));
  }

  @Override
  public void close() {
    counts.close();
  }
}
