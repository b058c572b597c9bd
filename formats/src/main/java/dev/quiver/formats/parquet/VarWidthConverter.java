package dev.quiver.formats.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * BINARY and FIXED_LEN_BYTE_ARRAY values into VarChar / VarBinary vectors; bytes are copied as stored.
 * Offsets and data are written straight into the vector's buffers (capacity checked once per run and on
 * growth): Arrow's per-value setSafe re-checks every capacity and fills holes on each call, which made it
 * the largest cost of reading string columns.
 */
final class VarWidthConverter extends LeafConverter implements BinarySink {
  private static final int SMALL_COPY = 64;
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  private static final VarHandle NATIVE_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private BaseVariableWidthVector target;
  /** Address of the offset of the next slot to write. */
  private long offsetAddress;
  private long dataAddress;
  private long capacity;
  private long end;

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
    while (v.getValueCapacity() < pos + n) {
      v.reallocValidityAndOffsetBuffers();
    }
    if (v.getLastSet() < pos - 1) {
      // Slots skipped since the last write are nulls: give them empty ranges.
      v.fillEmpties(pos);
    }
    target = v;
    ArrowBuf offsets = v.getOffsetBuffer();
    long w = BaseVariableWidthVector.OFFSET_WIDTH;
    offsetAddress = VectorBits.address(offsets, (pos + n + 1) * w) + (pos + 1) * w;
    ArrowBuf data = v.getDataBuffer();
    dataAddress = data.memoryAddress();
    capacity = data.capacity();
    end = offsets.getInt(pos * w);
    if (!(values instanceof DictionaryValues d && readShort(d, n))) {
      values.readBinaries(n, this);
    }
    VectorBits.setValid(v.getValidityBuffer(), pos, n);
    v.setLastSet(pos + n - 1);
    target = null;
  }

  /**
   * Copies a short value a word at a time: most strings are a few bytes, and the native copy's fixed cost per
   * call was most of reading a dictionary-encoded string column.
   */
  private static void copySmall(byte[] src, int offset, long dst, int length) {
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      MemoryUtil.putLong(dst + i, (long) NATIVE_LONGS.get(src, offset + i));
    }
    for (; i < length; i++) {
      MemoryUtil.putByte(dst + i, src[offset + i]);
    }
  }

  /**
   * Dictionary values of at most 8 bytes (flags, codes, short names): each is written as one word from the
   * dictionary's {@link DictionaryData#shortWords()}, the next value overwriting the bytes past its end, with
   * one capacity check for the run (byte by byte where a word would pass the buffer's end). A call per value
   * through {@link #accept} was most of reading such a column (TPC-H Q1's two flags). False, reading nothing,
   * for a dictionary with a longer value.
   */
  private boolean readShort(DictionaryValues values, int n) {
    DictionaryData.ShortWords shortWords = values.dictionary().shortWords();
    if (shortWords == null) {
      return false;
    }
    long[] words = shortWords.words();
    int[] offsets = values.dictionary().offsets;
    int[] ids = values.nextIds(n);
    long need = end + (long) shortWords.longest() * n;
    if (need > capacity) {
      growData(need);
    }
    long base = dataAddress;
    long wholeWordsUpTo = capacity - Long.BYTES;
    long at = end;
    long offsetAt = offsetAddress;
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      int length = offsets[id + 1] - offsets[id];
      if (at <= wholeWordsUpTo) {
        MemoryUtil.putLong(base + at, words[id]);
      } else {
        putBytes(base + at, words[id], length);
      }
      at += length;
      MemoryUtil.putInt(offsetAt, (int) at);
      offsetAt += BaseVariableWidthVector.OFFSET_WIDTH;
    }
    end = at;
    offsetAddress = offsetAt;
    return true;
  }

  /** The first {@code length} bytes of a word in memory order (native byte order). */
  private static void putBytes(long address, long word, int length) {
    for (int b = 0; b < length; b++) {
      int shift = LITTLE_ENDIAN ? 8 * b : 8 * (Long.BYTES - 1 - b);
      MemoryUtil.putByte(address + b, (byte) (word >>> shift));
    }
  }

  private void growData(long newEnd) {
    if (newEnd > Integer.MAX_VALUE) {
      throw new ParquetDecodingException("A batch of this string column holds more than 2 GB; use a smaller "
          + "batch size");
    }
    target.reallocDataBuffer(Math.max(newEnd, capacity * 2));
    ArrowBuf data = target.getDataBuffer();
    dataAddress = data.memoryAddress();
    capacity = data.capacity();
  }

  @Override
  public void accept(byte[] src, int offset, int length) {
    long newEnd = end + length;
    if (newEnd > capacity) {
      growData(newEnd);
    }
    if (offset < 0 || length < 0 || offset + length > src.length) {
      throw new ParquetDecodingException("Value bytes out of range");
    }
    int rounded = (length + 7) & ~7;
    if (length <= SMALL_COPY && offset + rounded <= src.length && end + rounded <= capacity) {
      // Whole words, reading and writing up to 7 bytes past the value: still inside the source array and the
      // data buffer, and the bytes written past the value's end are the next value's (or unused) space.
      for (int i = 0; i < rounded; i += 8) {
        MemoryUtil.putLong(dataAddress + end + i, (long) NATIVE_LONGS.get(src, offset + i));
      }
    } else if (length <= SMALL_COPY) {
      copySmall(src, offset, dataAddress + end, length);
    } else {
      MemoryUtil.copyToMemory(src, offset, dataAddress + end, length);
    }
    end = newEnd;
    MemoryUtil.putInt(offsetAddress, (int) newEnd);
    offsetAddress += BaseVariableWidthVector.OFFSET_WIDTH;
  }
}
