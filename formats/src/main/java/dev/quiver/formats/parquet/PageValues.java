package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;

/**
 * The non-null values of one data page in one encoding, read in bulk in page order. Which read method is
 * valid depends on the column's physical type; a converter picks the one that matches. Bulk methods keep the
 * per-value work in a tight loop inside one implementation instead of a virtual call per value.
 */
abstract class PageValues {
  /** INT32 values. */
  abstract void readInts(int[] dst, int off, int n);

  /** INT64 values. */
  abstract void readLongs(long[] dst, int off, int n);

  /** FLOAT values. */
  abstract void readFloats(float[] dst, int off, int n);

  /** DOUBLE values. */
  abstract void readDoubles(double[] dst, int off, int n);

  /** BOOLEAN values as 0 or 1. */
  abstract void readBooleans(byte[] dst, int off, int n);

  /** BINARY, FIXED_LEN_BYTE_ARRAY and INT96 values, each handed to the sink. */
  abstract void readBinaries(int n, BinarySink sink);

  abstract void skip(int n);

  /**
   * Whether {@link #copyRaw} works: plain-encoded fixed-width values are stored little-endian exactly as
   * Arrow stores them, so they can be copied into a vector's data buffer with one memcpy.
   */
  boolean canCopyRaw() {
    return false;
  }

  /** Copies {@code n} values of {@code width} bytes into {@code dst} at byte offset {@code dstOffset}. */
  void copyRaw(ArrowBuf dst, long dstOffset, int n, int width) {
    throw new UnsupportedOperationException("raw copy of " + getClass().getSimpleName());
  }
}
