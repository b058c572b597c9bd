package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** Small helpers for writing straight into Arrow buffers. */
final class VectorBits {
  private VectorBits() {}

  /** Marks slots {@code [start, start + n)} valid, a byte at a time where the range allows. */
  static void setValid(ArrowBuf validity, int start, int n) {
    int i = start;
    int end = start + n;
    while (i < end && (i & 7) != 0) {
      BitVectorHelper.setBit(validity, i);
      i++;
    }
    int fullBytes = (end - i) >>> 3;
    if (fullBytes > 0) {
      validity.setOne((long) (i >>> 3), (long) fullBytes);
      i += fullBytes << 3;
    }
    while (i < end) {
      BitVectorHelper.setBit(validity, i);
      i++;
    }
  }

  /**
   * The address of {@code buf} after checking that it holds {@code bytes} bytes. Hot loops write through the
   * address without Arrow's per-call bounds checks; this one check up front keeps them inside the buffer.
   */
  static long address(ArrowBuf buf, long bytes) {
    if (buf.capacity() < bytes) {
      throw new IllegalStateException("Buffer of " + buf.capacity() + " bytes cannot hold " + bytes);
    }
    return buf.memoryAddress();
  }

  /**
   * Grows a fixed-width vector until it has room for {@code needed} slots. Variable-width vectors are written
   * with setSafe, which grows them itself.
   */
  static void ensureCapacity(FieldVector vector, int needed) {
    if (vector instanceof BaseFixedWidthVector) {
      while (vector.getValueCapacity() < needed) {
        vector.reAlloc();
      }
    }
  }
}
