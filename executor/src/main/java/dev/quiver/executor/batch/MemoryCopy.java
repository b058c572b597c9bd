package dev.quiver.executor.batch;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Copies between native addresses. Values in string columns are mostly a few bytes, where the fixed cost of a
 * native bulk copy per value outweighs the copy itself; short ranges are copied a word at a time instead.
 */
public final class MemoryCopy {
  private static final int SHORT = 64;

  private MemoryCopy() {}

  /** Copies {@code length} bytes from {@code src} to {@code dst} (ranges must not overlap). */
  public static void copy(long src, long dst, int length) {
    if (length > SHORT) {
      MemoryUtil.copyMemory(src, dst, length);
      return;
    }
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      MemoryUtil.putLong(dst + i, MemoryUtil.getLong(src + i));
    }
    for (; i < length; i++) {
      MemoryUtil.putByte(dst + i, MemoryUtil.getByte(src + i));
    }
  }
}
