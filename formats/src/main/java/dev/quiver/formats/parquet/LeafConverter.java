package dev.quiver.formats.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * Turns the values of one Parquet physical type into one Arrow vector type, converting units on the way
 * (milliseconds to microseconds, INT96 to microseconds, unscaled decimals to Decimal128). One instance per
 * leaf column and reader, so scratch arrays are reused across pages and batches.
 */
abstract class LeafConverter {
  /**
   * Reads the next {@code n} non-null values of {@code values} into slots {@code [pos, pos + n)} of
   * {@code vector} and marks them valid. Fixed-width vectors must already have room for them.
   */
  abstract void read(PageValues values, FieldVector vector, int pos, int n);

  private int[] ints = new int[0];
  private long[] longs = new long[0];

  final int[] ints(int n) {
    if (ints.length < n) {
      ints = new int[Math.max(n, 1024)];
    }
    return ints;
  }

  final long[] longs(int n) {
    if (longs.length < n) {
      longs = new long[Math.max(n, 1024)];
    }
    return longs;
  }
}
