package dev.quiver.formats.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * INT96 timestamps (Impala, Hive, Spark before 3 and DuckDB on request): 8 little-endian bytes of
 * nanoseconds within the day, then 4 of the Julian day number. Read as microseconds since the epoch, as
 * Spark does (without calendar rebasing: the values are taken to be proleptic Gregorian).
 */
final class Int96Converter extends LeafConverter implements BinarySink {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private ArrowBuf data;
  private int next;

  @Override
  void read(PageValues values, FieldVector vector, int pos, int n) {
    data = vector.getDataBuffer();
    next = pos;
    values.readBinaries(n, this);
    data = null;
    VectorBits.setValid(vector.getValidityBuffer(), pos, n);
  }

  @Override
  public void accept(byte[] src, int offset, int length) {
    long nanos = 0;
    for (int i = 7; i >= 0; i--) {
      nanos = (nanos << 8) | (src[offset + i] & 0xFFL);
    }
    int julianDay = (src[offset + 8] & 0xFF) | (src[offset + 9] & 0xFF) << 8 | (src[offset + 10] & 0xFF) << 16
        | (src[offset + 11] & 0xFF) << 24;
    long micros = (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanos / 1000L;
    data.setLong((long) next++ * 8, micros);
  }
}
