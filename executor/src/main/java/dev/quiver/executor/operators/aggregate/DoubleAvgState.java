package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code avg} of a non-decimal number: a double sum and a count (Spark's buffer: sum starts at 0.0, count at
 * 0); the value is sum / count, null when no input was non-null.
 */
final class DoubleAvgState extends AggregateState {
  private final StateColumn sums;
  private final StateColumn counts;
  private final DoubleValues values = new DoubleValues();

  DoubleAvgState(BufferAllocator allocator) {
    super(DataTypes.DoubleType);
    this.sums = new StateColumn("sum", DataTypes.DoubleType, allocator);
    this.counts = new StateColumn("count", DataTypes.LongType, allocator);
  }

  @Override
  public void ensureCapacity(int groups) {
    sums.ensure(groups);
    counts.ensure(groups);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (in instanceof NullVector) {
      return;
    }
    double[] x = values.read(in, from, to);
    ArrowBuf valid = in.getValidityBuffer();
    ArrowBuf s = sums.data;
    ArrowBuf c = counts.data;
    boolean allValid = in.getNullCount() == 0;
    for (int r = from; r < to; r++) {
      if (allValid || BitVectorHelper.get(valid, r) != 0) {
        long at = (long) groupIds[r] * 8;
        s.setDouble(at, s.getDouble(at) + x[r]);
        c.setLong(at, c.getLong(at) + 1);
      }
    }
  }

  @Override
  public void updateOneGroup(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (in instanceof NullVector) {
      return;
    }
    double[] x = values.read(in, from, to);
    ArrowBuf valid = in.getValidityBuffer();
    boolean allValid = in.getNullCount() == 0;
    double sum = sums.getDouble(0);
    long count = counts.getLong(0);
    for (int r = from; r < to; r++) {
      if (allValid || BitVectorHelper.get(valid, r) != 0) {
        sum += x[r];
        count++;
      }
    }
    sums.setDouble(0, sum);
    counts.setLong(0, count);
  }

  @Override
  boolean addsRuns() {
    return true;
  }

  @Override
  void updateRuns(FieldVector[] args, int[] groupIds, int n, GroupRuns runs) {
    FieldVector in = args[0];
    if (in instanceof NullVector) {
      return;
    }
    double[] x = values.read(in, 0, n);
    ArrowBuf valid = in.getValidityBuffer();
    boolean allValid = in.getNullCount() == 0;
    int[] rows = runs.rows();
    for (int k = 0; k < runs.count(); k++) {
      int g = runs.group(k);
      double sum = sums.getDouble(g);
      long count = counts.getLong(g);
      for (int i = runs.start(k), end = runs.end(k); i < end; i++) {
        int r = rows[i];
        if (allValid || BitVectorHelper.get(valid, r) != 0) {
          sum += x[r];
          count++;
        }
      }
      sums.setDouble(g, sum);
      counts.setLong(g, count);
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    Float8Vector inSum = (Float8Vector) buffers[0];
    BigIntVector inCount = (BigIntVector) buffers[1];
    ArrowBuf sd = inSum.getDataBuffer();
    ArrowBuf sValid = inSum.getValidityBuffer();
    ArrowBuf cd = inCount.getDataBuffer();
    ArrowBuf cValid = inCount.getValidityBuffer();
    ArrowBuf s = sums.data;
    ArrowBuf c = counts.data;
    for (int r = from; r < to; r++) {
      long at = (long) groupIds[r] * 8;
      if (BitVectorHelper.get(sValid, r) != 0) {
        s.setDouble(at, s.getDouble(at) + sd.getDouble((long) r * 8));
      }
      if (BitVectorHelper.get(cValid, r) != 0) {
        c.setLong(at, c.getLong(at) + cd.getLong((long) r * 8));
      }
    }
  }

  @Override
  public void mergeState(int target, int source) {
    sums.setDouble(target, sums.getDouble(target) + sums.getDouble(source));
    counts.setLong(target, counts.getLong(target) + counts.getLong(source));
  }

  @Override
  public void reset(int group) {
    sums.setDouble(group, 0);
    counts.setLong(group, 0);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    Float8Vector s = new Float8Vector("sum", allocator);
    BigIntVector c = new BigIntVector("count", allocator);
    s.allocateNew(Math.max(count, 1));
    c.allocateNew(Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      s.set(i, sums.getDouble(from + i));
      c.set(i, counts.getLong(from + i));
    }
    s.setValueCount(count);
    c.setValueCount(count);
    return List.of(s, c);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    Float8Vector o = (Float8Vector) out;
    long n = counts.getLong(group);
    if (n == 0) {
      o.setNull(index);
    } else {
      o.setSafe(index, sums.getDouble(group) / n);
    }
  }

  @Override
  public void close() {
    sums.close();
    counts.close();
  }
}
