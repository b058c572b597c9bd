package dev.quiver.formats.parquet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A column chunk's dictionary, decoded once into a primitive array (or one byte array plus offsets for byte
 * array types) so that looking up an id is an array access, not a virtual call returning a Binary.
 */
final class DictionaryData {
  final int size;
  int[] ints;
  long[] longs;
  float[] floats;
  double[] doubles;
  byte[] bytes;
  /** {@code size + 1} offsets into {@link #bytes}. */
  int[] offsets;

  /** {@link #shortWords()}, once made (one object, so that its words and length are seen together). */
  private ShortWords shortWords;
  private static final ShortWords NOT_SHORT = new ShortWords(null, 0);
  private static final VarHandle NATIVE_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  /**
   * A byte-array dictionary's values of at most 8 bytes each as one word in native order (the bytes after a
   * shorter value are whatever follows it), and the longest value's length.
   */
  record ShortWords(long[] words, int longest) {}

  private DictionaryData(int size) {
    this.size = size;
  }

  /**
   * For a byte-array dictionary whose values are all at most 8 bytes, their words, so that a reader writes a
   * value with one store; else null. Made on first use.
   */
  ShortWords shortWords() {
    if (shortWords == null) {
      shortWords = bytes == null ? NOT_SHORT : packShort(bytes, offsets, size);
    }
    return shortWords == NOT_SHORT ? null : shortWords;
  }

  private static ShortWords packShort(byte[] bytes, int[] offsets, int size) {
    int longest = 0;
    for (int k = 0; k < size; k++) {
      int length = offsets[k + 1] - offsets[k];
      if (length > Long.BYTES) {
        return NOT_SHORT;
      }
      longest = Math.max(longest, length);
    }
    byte[] padded = Arrays.copyOf(bytes, offsets[size] + Long.BYTES);
    long[] words = new long[size];
    for (int k = 0; k < size; k++) {
      words[k] = (long) NATIVE_LONGS.get(padded, offsets[k]);
    }
    return new ShortWords(words, longest);
  }

  // PLAIN_DICTIONARY is deprecated for writing, but format v1 files (Spark's default) still carry it.
  @SuppressWarnings("deprecation")
  static DictionaryData decode(DictionaryPage page, ColumnDescriptor column) throws IOException {
    Encoding enc = page.getEncoding();
    if (enc != Encoding.PLAIN && enc != Encoding.PLAIN_DICTIONARY) {
      throw new ParquetDecodingException("Unsupported dictionary page encoding " + enc);
    }
    PrimitiveType type = column.getPrimitiveType();
    int n = page.getDictionarySize();
    ByteSlice slice = ByteSlice.of(page.getBytes());
    PlainValues plain = new PlainValues(slice.buf(), slice.offset(), slice.end(), type.getPrimitiveTypeName(),
        type.getTypeLength());
    DictionaryData d = new DictionaryData(n);
    switch (type.getPrimitiveTypeName()) {
      case INT32 -> {
        d.ints = new int[n];
        plain.readInts(d.ints, 0, n);
      }
      case INT64 -> {
        d.longs = new long[n];
        plain.readLongs(d.longs, 0, n);
      }
      case FLOAT -> {
        d.floats = new float[n];
        plain.readFloats(d.floats, 0, n);
      }
      case DOUBLE -> {
        d.doubles = new double[n];
        plain.readDoubles(d.doubles, 0, n);
      }
      case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> {
        int[] offsets = new int[n + 1];
        ByteCollector collector = new ByteCollector(Math.max(16, slice.length()), offsets);
        plain.readBinaries(n, collector);
        d.bytes = collector.data;
        d.offsets = offsets;
      }
      default -> throw new ParquetDecodingException(
          "Dictionary encoding is not valid for " + type.getPrimitiveTypeName() + " columns");
    }
    return d;
  }

  /** Packs the dictionary's byte-array values back to back. */
  private static final class ByteCollector implements BinarySink {
    byte[] data;
    final int[] offsets;
    int count;
    int used;

    ByteCollector(int capacity, int[] offsets) {
      this.data = new byte[capacity];
      this.offsets = offsets;
    }

    @Override
    public void accept(byte[] src, int offset, int length) {
      if (used + length > data.length) {
        data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, used + length));
      }
      System.arraycopy(src, offset, data, used, length);
      used += length;
      offsets[++count] = used;
    }
  }
}
