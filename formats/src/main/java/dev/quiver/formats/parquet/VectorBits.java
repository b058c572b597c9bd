package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
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

  /**
   * Copies the values of the rows set in {@code keep} within {@code [first, end)}, which {@code from} holds at
   * slots {@code [0, end - first)}, to consecutive slots of {@code to} from {@code slot}, and marks those
   * valid (the rows are all non-null). Both vectors have the same fixed width, and {@code to} has room.
   * Returns how many rows were copied.
   */
  static int copySelected(BaseFixedWidthVector from, long[] keep, int first, int end, BaseFixedWidthVector to,
      int slot) {
    int count = SelectionBits.count(keep, first, end);
    int width = to.getTypeWidth();
    long src = address(from.getDataBuffer(), (long) (end - first) * width);
    long dst = address(to.getDataBuffer(), (long) (slot + count) * width) + (long) slot * width;
    for (int w = first >>> 6, last = (end - 1) >>> 6; w <= last; w++) {
      long word = keep[w] & SelectionBits.mask(w, first, end);
      int base = w << 6;
      long rowAddress = src + (long) (base - first) * width;
      switch (width) {
        case 8:
          for (; word != 0; word &= word - 1, dst += 8) {
            MemoryUtil.putLong(dst, MemoryUtil.getLong(rowAddress + 8L * Long.numberOfTrailingZeros(word)));
          }
          break;
        case 4:
          for (; word != 0; word &= word - 1, dst += 4) {
            MemoryUtil.putInt(dst, MemoryUtil.getInt(rowAddress + 4L * Long.numberOfTrailingZeros(word)));
          }
          break;
        default:
          for (; word != 0; word &= word - 1, dst += width) {
            MemoryUtil.copyMemory(rowAddress + (long) width * Long.numberOfTrailingZeros(word), dst, width);
          }
          break;
      }
    }
    setValid(to.getValidityBuffer(), slot, count);
    return count;
  }
}
