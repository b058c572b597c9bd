package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.NullType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
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
      Bits.copy(s.getValidityBufferAddress(), srcStart, d.getValidityBufferAddress(), dstStart, count);
      return;
    }
    for (int i = 0; i < count; i++) {
      dst.copyFromSafe(srcStart + i, dstStart + i, src);
    }
  }
}
