package dev.quiver.formats.parquet;

import org.apache.parquet.io.ParquetDecodingException;

/**
 * Dictionary-encoded values (PLAIN_DICTIONARY / RLE_DICTIONARY): ids decoded in bulk by the hybrid decoder,
 * then looked up in the chunk's decoded dictionary. Strings written by Spark, parquet-mr and DuckDB are
 * mostly stored this way. {@link #readIds} hands out the ids themselves, so that a pushed filter can be
 * judged once per dictionary entry instead of once per row.
 */
class DictionaryValues extends PageValues {
  private final DictionaryData dict;
  private final RleBitPackedDecoder ids;
  private int[] scratch = new int[0];

  DictionaryValues(DictionaryData dict, byte[] buf, int offset, int end) {
    this.dict = dict;
    if (offset >= end) {
      // A page with only nulls may have no id section at all; any read below then fails clearly.
      this.ids = new RleBitPackedDecoder(buf, offset, end, 0);
      return;
    }
    this.ids = new RleBitPackedDecoder(buf, offset + 1, end, buf[offset] & 0xFF);
  }

  /** Values whose ids come from {@link #readIds} of a subclass rather than from page bytes. */
  DictionaryValues(DictionaryData dict) {
    this.dict = dict;
    this.ids = null;
  }

  /** Copies the next {@code n} ids into {@code dst[off..off+n)}, each checked against the dictionary's size. */
  void readIds(int[] dst, int off, int n) {
    ids.readInts(dst, off, n);
    // One sign test for the whole run (the loop has no branch): an id out of [0, size) makes id or size-1-id negative.
    int last = dict.size - 1;
    int outOfRange = 0;
    for (int i = off; i < off + n; i++) {
      outOfRange |= dst[i] | (last - dst[i]);
    }
    if (outOfRange < 0) {
      for (int i = off; i < off + n; i++) {
        if (dst[i] > last || dst[i] < 0) {
          throw new ParquetDecodingException("Dictionary id " + dst[i] + " is out of range (size " + dict.size + ")");
        }
      }
    }
  }

  DictionaryData dictionary() {
    return dict;
  }

  /**
   * The next {@code n} ids, checked, in an array reused by the next call (also by callers that look the values
   * up in {@link #dictionary()} themselves).
   */
  int[] nextIds(int n) {
    if (scratch.length < n) {
      scratch = new int[Math.max(n, 1024)];
    }
    readIds(scratch, 0, n);
    return scratch;
  }

  @Override
  void readInts(int[] dst, int off, int n) {
    int[] id = nextIds(n);
    int[] values = dict.ints;
    for (int i = 0; i < n; i++) {
      dst[off + i] = values[id[i]];
    }
  }

  @Override
  void readLongs(long[] dst, int off, int n) {
    int[] id = nextIds(n);
    long[] values = dict.longs;
    for (int i = 0; i < n; i++) {
      dst[off + i] = values[id[i]];
    }
  }

  @Override
  void readFloats(float[] dst, int off, int n) {
    int[] id = nextIds(n);
    float[] values = dict.floats;
    for (int i = 0; i < n; i++) {
      dst[off + i] = values[id[i]];
    }
  }

  @Override
  void readDoubles(double[] dst, int off, int n) {
    int[] id = nextIds(n);
    double[] values = dict.doubles;
    for (int i = 0; i < n; i++) {
      dst[off + i] = values[id[i]];
    }
  }

  @Override
  void readBooleans(byte[] dst, int off, int n) {
    throw new ParquetDecodingException("BOOLEAN columns cannot be dictionary-encoded");
  }

  @Override
  void readBinaries(int n, BinarySink sink) {
    int[] id = nextIds(n);
    byte[] data = dict.bytes;
    int[] offsets = dict.offsets;
    for (int i = 0; i < n; i++) {
      int start = offsets[id[i]];
      sink.accept(data, start, offsets[id[i] + 1] - start);
    }
  }

  @Override
  void skip(int n) {
    ids.skip(n);
  }
}
