package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.keys.ValueComparator;
import dev.quiver.sql.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code min} / {@code max} of a fixed-width type (numbers, booleans, dates, timestamps, decimals), kept in
 * a vector of the input type. Values compare in SQL order: NaN above every double, false before true,
 * decimals as signed 128-bit integers (same scale on both sides). One loop per physical layout.
 */
final class FixedMinMaxState extends AggregateState {
  private final FixedLayout layout;
  /** +1 for max, -1 for min: a candidate replaces the current value when sign * compare(candidate, current) > 0. */
  private final int sign;
  private final StateColumn values;

  FixedMinMaxState(boolean max, DataType type, BufferAllocator allocator) {
    super(type);
    this.sign = max ? 1 : -1;
    this.values = new StateColumn(max ? "max" : "min", type, allocator);
    this.layout = FixedLayout.of(values.vector);
  }

  @Override
  public void ensureCapacity(int groups) {
    values.ensure(groups);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (in instanceof NullVector) {
      return;
    }
    ArrowBuf valid = in.getValidityBuffer();
    ArrowBuf data = in.getDataBuffer();
    ArrowBuf s = values.data;
    ArrowBuf sv = values.validity;
    switch (layout) {
      case INT32:
        for (int r = from; r < to; r++) {
          if (BitVectorHelper.get(valid, r) != 0) {
            int g = groupIds[r];
            int x = data.getInt((long) r * 4);
            if (BitVectorHelper.get(sv, g) == 0 || sign * Integer.compare(x, s.getInt((long) g * 4)) > 0) {
              s.setInt((long) g * 4, x);
              StateColumn.markValid(sv, g);
            }
          }
        }
        break;
      case INT64:
        for (int r = from; r < to; r++) {
          if (BitVectorHelper.get(valid, r) != 0) {
            int g = groupIds[r];
            long x = data.getLong((long) r * 8);
            if (BitVectorHelper.get(sv, g) == 0 || sign * Long.compare(x, s.getLong((long) g * 8)) > 0) {
              s.setLong((long) g * 8, x);
              StateColumn.markValid(sv, g);
            }
          }
        }
        break;
      case FLOAT64:
        for (int r = from; r < to; r++) {
          if (BitVectorHelper.get(valid, r) != 0) {
            int g = groupIds[r];
            double x = data.getDouble((long) r * 8);
            if (BitVectorHelper.get(sv, g) == 0
                || sign * ValueComparator.compareDoubles(x, s.getDouble((long) g * 8)) > 0) {
              s.setDouble((long) g * 8, x);
              StateColumn.markValid(sv, g);
            }
          }
        }
        break;
      default:
        for (int r = from; r < to; r++) {
          if (BitVectorHelper.get(valid, r) != 0) {
            int g = groupIds[r];
            if (BitVectorHelper.get(sv, g) == 0 || sign * layout.compare(data, r, s, g) > 0) {
              layout.copy(data, r, s, g);
              StateColumn.markValid(sv, g);
            }
          }
        }
        break;
    }
  }

  @Override
  public void updateOneGroup(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (in instanceof NullVector || layout != FixedLayout.INT64 && layout != FixedLayout.INT32
        && layout != FixedLayout.FLOAT64) {
      update(args, groupIds, from, to);
      return;
    }
    ArrowBuf valid = in.getValidityBuffer();
    ArrowBuf data = in.getDataBuffer();
    boolean allValid = in.getNullCount() == 0;
    boolean set = values.isSet(0);
    switch (layout) {
      case INT32: {
        int best = values.data.getInt(0);
        for (int r = from; r < to; r++) {
          if (allValid || BitVectorHelper.get(valid, r) != 0) {
            int x = data.getInt((long) r * 4);
            if (!set || sign * Integer.compare(x, best) > 0) {
              best = x;
              set = true;
            }
          }
        }
        values.data.setInt(0, best);
        break;
      }
      case INT64: {
        long best = values.getLong(0);
        for (int r = from; r < to; r++) {
          if (allValid || BitVectorHelper.get(valid, r) != 0) {
            long x = data.getLong((long) r * 8);
            if (!set || sign * Long.compare(x, best) > 0) {
              best = x;
              set = true;
            }
          }
        }
        values.setLong(0, best);
        break;
      }
      default: {
        double best = values.getDouble(0);
        for (int r = from; r < to; r++) {
          if (allValid || BitVectorHelper.get(valid, r) != 0) {
            double x = data.getDouble((long) r * 8);
            if (!set || sign * ValueComparator.compareDoubles(x, best) > 0) {
              best = x;
              set = true;
            }
          }
        }
        values.setDouble(0, best);
        break;
      }
    }
    if (set) {
      values.markSet(0);
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    update(buffers, groupIds, from, to);
  }

  @Override
  public void mergeState(int target, int source) {
    if (!values.isSet(source)) {
      return;
    }
    if (!values.isSet(target) || sign * layout.compare(values.data, source, values.data, target) > 0) {
      layout.copy(values.data, source, values.data, target);
      values.markSet(target);
    }
  }

  @Override
  public void reset(int group) {
    values.clear(group);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    return List.of(results(from, count, allocator));
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    return VectorRanges.gather(values.vector, VectorRanges.identity(new int[count], from, count), count,
        allocator);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    out.copyFromSafe(group, index, values.vector);
  }

  @Override
  public void close() {
    values.close();
  }
}
