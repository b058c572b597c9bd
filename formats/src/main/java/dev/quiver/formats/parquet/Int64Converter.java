package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/** INT64 columns (longs, timestamps in any unit, DECIMAL, UINT_64) into Arrow vectors. */
final class Int64Converter extends LeafConverter {
  enum Target {
    /** BigIntVector or a microsecond TimeStampVector: copied as is. */
    LONG,
    MILLIS_TO_MICROS,
    NANOS_TO_MICROS,
    DOUBLE,
    DECIMAL,
    /** UINT_64 as decimal(20,0). */
    UNSIGNED_DECIMAL
  }

  private final Target target;
  /** For DECIMAL: 10^(target scale - file scale). */
  private final long factor;

  Int64Converter(Target target, long factor) {
    this.target = target;
    this.factor = factor;
  }

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    ArrowBuf data = vector.getDataBuffer();
    if (target == Target.LONG && values.canCopyRaw()) {
      values.copyRaw(data, (long) pos * 8, n, 8);
    } else {
      long[] v = longs(n);
      values.readLongs(v, 0, n);
      switch (target) {
        case LONG -> {
          long a = VectorBits.address(data, (long) (pos + n) * 8) + (long) pos * 8;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putLong(a + (long) i * 8, v[i]);
          }
        }
        case MILLIS_TO_MICROS -> {
          long a = VectorBits.address(data, (long) (pos + n) * 8) + (long) pos * 8;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putLong(a + (long) i * 8, v[i] * 1000L);
          }
        }
        case NANOS_TO_MICROS -> {
          long a = VectorBits.address(data, (long) (pos + n) * 8) + (long) pos * 8;
          for (int i = 0; i < n; i++) {
            MemoryUtil.putLong(a + (long) i * 8, Math.floorDiv(v[i], 1000L));
          }
        }
        case DOUBLE -> {
          for (int i = 0; i < n; i++) {
            data.setDouble((long) (pos + i) * 8, v[i]);
          }
        }
        case DECIMAL -> {
          VectorBits.address(data, (long) (pos + n) * 16);
          for (int i = 0; i < n; i++) {
            Decimal128.writeScaled(data, pos + i, v[i], factor);
          }
        }
        case UNSIGNED_DECIMAL -> {
          for (int i = 0; i < n; i++) {
            Decimal128.write(data, pos + i, v[i], 0L);
          }
        }
      }
    }
    VectorBits.setValid(vector.getValidityBuffer(), pos, n);
  }
}
