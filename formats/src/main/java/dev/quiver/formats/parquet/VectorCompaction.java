package dev.quiver.formats.parquet;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Copies the rows of a decoded vector whose bit is set into a new vector (for columns a row filter read). */
final class VectorCompaction {
  private VectorCompaction() {}

  /** A new vector of the {@code count} rows of {@code src}'s first {@code n} whose bit is set in {@code keep}. */
  static FieldVector compact(FieldVector src, long[] keep, int n, int count, BufferAllocator allocator) {
    FieldVector out = src.getField().createVector(allocator);
    try {
      if (src instanceof BaseFixedWidthVector f && !(src instanceof BitVector)) {
        BaseFixedWidthVector o = (BaseFixedWidthVector) out;
        o.allocateNew(Math.max(count, 1));
        int width = f.getTypeWidth();
        long sd = f.getDataBufferAddress();
        long od = o.getDataBufferAddress();
        int j = 0;
        for (int r = next(keep, 0, n); r < n; r = next(keep, r + 1, n)) {
          if (!f.isNull(r)) {
            o.setIndexDefined(j);
            MemoryUtil.copyMemory(sd + (long) r * width, od + (long) j * width, width);
          }
          j++;
        }
      } else if (src instanceof BaseVariableWidthVector v) {
        BaseVariableWidthVector o = (BaseVariableWidthVector) out;
        long bytes = 0;
        for (int r = next(keep, 0, n); r < n; r = next(keep, r + 1, n)) {
          bytes += v.getValueLength(r);
        }
        o.allocateNew(Math.max(bytes, 1), Math.max(count, 1));
        long so = v.getOffsetBufferAddress();
        long sd = v.getDataBufferAddress();
        long oo = o.getOffsetBufferAddress();
        long od = o.getDataBufferAddress();
        int j = 0;
        int end = 0;
        MemoryUtil.putInt(oo, 0);
        for (int r = next(keep, 0, n); r < n; r = next(keep, r + 1, n)) {
          if (!v.isNull(r)) {
            int start = MemoryUtil.getInt(so + 4L * r);
            int len = MemoryUtil.getInt(so + 4L * r + 4) - start;
            for (int b = 0; b < len; b++) {
              MemoryUtil.putByte(od + end + b, MemoryUtil.getByte(sd + start + b));
            }
            end += len;
            o.setIndexDefined(j);
          }
          j++;
          MemoryUtil.putInt(oo + 4L * j, end);
        }
        o.setLastSet(count - 1);
      } else {
        out.setInitialCapacity(Math.max(count, 1));
        out.allocateNew();
        int j = 0;
        for (int r = next(keep, 0, n); r < n; r = next(keep, r + 1, n)) {
          out.copyFromSafe(r, j++, src);
        }
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** The first row at or after {@code from} whose bit is set, or n. */
  private static int next(long[] keep, int from, int n) {
    int i = from;
    while (i < n) {
      long word = keep[i >>> 6] & (-1L << (i & 63));
      if (word != 0) {
        return Math.min(n, ((i >>> 6) << 6) + Long.numberOfTrailingZeros(word));
      }
      i = ((i >>> 6) + 1) << 6;
    }
    return n;
  }
}
