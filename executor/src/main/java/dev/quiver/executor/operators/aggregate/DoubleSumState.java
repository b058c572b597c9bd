package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/** {@code sum} of float/double as double, null until the first non-null input. */
final class DoubleSumState extends AggregateState {
  private final StateColumn sums;

  DoubleSumState(BufferAllocator allocator) {
    super(DataTypes.DoubleType);
    this.sums = new StateColumn("sum", DataTypes.DoubleType, allocator);
  }

  @Override
  public void ensureCapacity(int groups) {
    sums.ensure(groups);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (in instanceof Float8Vector v) {
      addDoubles(v, groupIds, from, to);
    } else if (in instanceof Float4Vector v) {
      ArrowBuf data = v.getDataBuffer();
      ArrowBuf valid = v.getValidityBuffer();
      ArrowBuf s = sums.data;
      ArrowBuf sv = sums.validity;
      for (int r = from; r < to; r++) {
        if (BitVectorHelper.get(valid, r) != 0) {
          int g = groupIds[r];
          long at = (long) g * 8;
          s.setDouble(at, s.getDouble(at) + data.getFloat((long) r * 4));
          StateColumn.markValid(sv, g);
        }
      }
    } else if (!(in instanceof NullVector)) {
      throw new IllegalStateException("sum as double cannot read " + in.getField());
    }
  }

  @Override
  public void updateOneGroup(FieldVector[] args, int[] groupIds, int from, int to) {
    if (!(args[0] instanceof Float8Vector v)) {
      update(args, groupIds, from, to);
      return;
    }
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf valid = v.getValidityBuffer();
    boolean allValid = v.getNullCount() == 0;
    // Rows added in order, as update adds them: the same double result.
    double sum = sums.getDouble(0);
    boolean any = false;
    for (int r = from; r < to; r++) {
      if (allValid || BitVectorHelper.get(valid, r) != 0) {
        sum += data.getDouble((long) r * 8);
        any = true;
      }
    }
    if (any) {
      sums.setDouble(0, sum);
      sums.markSet(0);
    }
  }

  @Override
  boolean addsRuns() {
    return true;
  }

  @Override
  void updateRuns(FieldVector[] args, int[] groupIds, int n, GroupRuns runs) {
    if (!(args[0] instanceof Float8Vector v)) {
      update(args, groupIds, 0, n);
      return;
    }
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf valid = v.getValidityBuffer();
    boolean allValid = v.getNullCount() == 0;
    int[] rows = runs.rows();
    for (int k = 0; k < runs.count(); k++) {
      int g = runs.group(k);
      double sum = sums.getDouble(g);
      boolean any = false;
      for (int i = runs.start(k), end = runs.end(k); i < end; i++) {
        int r = rows[i];
        if (allValid || BitVectorHelper.get(valid, r) != 0) {
          sum += data.getDouble((long) r * 8);
          any = true;
        }
      }
      if (any) {
        sums.setDouble(g, sum);
        StateColumn.markValid(sums.validity, g);
      }
    }
  }

  private void addDoubles(Float8Vector v, int[] groupIds, int from, int to) {
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf valid = v.getValidityBuffer();
    ArrowBuf s = sums.data;
    ArrowBuf sv = sums.validity;
    // Invariant in the loop, so the compiler splits it in two: without nulls no row reads its validity bit.
    boolean allValid = v.getNullCount() == 0;
    for (int r = from; r < to; r++) {
      if (allValid || BitVectorHelper.get(valid, r) != 0) {
        int g = groupIds[r];
        long at = (long) g * 8;
        s.setDouble(at, s.getDouble(at) + data.getDouble((long) r * 8));
        StateColumn.markValid(sv, g);
      }
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    addDoubles((Float8Vector) buffers[0], groupIds, from, to);
  }

  @Override
  public void mergeState(int target, int source) {
    if (sums.isSet(source)) {
      sums.setDouble(target, sums.getDouble(target) + sums.getDouble(source));
      sums.markSet(target);
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
    Float8Vector o = (Float8Vector) out;
    if (sums.isSet(group)) {
      o.setSafe(index, sums.getDouble(group));
    } else {
      o.setNull(index);
    }
  }

  @Override
  public void close() {
    sums.close();
  }
}
