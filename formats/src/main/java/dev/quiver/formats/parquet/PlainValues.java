package dev.quiver.formats.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * PLAIN-encoded values (also the encoding of dictionary pages): fixed-width little-endian numbers, bit-packed
 * booleans, length-prefixed BINARY, FIXED_LEN_BYTE_ARRAY and 12-byte INT96, read straight from the page's
 * byte array.
 */
final class PlainValues extends PageValues {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private int pos;
  private final int end;
  private final PrimitiveTypeName type;
  /** Byte length of each FIXED_LEN_BYTE_ARRAY / INT96 value, or -1 for length-prefixed BINARY. */
  private final int fixedLength;
  /** Next bit of the current byte, for booleans. */
  private int bitIndex;

  PlainValues(byte[] buf, int offset, int end, PrimitiveTypeName type, int typeLength) {
    this.buf = buf;
    this.pos = offset;
    this.end = end;
    this.type = type;
    this.fixedLength = switch (type) {
      case INT96 -> 12;
      case FIXED_LEN_BYTE_ARRAY -> typeLength;
      default -> -1;
    };
  }

  private void need(long bytes) {
    if (pos + bytes > end) {
      throw new ParquetDecodingException("Page data ends " + (pos + bytes - end) + " bytes early");
    }
  }

  @Override
  void readInts(int[] dst, int off, int n) {
    need(4L * n);
    int p = pos;
    for (int i = 0; i < n; i++, p += 4) {
      dst[off + i] = (int) INT.get(buf, p);
    }
    pos = p;
  }

  @Override
  void readLongs(long[] dst, int off, int n) {
    need(8L * n);
    int p = pos;
    for (int i = 0; i < n; i++, p += 8) {
      dst[off + i] = (long) LONG.get(buf, p);
    }
    pos = p;
  }

  @Override
  void readFloats(float[] dst, int off, int n) {
    need(4L * n);
    int p = pos;
    for (int i = 0; i < n; i++, p += 4) {
      dst[off + i] = (float) FLOAT.get(buf, p);
    }
    pos = p;
  }

  @Override
  void readDoubles(double[] dst, int off, int n) {
    need(8L * n);
    int p = pos;
    for (int i = 0; i < n; i++, p += 8) {
      dst[off + i] = (double) DOUBLE.get(buf, p);
    }
    pos = p;
  }

  @Override
  void readBooleans(byte[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      if (pos >= end) {
        throw new ParquetDecodingException("Page data ends early while reading booleans");
      }
      dst[off + i] = (byte) ((buf[pos] >>> bitIndex) & 1);
      if (++bitIndex == 8) {
        bitIndex = 0;
        pos++;
      }
    }
  }

  @Override
  void readBinaries(int n, BinarySink sink) {
    if (fixedLength >= 0) {
      need((long) fixedLength * n);
      for (int i = 0; i < n; i++) {
        sink.accept(buf, pos, fixedLength);
        pos += fixedLength;
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      need(4);
      int len = (int) INT.get(buf, pos);
      pos += 4;
      if (len < 0) {
        throw new ParquetDecodingException("Negative length " + len + " of a BINARY value");
      }
      need(len);
      sink.accept(buf, pos, len);
      pos += len;
    }
  }

  @Override
  void skip(int n) {
    switch (type) {
      case BOOLEAN -> {
        long bit = (long) bitIndex + n;
        pos += (int) (bit >>> 3);
        bitIndex = (int) (bit & 7);
      }
      case INT32, FLOAT -> skipBytes(4L * n);
      case INT64, DOUBLE -> skipBytes(8L * n);
      case INT96, FIXED_LEN_BYTE_ARRAY -> skipBytes((long) fixedLength * n);
      case BINARY -> {
        for (int i = 0; i < n; i++) {
          need(4);
          int len = (int) INT.get(buf, pos);
          pos += 4;
          skipBytes(len);
        }
      }
    }
  }

  private void skipBytes(long bytes) {
    if (bytes < 0) {
      throw new ParquetDecodingException("Negative length " + bytes + " of a BINARY value");
    }
    need(bytes);
    pos += (int) bytes;
  }

  @Override
  boolean canCopyRaw() {
    return true;
  }

  @Override
  void copyRaw(ArrowBuf dst, long dstOffset, int n, int width) {
    long bytes = (long) n * width;
    need(bytes);
    dst.setBytes(dstOffset, buf, pos, bytes);
    pos += (int) bytes;
  }
}
