package dev.quiver.formats.parquet;

/**
 * Counts over a row selection: one bit per row, row {@code i} at bit {@code i & 63} of word {@code i >>> 6},
 * set when the row is kept.
 */
final class SelectionBits {
  private SelectionBits() {}

  /** How many rows of {@code [from, end)} are set. */
  static int count(long[] bits, int from, int end) {
    int count = 0;
    for (int w = from >>> 6, last = (end - 1) >>> 6; from < end && w <= last; w++) {
      count += Long.bitCount(bits[w] & mask(w, from, end));
    }
    return count;
  }

  /** How many runs of consecutive set rows {@code [from, end)} holds (a run starting at {@code from} counts). */
  static int runs(long[] bits, int from, int end) {
    int runs = 0;
    long carry = 0;
    for (int w = from >>> 6, last = (end - 1) >>> 6; from < end && w <= last; w++) {
      long x = bits[w] & mask(w, from, end);
      runs += Long.bitCount(x & ~(x << 1 | carry));
      carry = x >>> 63;
    }
    return runs;
  }

  /** The bits of word {@code w} that fall in {@code [from, end)}. */
  static long mask(int w, int from, int end) {
    int base = w << 6;
    long m = -1L;
    if (from > base) {
      m &= -1L << (from - base);
    }
    if (end < base + 64) {
      m &= (1L << (end - base)) - 1;
    }
    return m;
  }
}
