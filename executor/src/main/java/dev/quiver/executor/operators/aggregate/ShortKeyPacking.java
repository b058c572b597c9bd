package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Packs a tuple of short group keys (strings of a few bytes, int, date, short, byte, boolean, bigints below
 * 2^30) into one
 * non-negative long, so that tuples are equal exactly when their longs are: each column owns a fixed bit
 * field (a null flag, then the value; a string's value is its length and its bytes). Strings get an equal
 * share of the bits the fixed-width columns leave; a row whose string is longer than its share does not pack
 * ({@link #UNPACKED}). Whether a row packs depends on its values alone, so a packed tuple never equals one
 * that did not pack, and the two kinds can be looked up in separate tables. Q1's two one-letter flags,
 * Q12's ship modes and Q20's (part key, supplier key) pack; equality and hashing become one long instead of a per-column comparison.
 */
final class ShortKeyPacking {
  /** Marks a row that does not pack; every packed value is non-negative (bit 63 is never used). */
  static final long UNPACKED = -1L;

  private static final int BITS = 63;
  private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
  private static final int STRING = -1;
  /** Value bits of a bigint key: values in [0, 2^30) pack (TPC-H's keys), others do not. */
  private static final int SMALL_LONG = 30;

  /** Per column: value width in bits for fixed-width types, or {@link #STRING}. */
  private final int[] widths;
  /** Per column: the lowest bit of its field (its null flag). */
  private final int[] shifts;
  /** Per string column: the longest value in bytes that packs. */
  private final int[] maxLengths;

  private ShortKeyPacking(int[] widths, int[] shifts, int[] maxLengths) {
    this.widths = widths;
    this.shifts = shifts;
    this.maxLengths = maxLengths;
  }

  /** The packing for keys of these types, or null when they do not fit. */
  static ShortKeyPacking forTypes(List<DataType> types) {
    int n = types.size();
    int[] widths = new int[n];
    int fixedBits = 0;
    int strings = 0;
    for (int k = 0; k < n; k++) {
      int w = valueBits(types.get(k));
      if (w == 0) {
        return null;
      }
      widths[k] = w;
      if (w == STRING) {
        strings++;
      } else {
        fixedBits += 1 + w;
      }
    }
    if (fixedBits > BITS) {
      return null;
    }
    int[] maxLengths = new int[n];
    int stringMax = strings == 0 ? 0 : longestFitting((BITS - fixedBits) / strings);
    if (strings > 0 && stringMax == 0) {
      return null;
    }
    int[] shifts = new int[n];
    int shift = 0;
    for (int k = 0; k < n; k++) {
      shifts[k] = shift;
      if (widths[k] == STRING) {
        maxLengths[k] = stringMax;
        shift += stringFieldBits(stringMax);
      } else {
        shift += 1 + widths[k];
      }
    }
    return new ShortKeyPacking(widths, shifts, maxLengths);
  }

  private static int valueBits(DataType t) {
    if (t instanceof StringType || t instanceof BinaryType) {
      return STRING;
    }
    if (t instanceof IntegerType || t instanceof DateType) {
      return 32;
    }
    if (t instanceof LongType) {
      return SMALL_LONG;
    }
    if (t instanceof ShortType) {
      return 16;
    }
    if (t instanceof ByteType) {
      return 8;
    }
    if (t instanceof BooleanType) {
      return 1;
    }
    return 0;
  }

  /** The longest string (in bytes, at most 7) whose field fits in {@code bits}. */
  private static int longestFitting(int bits) {
    for (int len = 7; len > 0; len--) {
      if (stringFieldBits(len) <= bits) {
        return len;
      }
    }
    return 0;
  }

  /** Null flag, the length (0..max) and max bytes. */
  private static int stringFieldBits(int max) {
    return 1 + (32 - Integer.numberOfLeadingZeros(max)) + 8 * max;
  }

  /**
   * Writes the packed key of rows {@code [0, n)} to {@code out}, {@link #UNPACKED} for rows that do not pack;
   * returns how many rows packed.
   */
  int pack(List<FieldVector> keys, int n, long[] out) {
    java.util.Arrays.fill(out, 0, n, 0L);
    for (int k = 0; k < widths.length; k++) {
      FieldVector v = keys.get(k);
      // Arrow counts nulls up to the value count only.
      boolean nulls = n > v.getValueCount() || v.getNullCount() > 0;
      int shift = shifts[k];
      if (widths[k] == STRING) {
        packStrings((BaseVariableWidthVector) v, nulls, maxLengths[k], shift, n, out);
      } else {
        packFixed(v, nulls, widths[k], shift, n, out);
      }
    }
    int packed = 0;
    for (int i = 0; i < n; i++) {
      packed += out[i] != UNPACKED ? 1 : 0;
    }
    return packed;
  }

  /** ORs each string's field into {@code out}; ORing into {@link #UNPACKED} keeps it unpacked. */
  private static void packStrings(BaseVariableWidthVector v, boolean nulls, int max, int shift, int n,
      long[] out) {
    long offsets = v.getOffsetBufferAddress();
    long data = v.getDataBufferAddress();
    long dataCapacity = v.getDataBuffer().capacity();
    long validity = v.getValidityBufferAddress();
    int lengthShift = 8 * max;
    for (int i = 0; i < n; i++) {
      if (nulls && !Bits.get(validity, i)) {
        out[i] |= 1L << shift;
        continue;
      }
      int start = MemoryUtil.getInt(offsets + 4L * i);
      int len = MemoryUtil.getInt(offsets + 4L * i + 4) - start;
      if (len > max) {
        out[i] = UNPACKED;
        continue;
      }
      long bytes;
      if (LITTLE_ENDIAN && start + 8L <= dataCapacity) {
        // One load, masked to the value's bytes (little-endian: the first byte is the lowest).
        bytes = MemoryUtil.getLong(data + start) & ((1L << (8 * len)) - 1);
      } else {
        bytes = 0;
        for (int b = 0; b < len; b++) {
          bytes |= (MemoryUtil.getByte(data + start + b) & 0xFFL) << (8 * b);
        }
      }
      out[i] |= (bytes | ((long) len << lengthShift)) << (shift + 1);
    }
  }

  private static void packFixed(FieldVector v, boolean nulls, int width, int shift, int n, long[] out) {
    long data = v.getDataBufferAddress();
    long validity = v.getValidityBufferAddress();
    long mask = (1L << width) - 1;
    for (int i = 0; i < n; i++) {
      if (nulls && !Bits.get(validity, i)) {
        out[i] |= 1L << shift;
        continue;
      }
      if (width == SMALL_LONG) {
        long x = MemoryUtil.getLong(data + 8L * i);
        if ((x >>> SMALL_LONG) != 0) {
          out[i] = UNPACKED;
        } else {
          out[i] |= x << (shift + 1);
        }
        continue;
      }
      long value = switch (width) {
        case 32 -> MemoryUtil.getInt(data + 4L * i);
        case 16 -> MemoryUtil.getShort(data + 2L * i);
        case 8 -> MemoryUtil.getByte(data + i);
        default -> (MemoryUtil.getByte(data + (i >>> 3)) >>> (i & 7)) & 1;
      };
      out[i] |= (value & mask) << (shift + 1);
    }
  }
}
