package dev.quiver.executor.operators.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Reads a numeric input column as doubles (Spark casts the input of avg, stddev and variance to double)
 * with one tight loop per vector type, into a reused scratch array; aggregates then run one double loop.
 */
final class DoubleValues {
  private static final double TWO_64 = 18446744073709551616.0;
  private double[] scratch = new double[0];

  /** Values of rows {@code [from, to)} at their row index; null rows hold garbage (check validity). */
  double[] read(FieldVector v, int from, int to) {
    if (scratch.length < to) {
      scratch = new double[Math.max(to, scratch.length * 2)];
    }
    double[] out = scratch;
    if (v instanceof Float8Vector x) {
      ArrowBuf d = x.getDataBuffer();
      for (int r = from; r < to; r++) {
        out[r] = d.getDouble((long) r * 8);
      }
    } else if (v instanceof BigIntVector x) {
      ArrowBuf d = x.getDataBuffer();
      for (int r = from; r < to; r++) {
        out[r] = d.getLong((long) r * 8);
      }
    } else if (v instanceof IntVector x) {
      ArrowBuf d = x.getDataBuffer();
      for (int r = from; r < to; r++) {
        out[r] = d.getInt((long) r * 4);
      }
    } else if (v instanceof Float4Vector x) {
      ArrowBuf d = x.getDataBuffer();
      for (int r = from; r < to; r++) {
        out[r] = d.getFloat((long) r * 4);
      }
    } else if (v instanceof SmallIntVector x) {
      for (int r = from; r < to; r++) {
        out[r] = x.isNull(r) ? 0 : x.get(r);
      }
    } else if (v instanceof TinyIntVector x) {
      for (int r = from; r < to; r++) {
        out[r] = x.isNull(r) ? 0 : x.get(r);
      }
    } else if (v instanceof DecimalVector x) {
      readDecimals(x, from, to, out);
    } else {
      throw new IllegalStateException("Cannot read " + v.getField() + " as double");
    }
    return out;
  }

  /**
   * Decimal to double as Spark's cast does (correctly rounded): one exact division when unscaled value and
   * power of ten are both exact doubles, BigDecimal otherwise (values beyond 2^53 are rare).
   */
  private static void readDecimals(DecimalVector x, int from, int to, double[] out) {
    ArrowBuf d = x.getDataBuffer();
    ArrowBuf valid = x.getValidityBuffer();
    int scale = x.getScale();
    double pow = Math.pow(10, scale);
    boolean exactPow = scale <= 22;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) == 0) {
        continue;
      }
      long lo = d.getLong((long) r * 16);
      long hi = d.getLong((long) r * 16 + 8);
      boolean fitsLong = hi == (lo >> 63);
      if (fitsLong && exactPow && Math.abs(lo) < (1L << 53)) {
        out[r] = lo / pow;
      } else {
        BigInteger unscaled = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
        out[r] = new BigDecimal(unscaled, scale).doubleValue();
      }
    }
  }

  static double unsignedToDouble(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }

  static double toDouble(long hi, long lo) {
    return hi * TWO_64 + unsignedToDouble(lo);
  }
}
