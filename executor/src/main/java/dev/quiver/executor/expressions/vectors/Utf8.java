package dev.quiver.executor.expressions.vectors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * UTF-8 bytes in Arrow memory, handled without decoding: Spark compares strings as unsigned bytes and
 * counts characters as code points, both of which UTF-8 allows directly on the bytes.
 */
public final class Utf8 {
  private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private static final VarHandle NATIVE_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private Utf8() {}

  public static int start(long offsetAddr, int row) {
    return MemoryUtil.getInt(offsetAddr + 4L * row);
  }

  public static int end(long offsetAddr, int row) {
    return MemoryUtil.getInt(offsetAddr + 4L * (row + 1));
  }

  /** True for bytes that begin a code point (not 10xxxxxx continuation bytes). */
  public static boolean isLead(byte b) {
    return (b & 0xC0) != 0x80;
  }

  /** Bytes of the code point starting with {@code b}, as Spark's UTF8String counts them (1 for bad bytes). */
  public static int charBytes(byte b) {
    int u = b & 0xFF;
    if (u < 0x80) {
      return 1;
    }
    if (u >= 0xC2 && u <= 0xDF) {
      return 2;
    }
    if (u >= 0xE0 && u <= 0xEF) {
      return 3;
    }
    if (u >= 0xF0 && u <= 0xF4) {
      return 4;
    }
    return 1;
  }

  /** Code points in {@code len} bytes at {@code addr}. */
  public static int numChars(long addr, int len) {
    int count = 0;
    int i = 0;
    while (i < len) {
      i += charBytes(MemoryUtil.getByte(addr + i));
      count++;
    }
    return count;
  }

  public static int numChars(byte[] b) {
    int count = 0;
    int i = 0;
    while (i < b.length) {
      i += charBytes(b[i]);
      count++;
    }
    return count;
  }

  /** Byte offset of code point {@code chars} (clamped to the end). */
  public static int offsetOfChar(long addr, int len, int chars) {
    int i = 0;
    int c = 0;
    while (i < len && c < chars) {
      i += charBytes(MemoryUtil.getByte(addr + i));
      c++;
    }
    return Math.min(i, len);
  }

  /** Unsigned lexicographic comparison of two byte ranges. */
  public static int compare(long a, int alen, long b, int blen) {
    int min = Math.min(alen, blen);
    int i = 0;
    for (; i + 8 <= min; i += 8) {
      long x = MemoryUtil.getLong(a + i);
      long y = MemoryUtil.getLong(b + i);
      if (x != y) {
        return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y));
      }
    }
    for (; i < min; i++) {
      int x = MemoryUtil.getByte(a + i) & 0xFF;
      int y = MemoryUtil.getByte(b + i) & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return alen - blen;
  }

  /** Unsigned comparison of Arrow bytes with a Java array. */
  public static int compare(long a, int alen, byte[] b) {
    int min = Math.min(alen, b.length);
    for (int i = 0; i < min; i++) {
      int x = MemoryUtil.getByte(a + i) & 0xFF;
      int y = b[i] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return alen - b.length;
  }

  public static int compare(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b);
  }

  public static boolean equal(long a, int alen, long b, int blen) {
    if (alen != blen) {
      return false;
    }
    int i = 0;
    for (; i + 8 <= alen; i += 8) {
      if (MemoryUtil.getLong(a + i) != MemoryUtil.getLong(b + i)) {
        return false;
      }
    }
    for (; i < alen; i++) {
      if (MemoryUtil.getByte(a + i) != MemoryUtil.getByte(b + i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the {@code len} bytes at {@code a} equal {@code b[from .. from+len)}. */
  public static boolean equalAt(long a, byte[] b, int from, int len) {
    int i = 0;
    // Eight bytes a step: memory and array read in the same (native) byte order compare as longs.
    for (; i + 8 <= len; i += 8) {
      if (MemoryUtil.getLong(a + i) != (long) NATIVE_LONGS.get(b, from + i)) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (MemoryUtil.getByte(a + i) != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  public static boolean equal(long a, int alen, byte[] b) {
    return alen == b.length && equalAt(a, b, 0, alen);
  }

  /** First byte offset {@code >= from} where {@code needle} occurs in the range, or -1. */
  public static int indexOf(long addr, int len, byte[] needle, int from) {
    int m = needle.length;
    if (m == 0) {
      return from <= len ? from : -1;
    }
    byte first = needle[0];
    int last = len - m;
    int i = from;
    if (LITTLE_ENDIAN) {
      // Eight candidate positions a step: a position is a candidate when its byte is the needle's first and
      // (for longer needles) the next byte its second; bytes are flagged by the zero-byte trick on the XOR.
      long p0 = (first & 0xFFL) * ONES;
      long p1 = m > 1 ? (needle[1] & 0xFFL) * ONES : 0;
      for (; i + 8 <= last; i += 8) {
        long z = MemoryUtil.getLong(addr + i) ^ p0;
        if (m > 1) {
          z |= MemoryUtil.getLong(addr + i + 1) ^ p1;
        }
        long found = (z - ONES) & ~z & HIGHS;
        while (found != 0) {
          int k = i + (Long.numberOfTrailingZeros(found) >>> 3);
          // The trick can flag a byte above a true match spuriously, so every candidate is checked whole.
          if (equalAt(addr + k, needle, 0, m)) {
            return k;
          }
          found &= found - 1;
        }
      }
    }
    for (; i <= last; i++) {
      if (MemoryUtil.getByte(addr + i) == first && equalAt(addr + i + 1, needle, 1, m - 1)) {
        return i;
      }
    }
    return -1;
  }

  public static int indexOf(long addr, int len, long needle, int m, int from) {
    if (m == 0) {
      return from <= len ? from : -1;
    }
    byte first = MemoryUtil.getByte(needle);
    int last = len - m;
    for (int i = from; i <= last; i++) {
      if (MemoryUtil.getByte(addr + i) == first && equal(addr + i, m, needle, m)) {
        return i;
      }
    }
    return -1;
  }

  public static byte[] bytes(long addr, int len) {
    byte[] out = new byte[len];
    MemoryUtil.copyFromMemory(addr, out, 0, len);
    return out;
  }

  public static String string(long addr, int len) {
    return new String(bytes(addr, len), StandardCharsets.UTF_8);
  }

  /** The bytes of row {@code i} of a string or binary vector. */
  public static byte[] bytes(BaseVariableWidthVector v, int i) {
    long off = v.getOffsetBufferAddress();
    int s = start(off, i);
    return bytes(v.getDataBufferAddress() + s, end(off, i) - s);
  }

  public static String string(BaseVariableWidthVector v, int i) {
    return new String(bytes(v, i), StandardCharsets.UTF_8);
  }

  public static byte[] encode(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
