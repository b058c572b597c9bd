package dev.quiver.executor.operators.window;

import dev.quiver.executor.operators.aggregate.VectorRanges;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code lag(input, offset, default)} and {@code lead(...)}, as Spark's FrameLessOffsetWindowFunction: the
 * input of the row {@code offset} rows before (lag) or after (lead) the current one in the partition's order,
 * ignoring the frame. When that row lies outside the partition the default is used, evaluated on the current
 * row (null without one); a null input at that row stays null. A negative offset looks the other way.
 */
final class OffsetFunction implements WindowFunction {
  private final DataType type;
  /** Signed distance to the row read: -offset for lag, +offset for lead. */
  private final long shift;
  private final boolean hasDefault;

  OffsetFunction(DataType type, boolean lag, long offset, boolean hasDefault) {
    this.type = type;
    this.shift = lag ? -offset : offset;
    this.hasDefault = hasDefault;
  }

  @Override
  public DataType resultType() {
    return type;
  }

  @Override
  public int argumentCount() {
    return hasDefault ? 2 : 1;
  }

  @Override
  public void compute(WindowPartitionBuffer p, int firstArg, FieldVector out) {
    if (out instanceof NullVector) {
      return;
    }
    int n = p.size();
    FieldVector input = p.column(firstArg);
    FieldVector dflt = hasDefault ? p.column(firstArg + 1) : null;
    for (int i = 0; i < n; i++) {
      long j = i + shift;
      if (j >= 0 && j < n) {
        copy(input, (int) j, out, i);
      } else if (dflt != null) {
        copy(dflt, i, out, i);
      } else {
        VectorRanges.setNull(out, i);
      }
    }
  }

  private static void copy(FieldVector from, int row, FieldVector out, int index) {
    if (from instanceof NullVector) {
      VectorRanges.setNull(out, index);
    } else {
      out.copyFromSafe(row, index, from);
    }
  }
}
