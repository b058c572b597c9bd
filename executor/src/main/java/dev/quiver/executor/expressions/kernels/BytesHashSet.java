package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.expressions.vectors.Utf8;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * An open-addressing set of byte strings probed straight from Arrow memory, for IN with strings. A mask of the
 * members' lengths turns most non-members away before hashing: {@code l_shipmode IN ('AIR', 'REG AIR')}
 * hashes only the values of length 3 or 7.
 */
final class BytesHashSet {
  private final byte[][] keys;
  private final int mask;
  /** Bit {@code len} set for each member's length below 63; bit 63 for any longer member. */
  private long lengths;
  private static final int LINEAR_SCAN = 8;
  /** The first {@link #LINEAR_SCAN} members, scanned instead of hashing when there are no more. */
  private final byte[][] members = new byte[LINEAR_SCAN][];
  private int size;

  BytesHashSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
    keys = new byte[cap][];
    mask = cap - 1;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }

  private static int hash(byte[] b) {
    int h = 1;
    for (byte x : b) {
      h = 31 * h + x;
    }
    return mix(h);
  }

  private static int hash(long addr, int len) {
    int h = 1;
    for (int i = 0; i < len; i++) {
      h = 31 * h + MemoryUtil.getByte(addr + i);
    }
    return mix(h);
  }

  private static long lengthBit(int len) {
    return 1L << Math.min(len, 63);
  }

  void add(byte[] v) {
    lengths |= lengthBit(v.length);
    int i = hash(v) & mask;
    while (keys[i] != null) {
      if (java.util.Arrays.equals(keys[i], v)) {
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = v;
    if (size < LINEAR_SCAN) {
      members[size] = v;
    }
    size++;
  }

  boolean contains(long addr, int len) {
    if ((lengths & lengthBit(len)) == 0) {
      return false;
    }
    if (size <= LINEAR_SCAN) {
      // A few members: comparing the ones of this length costs less than hashing the value.
      for (int m = 0; m < size; m++) {
        if (members[m].length == len && Utf8.equalAt(addr, members[m], 0, len)) {
          return true;
        }
      }
      return false;
    }
    int i = hash(addr, len) & mask;
    while (keys[i] != null) {
      if (Utf8.equal(addr, len, keys[i])) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }
}
