package dev.quiver.formats.parquet;

import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * Encodings Quiver does not decode itself (DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
 * BYTE_STREAM_SPLIT), read through parquet-mr's ValuesReader one value at a time. Spark and DuckDB write
 * them only when asked for format v2, so this is the uncommon path.
 */
final class FallbackValues extends PageValues {
  private final ValuesReader reader;

  FallbackValues(ValuesReader reader) {
    this.reader = reader;
  }

  @Override
  void readInts(int[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = reader.readInteger();
    }
  }

  @Override
  void readLongs(long[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = reader.readLong();
    }
  }

  @Override
  void readFloats(float[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = reader.readFloat();
    }
  }

  @Override
  void readDoubles(double[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = reader.readDouble();
    }
  }

  @Override
  void readBooleans(byte[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = (byte) (reader.readBoolean() ? 1 : 0);
    }
  }

  @Override
  void readBinaries(int n, BinarySink sink) {
    for (int i = 0; i < n; i++) {
      Binary b = reader.readBytes();
      byte[] bytes = b.getBytesUnsafe();
      sink.accept(bytes, 0, bytes.length);
    }
  }

  @Override
  void skip(int n) {
    reader.skip(n);
  }
}
