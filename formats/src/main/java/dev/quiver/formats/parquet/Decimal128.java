package dev.quiver.formats.parquet;

import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Writes unscaled decimal values into a DecimalVector's data buffer: 16 bytes per slot, little-endian two's
 * complement, as Arrow stores Decimal128.
 */
final class Decimal128 {
  private static final int WIDTH = 16;

  private Decimal128() {}

  static void write(ArrowBuf buf, int index, long lo, long hi) {
    long at = (long) index * WIDTH;
    buf.setLong(at, lo);
    buf.setLong(at + 8, hi);
  }

  /** {@code unscaled * factor} as an exact 128-bit product ({@code factor} is a power of ten, 1 if none). */
  static void writeScaled(ArrowBuf buf, int index, long unscaled, long factor) {
    if (factor == 1) {
      write(buf, index, unscaled, unscaled >> 63);
    } else {
      write(buf, index, unscaled * factor, Math.multiplyHigh(unscaled, factor));
    }
  }

  /** A big-endian two's complement value (Parquet's BINARY / FIXED_LEN_BYTE_ARRAY decimals). */
  static void writeBigEndian(ArrowBuf buf, int index, byte[] src, int off, int len) {
    if (len == 0) {
      write(buf, index, 0, 0);
      return;
    }
    if (len > WIDTH) {
      // Wider than 16 bytes is only valid when the extra leading bytes are sign extension.
      byte sign = (byte) (src[off] < 0 ? -1 : 0);
      for (int i = 0; i < len - WIDTH; i++) {
        if (src[off + i] != sign) {
          throw new ParquetDecodingException("Decimal value of " + len + " bytes does not fit in 38 digits");
        }
      }
      off += len - WIDTH;
      len = WIDTH;
    }
    long hi = src[off] < 0 ? -1L : 0L;
    long lo = hi;
    for (int i = 0; i < len; i++) {
      hi = (hi << 8) | (lo >>> 56);
      lo = (lo << 8) | (src[off + i] & 0xFFL);
    }
    write(buf, index, lo, hi);
  }

  static void writeBigInteger(ArrowBuf buf, int index, BigInteger value) {
    byte[] bytes = value.toByteArray();
    writeBigEndian(buf, index, bytes, 0, bytes.length);
  }
}
