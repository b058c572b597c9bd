package dev.quiver.executor.operators.join;

import dev.quiver.formats.KeySet;

/**
 * A set of integral keys as one bit per value between the smallest and the largest: a lookup is a shift and
 * a mask, without the branches of probing a hash table, which made a scan's per-row key test cost as much as
 * the join's probe. For keys spread over at most {@link #MAX_SPAN} values (a dimension's dense keys).
 */
final class KeyBitmap implements KeySet {
  /** The widest key range a bitmap is made for: 2^26 values, 8 MiB. */
  static final long MAX_SPAN = 1L << 26;

  private final long min;
  private final long[] bits;
  private final int size;

  private KeyBitmap(long min, long[] bits, int size) {
    this.min = min;
    this.bits = bits;
    this.size = size;
  }

  /** The bitmap of {@code keys[0, count)}, or null when they span more than {@link #MAX_SPAN} values. */
  static KeyBitmap of(long[] keys, int count) {
    if (count == 0) {
      return new KeyBitmap(0, new long[0], 0);
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, keys[i]);
      max = Math.max(max, keys[i]);
    }
    // max - min overflows for keys at both ends of the long range; such a span is too wide anyway.
    if (max - min < 0 || max - min >= MAX_SPAN) {
      return null;
    }
    long[] bits = new long[(int) ((max - min) >>> 6) + 1];
    for (int i = 0; i < count; i++) {
      long at = keys[i] - min;
      bits[(int) (at >>> 6)] |= 1L << at;
    }
    return new KeyBitmap(min, bits, count);
  }

  /** The heap the bitmap takes. */
  long bytes() {
    return 8L * bits.length;
  }

  @Override
  public boolean contains(long key) {
    long at = key - min;
    // Unsigned: keys below min wrap to huge values and fail the same test as keys above max.
    return Long.compareUnsigned(at, (long) bits.length << 6) < 0 && (bits[(int) (at >>> 6)] >>> at & 1) != 0;
  }

  @Override
  public int sizeBound() {
    return size;
  }
}
