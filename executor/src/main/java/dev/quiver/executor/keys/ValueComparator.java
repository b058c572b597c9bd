package dev.quiver.executor.keys;

import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.vectors.Utf8;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
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
 * Compares a non-null value of one vector with a non-null value of another vector of the same type, in SQL
 * order: numbers numerically (NaN above everything, -0.0 equal to 0.0), strings and binary by unsigned
 * bytes (UTF-8 order), false before true. Built once per pair of vectors; callers handle nulls.
 */
@FunctionalInterface
public interface ValueComparator {
  int compare(int leftRow, int rightRow);

  static ValueComparator of(FieldVector left, FieldVector right) {
    if (left instanceof IntVector a && right instanceof IntVector b) {
      ArrowBuf x = a.getDataBuffer();
      ArrowBuf y = b.getDataBuffer();
      return (i, j) -> Integer.compare(x.getInt((long) i * 4), y.getInt((long) j * 4));
    }
    if (left instanceof BigIntVector a && right instanceof BigIntVector b) {
      ArrowBuf x = a.getDataBuffer();
      ArrowBuf y = b.getDataBuffer();
      return (i, j) -> Long.compare(x.getLong((long) i * 8), y.getLong((long) j * 8));
    }
    if (left instanceof Float8Vector a && right instanceof Float8Vector b) {
      ArrowBuf x = a.getDataBuffer();
      ArrowBuf y = b.getDataBuffer();
      return (i, j) -> compareDoubles(x.getDouble((long) i * 8), y.getDouble((long) j * 8));
    }
    if (left instanceof BaseVariableWidthVector a && right instanceof BaseVariableWidthVector b) {
      // Addresses are read per call: the right side may be a growing vector of stored keys.
      return (i, j) -> {
        long ao = a.getOffsetBufferAddress() + 4L * i;
        long bo = b.getOffsetBufferAddress() + 4L * j;
        int as = MemoryUtil.getInt(ao);
        int bs = MemoryUtil.getInt(bo);
        return Utf8.compare(a.getDataBufferAddress() + as, MemoryUtil.getInt(ao + 4) - as,
            b.getDataBufferAddress() + bs, MemoryUtil.getInt(bo + 4) - bs);
      };
    }
    if (left instanceof DateDayVector a && right instanceof DateDayVector b) {
      return (i, j) -> Integer.compare(a.get(i), b.get(j));
    }
    if (left instanceof TimeStampVector a && right instanceof TimeStampVector b) {
      return (i, j) -> Long.compare(a.get(i), b.get(j));
    }
    if (left instanceof Float4Vector a && right instanceof Float4Vector b) {
      return (i, j) -> compareDoubles(a.get(i), b.get(j));
    }
    if (left instanceof BitVector a && right instanceof BitVector b) {
      return (i, j) -> Integer.compare(a.get(i), b.get(j));
    }
    if (left instanceof SmallIntVector a && right instanceof SmallIntVector b) {
      return (i, j) -> Short.compare(a.get(i), b.get(j));
    }
    if (left instanceof TinyIntVector a && right instanceof TinyIntVector b) {
      return (i, j) -> Byte.compare(a.get(i), b.get(j));
    }
    if (left instanceof DecimalVector a && right instanceof DecimalVector b) {
      return (i, j) -> a.getObject(i).compareTo(b.getObject(j));
    }
    return (i, j) -> compareObjects(InternalValues.read(left, i), InternalValues.read(right, j));
  }

  /** SQL order of doubles: -0.0 equals 0.0, NaN equals NaN and sorts above everything. */
  static int compareDoubles(double a, double b) {
    boolean an = Double.isNaN(a);
    boolean bn = Double.isNaN(b);
    if (an || bn) {
      return an == bn ? 0 : an ? 1 : -1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareObjects(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int k = 0; k < Math.min(x.size(), y.size()); k++) {
        int c = compareObjects(x.get(k), y.get(k));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.compareUnsigned(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return java.util.Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          y.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (a instanceof Double x && b instanceof Double y) {
      return compareDoubles(x, y);
    }
    if (a instanceof Comparable ca) {
      return ca.compareTo(b);
    }
    return 0;
  }
}
