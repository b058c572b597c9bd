package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.NullType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Vector copies the stateful operators need beyond {@link Gather}: appending a run of rows to a growing
 * vector (partition buffers, concatenated build keys), gathering that also covers the NULL type, all-null
 * vectors of a type, and identity index runs for emitting consecutive groups.
 */
public final class VectorRanges {
  private VectorRanges() {}

  /** {@code src[indices[0..count)]} as a new vector (index -1 = null), also for NULL-typed columns. */
  public static FieldVector gather(FieldVector src, int[] indices, int count, BufferAllocator allocator) {
    if (src instanceof NullVector) {
      return new NullVector(src.getField(), count);
    }
    return Gather.gather(src, indices, count, allocator);
  }

  /** A vector of {@code count} nulls of {@code type}. */
  public static FieldVector nulls(String name, DataType type, int count, BufferAllocator allocator) {
    if (type instanceof NullType) {
      NullVector v = new NullVector(name);
      v.setValueCount(count);
      return v;
    }
    FieldVector v = Vectors.create(name, type, count, allocator);
    v.setValueCount(count);
    return v;
  }

  /**
   * Sets value {@code index} of {@code v} (of any type) to null, growing it as needed; variable-width and
   * nested vectors must be written in increasing index order.
   */
  public static void setNull(FieldVector v, int index) {
    if (v instanceof NullVector) {
      return;
    }
    InternalValues.write(v, index, null);
  }

  /** Fills {@code out[0..count)} with {@code from, from+1, ...}. */
  public static int[] identity(int[] out, int from, int count) {
    for (int i = 0; i < count; i++) {
      out[i] = from + i;
    }
    return out;
  }

  /**
   * Copies {@code src[srcStart, srcStart+count)} to {@code dst[dstStart, ...)}, growing {@code dst}. Rows of
   * a variable-width or nested {@code dst} must be written in increasing order (as appends are). Does not
   * set the value count.
   */
  public static void copy(FieldVector src, int srcStart, FieldVector dst, int dstStart, int count) {
    if (count == 0 || dst instanceof NullVector) {
      return;
    }
    if (src instanceof BaseFixedWidthVector s && !(src instanceof BitVector)
        && dst instanceof BaseFixedWidthVector d) {
      int width = s.getTypeWidth();
      while (d.getValueCapacity() < dstStart + count) {
        d.reAlloc();
      }
      d.getDataBuffer().setBytes((long) dstStart * width, s.getDataBuffer(), (long) srcStart * width,
          (long) count * width);
      copyValidity(s.getValidityBuffer(), srcStart, d.getValidityBuffer(), dstStart, count);
      return;
    }
    for (int i = 0; i < count; i++) {
      dst.copyFromSafe(srcStart + i, dstStart + i, src);
    }
  }

  /** Copies validity bits, a destination byte at a time once the destination is byte-aligned. */
  private static void copyValidity(ArrowBuf src, int srcStart, ArrowBuf dst, int dstStart, int count) {
    int i = 0;
    while (i < count && ((dstStart + i) & 7) != 0) {
      copyBit(src, srcStart + i, dst, dstStart + i);
      i++;
    }
    long sa = src.memoryAddress();
    long da = dst.memoryAddress();
    for (; i + 8 <= count; i += 8) {
      int from = srcStart + i;
      int shift = from & 7;
      int bits = MemoryUtil.getByte(sa + (from >>> 3)) & 0xFF;
      if (shift != 0) {
        // Bits from..from+7 span two source bytes, both inside the copied range.
        bits = (bits >>> shift) | ((MemoryUtil.getByte(sa + (from >>> 3) + 1) & 0xFF) << (8 - shift));
      }
      MemoryUtil.putByte(da + ((dstStart + i) >>> 3), (byte) bits);
    }
    for (; i < count; i++) {
      copyBit(src, srcStart + i, dst, dstStart + i);
    }
  }

  private static void copyBit(ArrowBuf src, int from, ArrowBuf dst, int to) {
    if (BitVectorHelper.get(src, from) != 0) {
      BitVectorHelper.setBit(dst, to);
    } else {
      BitVectorHelper.unsetBit(dst, to);
    }
  }
}
