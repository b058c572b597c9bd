package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/** INT32 columns (plain ints, INT(8/16/32), unsigned ints, DATE, small DECIMAL) into Arrow vectors. */
final class Int32Converter extends LeafConverter {
  enum Target {
    /** IntVector or DateDayVector: same layout, copied as is. */
    INT,
    BYTE,
    SHORT,
    LONG,
    /** UINT_32: zero-extended to a long. */
    UNSIGNED_LONG,
    DOUBLE,
    /** Days since the epoch to a timestamp_ntz at midnight. */
    DATE_TO_MICROS,
    DECIMAL
  }

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final Target target;
  /** For DECIMAL: 10^(target scale - file scale). */
  private final long factor;

  Int32Converter(Target target, long factor) {
    this.target = target;
    this.factor = factor;
  }

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    ArrowBuf data = vector.getDataBuffer();
    if (target == Target.INT && values.canCopyRaw()) {
      values.copyRaw(data, (long) pos * 4, n, 4);
    } else {
      int[] v = ints(n);
      values.readInts(v, 0, n);
      switch (target) {
        case INT -> {
          long a = VectorBits.address(data, (long) (pos + n) * 4) + (long) pos * 4;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putInt(a + (long) i * 4, v[i]);
          }
        }
        case BYTE -> {
          long a = VectorBits.address(data, pos + n) + pos;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putByte(a + i, (byte) v[i]);
          }
        }
        case SHORT -> {
          long a = VectorBits.address(data, (long) (pos + n) * 2) + (long) pos * 2;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putShort(a + (long) i * 2, (short) v[i]);
          }
        }
        case LONG -> {
          long a = VectorBits.address(data, (long) (pos + n) * 8) + (long) pos * 8;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putLong(a + (long) i * 8, v[i]);
          }
        }
        case UNSIGNED_LONG -> {
          long a = VectorBits.address(data, (long) (pos + n) * 8) + (long) pos * 8;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putLong(a + (long) i * 8, Integer.toUnsignedLong(v[i]));
          }
        }
        case DOUBLE -> {
          for (int i = 0; i < n; i++) {
            data.setDouble((long) (pos + i) * 8, v[i]);
          }
        }
        case DATE_TO_MICROS -> {
          long a = VectorBits.address(data, (long) (pos + n) * 8) + (long) pos * 8;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putLong(a + (long) i * 8, v[i] * MICROS_PER_DAY);
          }
        }
        case DECIMAL -> {
          for (int i = 0; i < n; i++) {
            Decimal128.writeScaled(data, pos + i, v[i], factor);
          }
        }
      }
    }
    VectorBits.setValid(vector.getValidityBuffer(), pos, n);
  }
}
