package dev.quiver.executor.expressions.vectors;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Bitmaps as Arrow lays them out (bit i of byte i/8, least significant first) and as {@code long[]} words
 * (bit i of word i/64). Kernels combine validity and boolean values a word at a time instead of row by row.
 * Address-based accessors skip ArrowBuf's per-call bounds and reference-count checks; callers stay within
 * the first {@code n} rows of vectors that hold at least {@code n} values.
 */
public final class Bits {
  private Bits() {}

  public static int words(int n) {
    return (n + 63) >>> 6;
  }

  public static int bytes(int n) {
    return (n + 7) >>> 3;
  }

  public static boolean get(long addr, int i) {
    return ((MemoryUtil.getByte(addr + (i >>> 3)) >> (i & 7)) & 1) != 0;
  }

  public static void set(long addr, int i) {
    long a = addr + (i >>> 3);
    MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) | (1 << (i & 7))));
  }

  public static void clear(long addr, int i) {
    long a = addr + (i >>> 3);
    MemoryUtil.putByte(a, (byte) (MemoryUtil.getByte(a) & ~(1 << (i & 7))));
  }

  public static boolean get(long[] words, int i) {
    return (words[i >>> 6] & (1L << i)) != 0;
  }

  public static void set(long[] words, int i) {
    words[i >>> 6] |= 1L << i;
  }

  public static void clear(long[] words, int i) {
    words[i >>> 6] &= ~(1L << i);
  }

  /** Mask of the valid bits of the last word for {@code n} rows. */
  public static long lastMask(int n) {
    int r = n & 63;
    return r == 0 ? -1L : (1L << r) - 1;
  }

  /** Reads {@code n} bits at {@code addr} into {@code out}; bits past {@code n} are cleared. */
  public static void load(long addr, int n, long[] out) {
    int full = n >>> 6;
    for (int w = 0; w < full; w++) {
      out[w] = MemoryUtil.getLong(addr + ((long) w << 3));
    }
    int rest = n & 63;
    if (rest != 0) {
      long v = 0;
      int nbytes = (rest + 7) >>> 3;
      long base = addr + ((long) full << 3);
      for (int b = 0; b < nbytes; b++) {
        v |= (MemoryUtil.getByte(base + b) & 0xFFL) << (b << 3);
      }
      out[full] = v & lastMask(n);
    }
  }

  /** Writes {@code n} bits of {@code words} to {@code addr} (exactly ceil(n/8) bytes). */
  public static void store(long[] words, int n, long addr) {
    int full = n >>> 6;
    for (int w = 0; w < full; w++) {
      MemoryUtil.putLong(addr + ((long) w << 3), words[w]);
    }
    int rest = n & 63;
    if (rest != 0) {
      long v = words[full];
      int nbytes = (rest + 7) >>> 3;
      long base = addr + ((long) full << 3);
      for (int b = 0; b < nbytes; b++) {
        MemoryUtil.putByte(base + b, (byte) (v >>> (b << 3)));
      }
    }
  }

  /**
   * Copies bits {@code [srcStart, srcStart+n)} at {@code src} to bits from {@code dstStart} at {@code dst},
   * overwriting them: bit by bit until the destination is byte-aligned, then a destination byte at a time.
   */
  public static void copy(long src, int srcStart, long dst, int dstStart, int n) {
    int i = 0;
    for (; i < n && ((dstStart + i) & 7) != 0; i++) {
      copyBit(src, srcStart + i, dst, dstStart + i);
    }
    for (; i + 8 <= n; i += 8) {
      int from = srcStart + i;
      int shift = from & 7;
      int bits = MemoryUtil.getByte(src + (from >>> 3)) & 0xFF;
      if (shift != 0) {
        // Bits from..from+7 span two source bytes, both inside the copied range.
        bits = (bits >>> shift) | ((MemoryUtil.getByte(src + (from >>> 3) + 1) & 0xFF) << (8 - shift));
      }
      MemoryUtil.putByte(dst + ((dstStart + i) >>> 3), (byte) bits);
    }
    for (; i < n; i++) {
      copyBit(src, srcStart + i, dst, dstStart + i);
    }
  }

  private static void copyBit(long src, int from, long dst, int to) {
    if (get(src, from)) {
      set(dst, to);
    } else {
      clear(dst, to);
    }
  }

  /** Sets the first {@code n} bits at {@code addr}. */
  public static void setAll(long addr, int n) {
    int full = n >>> 3;
    MemoryUtil.setMemory(addr, full, (byte) 0xFF);
    int rest = n & 7;
    if (rest != 0) {
      MemoryUtil.putByte(addr + full, (byte) ((1 << rest) - 1));
    }
  }

  public static void setAll(long[] words, int n) {
    int nw = words(n);
    for (int w = 0; w < nw; w++) {
      words[w] = -1L;
    }
    if (nw > 0) {
      words[nw - 1] = lastMask(n);
    }
  }

  public static int count(long[] words, int n) {
    int c = 0;
    int nw = words(n);
    for (int w = 0; w < nw; w++) {
      c += Long.bitCount(words[w]);
    }
    return c;
  }

  /** The positions of the set bits, ascending; returns how many. */
  public static int indices(long[] words, int n, int[] out) {
    int k = 0;
    int nw = words(n);
    for (int w = 0; w < nw; w++) {
      long v = words[w];
      while (v != 0) {
        out[k++] = (w << 6) + Long.numberOfTrailingZeros(v);
        v &= v - 1;
      }
    }
    return k;
  }

  /** The validity buffer address of a vector, or 0 for a {@link NullVector} (every row null). */
  public static long validityAddress(FieldVector v) {
    if (v instanceof NullVector) {
      return 0;
    }
    if (v instanceof BaseFixedWidthVector f) {
      return f.getValidityBufferAddress();
    }
    if (v instanceof BaseVariableWidthVector w) {
      return w.getValidityBufferAddress();
    }
    return v.getValidityBuffer().memoryAddress();
  }

  /** Loads the validity of the first {@code n} rows of {@code v} into {@code out}. */
  public static void loadValidity(FieldVector v, int n, long[] out) {
    long addr = validityAddress(v);
    if (addr == 0) {
      java.util.Arrays.fill(out, 0, words(n), 0L);
    } else {
      load(addr, n, out);
    }
  }

  public static long[] validity(FieldVector v, int n) {
    long[] out = new long[Math.max(words(n), 1)];
    loadValidity(v, n, out);
    return out;
  }
}
