package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * {@code sum} of tinyint/smallint/int/bigint as bigint, null until the first non-null input. Under ANSI
 * mode an overflow fails the query, as Spark's does.
 */
final class LongSumState extends AggregateState {
  private final StateColumn sums;

  LongSumState(BufferAllocator allocator) {
    super(DataTypes.LongType);
    this.sums = new StateColumn("sum", DataTypes.LongType, allocator);
  }

  static ArithmeticException overflow() {
    return AnsiErrors.overflow("long overflow", "try_sum");
  }

  @Override
  public void ensureCapacity(int groups) {
    sums.ensure(groups);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    try {
      if (in instanceof BigIntVector v) {
        addLongs(v.getDataBuffer(), v.getValidityBuffer(), groupIds, from, to);
      } else if (in instanceof IntVector v) {
        addInts(v.getDataBuffer(), v.getValidityBuffer(), groupIds, from, to);
      } else if (in instanceof SmallIntVector v) {
        ArrowBuf valid = v.getValidityBuffer();
        for (int r = from; r < to; r++) {
          if (BitVectorHelper.get(valid, r) != 0) {
            add(groupIds[r], v.get(r));
          }
        }
      } else if (in instanceof TinyIntVector v) {
        ArrowBuf valid = v.getValidityBuffer();
        for (int r = from; r < to; r++) {
          if (BitVectorHelper.get(valid, r) != 0) {
            add(groupIds[r], v.get(r));
          }
        }
      } else if (!(in instanceof NullVector)) {
        throw new IllegalStateException("sum as bigint cannot read " + in.getField());
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  @Override
  public void updateOneGroup(FieldVector[] args, int[] groupIds, int from, int to) {
    if (!(args[0] instanceof BigIntVector v)) {
      update(args, groupIds, from, to);
      return;
    }
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf valid = v.getValidityBuffer();
    boolean allValid = v.getNullCount() == 0;
    long sum = sums.getLong(0);
    boolean any = false;
    try {
      for (int r = from; r < to; r++) {
        if (allValid || BitVectorHelper.get(valid, r) != 0) {
          sum = Math.addExact(sum, data.getLong((long) r * 8));
          any = true;
        }
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
    if (any) {
      sums.setLong(0, sum);
      sums.markSet(0);
    }
  }

  @Override
  boolean addsRuns() {
    return true;
  }

  @Override
  void updateRuns(FieldVector[] args, int[] groupIds, int n, GroupRuns runs) {
    if (!(args[0] instanceof BigIntVector v)) {
      update(args, groupIds, 0, n);
      return;
    }
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf valid = v.getValidityBuffer();
    boolean allValid = v.getNullCount() == 0;
    int[] rows = runs.rows();
    try {
      for (int k = 0; k < runs.count(); k++) {
        int g = runs.group(k);
        long sum = sums.getLong(g);
        boolean any = false;
        for (int i = runs.start(k), end = runs.end(k); i < end; i++) {
          int r = rows[i];
          if (allValid || BitVectorHelper.get(valid, r) != 0) {
            sum = Math.addExact(sum, data.getLong((long) r * 8));
            any = true;
          }
        }
        if (any) {
          sums.setLong(g, sum);
          StateColumn.markValid(sums.validity, g);
        }
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  private void addLongs(ArrowBuf data, ArrowBuf valid, int[] groupIds, int from, int to) {
    ArrowBuf s = sums.data;
    ArrowBuf sv = sums.validity;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) != 0) {
        int g = groupIds[r];
        long at = (long) g * 8;
        s.setLong(at, Math.addExact(s.getLong(at), data.getLong((long) r * 8)));
        StateColumn.markValid(sv, g);
      }
    }
  }

  private void addInts(ArrowBuf data, ArrowBuf valid, int[] groupIds, int from, int to) {
    ArrowBuf s = sums.data;
    ArrowBuf sv = sums.validity;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) != 0) {
        int g = groupIds[r];
        long at = (long) g * 8;
        s.setLong(at, Math.addExact(s.getLong(at), data.getInt((long) r * 4)));
        StateColumn.markValid(sv, g);
      }
    }
  }

  private void add(int g, long v) {
    sums.setLong(g, Math.addExact(sums.getLong(g), v));
    sums.markSet(g);
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    BigIntVector in = (BigIntVector) buffers[0];
    try {
      addLongs(in.getDataBuffer(), in.getValidityBuffer(), groupIds, from, to);
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  @Override
  public void mergeState(int target, int source) {
    if (sums.isSet(source)) {
      try {
        add(target, sums.getLong(source));
      } catch (ArithmeticException e) {
        throw overflow();
      }
    }
  }

  @Override
  public void reset(int group) {
    sums.clear(group);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    return List.of(results(from, count, allocator));
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    return VectorRanges.gather(sums.vector, VectorRanges.identity(new int[count], from, count), count, allocator);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    BigIntVector o = (BigIntVector) out;
    if (sums.isSet(group)) {
      o.setSafe(index, sums.getLong(group));
    } else {
      o.setNull(index);
    }
  }

  @Override
  public void close() {
    sums.close();
  }
}
