package dev.quiver.formats.parquet;

import org.apache.parquet.io.ParquetDecodingException;

/** BOOLEAN values in the RLE encoding (data page v2): a 4-byte length, then hybrid runs of bit width 1. */
final class RleBooleanValues extends PageValues {
  private final RleBitPackedDecoder decoder;
  private int[] scratch = new int[0];

  RleBooleanValues(byte[] buf, int offset, int end) {
    if (end - offset < 4) {
      throw new ParquetDecodingException("RLE boolean data is missing its length");
    }
    int len = (buf[offset] & 0xFF) | (buf[offset + 1] & 0xFF) << 8 | (buf[offset + 2] & 0xFF) << 16
        | (buf[offset + 3] & 0xFF) << 24;
    if (len < 0 || offset + 4 + len > end) {
      throw new ParquetDecodingException("RLE boolean data length " + len + " runs past the page");
    }
    this.decoder = new RleBitPackedDecoder(buf, offset + 4, offset + 4 + len, 1);
  }

  @Override
  void readBooleans(byte[] dst, int off, int n) {
    if (scratch.length < n) {
      scratch = new int[Math.max(n, 1024)];
    }
    decoder.readInts(scratch, 0, n);
    for (int i = 0; i < n; i++) {
      dst[off + i] = (byte) scratch[i];
    }
  }

  @Override
  void skip(int n) {
    decoder.skip(n);
  }

  @Override
  void readInts(int[] dst, int off, int n) {
    throw wrongType();
  }

  @Override
  void readLongs(long[] dst, int off, int n) {
    throw wrongType();
  }

  @Override
  void readFloats(float[] dst, int off, int n) {
    throw wrongType();
  }

  @Override
  void readDoubles(double[] dst, int off, int n) {
    throw wrongType();
  }

  @Override
  void readBinaries(int n, BinarySink sink) {
    throw wrongType();
  }

  private static ParquetDecodingException wrongType() {
    return new ParquetDecodingException("The RLE value encoding is only valid for BOOLEAN columns");
  }
}
