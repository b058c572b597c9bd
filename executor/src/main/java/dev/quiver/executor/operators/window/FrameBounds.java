package dev.quiver.executor.operators.window;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.expressions.WindowFrame.FrameType;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * The frame of every row of a partition as a row range {@code [start, end)}. ROWS frames are offsets in
 * rows. RANGE frames compare the ordering value: CURRENT ROW spans the row's peers; {@code n PRECEDING} /
 * {@code m FOLLOWING} need a single numeric, date or timestamp order key and take the rows whose value lies
 * within that distance in the sort direction. Rows with a null order key frame the null rows (Spark puts
 * nulls on their own), plus whatever an unbounded side adds. Both bounds never move backwards from one
 * row to the next, which the evaluators rely on.
 */
final class FrameBounds {
  private final WindowFrame frame;
  private final boolean descending;
  private final boolean hasOrder;
  int[] start = new int[0];
  int[] end = new int[0];

  FrameBounds(WindowFrame frame, boolean hasOrder, boolean descending) {
    this.frame = frame;
    this.hasOrder = hasOrder;
    this.descending = descending;
    if (frame.type() == FrameType.RANGE && !hasOrder && (isOffset(frame.lower()) || isOffset(frame.upper()))) {
      throw new PlanningException("Internal error: a RANGE frame with offsets needs an ORDER BY");
    }
  }

  private static boolean isOffset(long bound) {
    return bound != WindowFrame.UNBOUNDED_PRECEDING && bound != WindowFrame.UNBOUNDED_FOLLOWING
        && bound != WindowFrame.CURRENT_ROW;
  }

  boolean lowerUnbounded() {
    return frame.lower() == WindowFrame.UNBOUNDED_PRECEDING;
  }

  boolean upperUnbounded() {
    return frame.upper() == WindowFrame.UNBOUNDED_FOLLOWING;
  }

  /** Fills {@link #start} and {@link #end} for the rows of {@code p}. */
  void compute(WindowPartitionBuffer p) {
    int n = p.size();
    if (start.length < n) {
      start = new int[Math.max(n, start.length * 2)];
      end = new int[start.length];
    }
    if (frame.type() == FrameType.ROWS) {
      for (int i = 0; i < n; i++) {
        start[i] = lowerUnbounded() ? 0 : clamp(i + frame.lower(), n);
        end[i] = upperUnbounded() ? n : clamp(i + frame.upper() + 1, n);
      }
    } else if (!isOffset(frame.lower()) && !isOffset(frame.upper())) {
      for (int i = 0; i < n; i++) {
        start[i] = lowerUnbounded() ? 0 : p.peerStart(i);
        end[i] = upperUnbounded() ? n : p.peerEnd(i);
      }
    } else {
      rangeOffsets(p.column(0), n, p);
    }
    for (int i = 0; i < n; i++) {
      if (end[i] < start[i]) {
        end[i] = start[i];
      }
    }
  }

  private static int clamp(long v, int n) {
    return (int) Math.max(0, Math.min(n, v));
  }

  /** RANGE with a value offset on one side: two pointers over the non-null block of the single order key. */
  private void rangeOffsets(FieldVector key, int n, WindowPartitionBuffer p) {
    ArrowBuf valid = key.getValidityBuffer();
    int nnStart = 0;
    while (nnStart < n && BitVectorHelper.get(valid, nnStart) == 0) {
      nnStart++;
    }
    int nnEnd = n;
    while (nnEnd > nnStart && BitVectorHelper.get(valid, nnEnd - 1) == 0) {
      nnEnd--;
    }
    KeyReader values = KeyReader.of(key);
    int lo = nnStart;
    int hi = nnStart;
    for (int i = 0; i < n; i++) {
      if (i < nnStart || i >= nnEnd) {
        // A null order value: its frame is the null rows, widened by an unbounded side.
        start[i] = lowerUnbounded() ? 0 : p.peerStart(i);
        end[i] = upperUnbounded() ? n : p.peerEnd(i);
        continue;
      }
      if (lowerUnbounded()) {
        start[i] = 0;
      } else if (frame.lower() == WindowFrame.CURRENT_ROW) {
        start[i] = p.peerStart(i);
      } else {
        // First row not before the lower bound (in sort direction).
        while (lo < nnEnd && before(values, lo, i, frame.lower())) {
          lo++;
        }
        start[i] = lo;
      }
      if (upperUnbounded()) {
        end[i] = n;
      } else if (frame.upper() == WindowFrame.CURRENT_ROW) {
        end[i] = p.peerEnd(i);
      } else {
        while (hi < nnEnd && !after(values, hi, i, frame.upper())) {
          hi++;
        }
        end[i] = hi;
      }
    }
  }

  /** Row j lies before (value + offset) of row i in sort order. */
  private boolean before(KeyReader v, int j, int i, long offset) {
    int c = v.compareWithOffset(j, i, descending ? -offset : offset);
    return descending ? c > 0 : c < 0;
  }

  /** Row j lies after (value + offset) of row i in sort order. */
  private boolean after(KeyReader v, int j, int i, long offset) {
    int c = v.compareWithOffset(j, i, descending ? -offset : offset);
    return descending ? c < 0 : c > 0;
  }

  /** Compares value[j] with value[i] + offset without overflow, per physical type. */
  private interface KeyReader {
    int compareWithOffset(int j, int i, long offset);

    static KeyReader of(FieldVector v) {
      if (v instanceof IntVector || v instanceof DateDayVector || v instanceof BigIntVector
          || v instanceof TimeStampVector || v instanceof SmallIntVector || v instanceof TinyIntVector) {
        return (j, i, offset) -> compareLongs(longAt(v, j), longAt(v, i), offset);
      }
      if (v instanceof Float8Vector || v instanceof Float4Vector) {
        return (j, i, offset) -> Double.compare(doubleAt(v, j), doubleAt(v, i) + offset);
      }
      if (v instanceof DecimalVector d) {
        // Rare: decimal order keys with value offsets compare exactly through BigDecimal.
        return (j, i, offset) -> d.getObject(j).compareTo(d.getObject(i).add(BigDecimal.valueOf(offset)));
      }
      throw new PlanningException("Internal error: a RANGE frame with offsets cannot order by " + v.getField());
    }

    private static int compareLongs(long a, long b, long offset) {
      long sum = b + offset;
      if (((b ^ sum) & (offset ^ sum)) < 0) {
        // b + offset overflowed: it lies beyond every long in the offset's direction.
        return offset > 0 ? -1 : 1;
      }
      return Long.compare(a, sum);
    }

    private static long longAt(FieldVector v, int i) {
      if (v instanceof IntVector x) {
        return x.get(i);
      }
      if (v instanceof DateDayVector x) {
        return x.get(i);
      }
      if (v instanceof BigIntVector x) {
        return x.get(i);
      }
      if (v instanceof TimeStampVector x) {
        return x.get(i);
      }
      if (v instanceof SmallIntVector x) {
        return x.get(i);
      }
      return ((TinyIntVector) v).get(i);
    }

    private static double doubleAt(FieldVector v, int i) {
      return v instanceof Float8Vector x ? x.get(i) : ((Float4Vector) v).get(i);
    }
  }
}
