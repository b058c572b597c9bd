package dev.quiver.executor.expressions.cast;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.SqlValues;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Casts among numbers, booleans and timestamps (as seconds), with Spark's ANSI rules: narrowing that does
 * not fit raises CAST_OVERFLOW naming the value; floating values truncate toward zero and NaN/Infinity do
 * not fit any integer; decimals round HALF_UP and raise NUMERIC_VALUE_OUT_OF_RANGE when too wide. The
 * source is first widened into a long[] or double[] with one tight loop per source type, then written to
 * the target with one loop per target type, so n source and m target types need n + m loops, not n * m.
 */
final class NumericCasts extends CastKernel {
  private final DataType to;
  /** try_cast: a value that does not fit is null instead of an error. */
  private final boolean tryMode;

  NumericCasts(Evaluator child, DataType from, DataType to) {
    this(child, from, to, false);
  }

  NumericCasts(Evaluator child, DataType from, DataType to, boolean tryMode) {
    super(child, from, to);
    this.to = to;
    this.tryMode = tryMode;
  }

  /** Row i cannot be cast: null under try_cast, otherwise the error. */
  private void fail(long[] valid, int i, java.util.function.Supplier<RuntimeException> error) {
    if (!tryMode) {
      throw error.get();
    }
    Bits.clear(valid, i);
  }

  static boolean handles(DataType from, DataType to) {
    return isSource(from) && isSource(to) && !(isTime(from) && isTime(to));
  }

  private static boolean isTime(DataType t) {
    return t instanceof TimestampType || t instanceof TimestampNTZType;
  }

  private static boolean isSource(DataType t) {
    return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType
        || t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType
        || t instanceof BooleanType || isTime(t);
  }

  @Override
  protected FieldVector convert(FieldVector src, int n, EvalContext ctx) {
    long[] valid = Bits.validity(src, n);
    FieldVector out = Results.allocate(to, n, ctx.allocator());
    try {
      if (from instanceof DecimalType d) {
        fromDecimal(src, d, out, valid, n, ctx);
      } else if (from instanceof FloatType || from instanceof DoubleType) {
        double[] v = readDoubles(src, n);
        fromDouble(v, out, valid, n, ctx);
      } else if (isTime(from)) {
        fromTimestamp(readLongs(src, n), out, valid, n, ctx);
      } else {
        fromLong(readLongs(src, n), out, valid, n, ctx);
      }
      Bits.store(valid, n, Bits.validityAddress(out));
      out.setValueCount(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  static long[] readLongs(FieldVector src, int n) {
    long[] v = new long[n];
    if (src instanceof BitVector b) {
      long a = b.getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        v[i] = Bits.get(a, i) ? 1 : 0;
      }
      return v;
    }
    BaseFixedWidthVector f = (BaseFixedWidthVector) src;
    long a = f.getDataBufferAddress();
    switch (f.getTypeWidth()) {
      case 1 -> {
        for (int i = 0; i < n; i++) {
          v[i] = MemoryUtil.getByte(a + i);
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          v[i] = MemoryUtil.getShort(a + 2L * i);
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          v[i] = MemoryUtil.getInt(a + 4L * i);
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          v[i] = MemoryUtil.getLong(a + 8L * i);
        }
      }
    }
    return v;
  }

  static double[] readDoubles(FieldVector src, int n) {
    double[] v = new double[n];
    long a = ((BaseFixedWidthVector) src).getDataBufferAddress();
    if (((BaseFixedWidthVector) src).getTypeWidth() == 4) {
      for (int i = 0; i < n; i++) {
        v[i] = Float.intBitsToFloat(MemoryUtil.getInt(a + 4L * i));
      }
    } else {
      for (int i = 0; i < n; i++) {
        v[i] = Double.longBitsToDouble(MemoryUtil.getLong(a + 8L * i));
      }
    }
    return v;
  }

  private RuntimeException overflow(Object value, EvalContext ctx) {
    return AnsiErrors.castOverflow(SqlValues.of(value, from, ctx.timeZone()), from, to);
  }

  private void fromLong(long[] v, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = out instanceof BaseFixedWidthVector f ? f.getDataBufferAddress() : 0;
    if (to instanceof LongType || isTime(to) && from instanceof BooleanType) {
      for (int i = 0; i < n; i++) {
        MemoryUtil.putLong(oa + 8L * i, v[i]);
      }
    } else if (to instanceof IntegerType || to instanceof ShortType || to instanceof ByteType) {
      long min = to instanceof IntegerType ? Integer.MIN_VALUE : to instanceof ShortType ? Short.MIN_VALUE
          : Byte.MIN_VALUE;
      long max = to instanceof IntegerType ? Integer.MAX_VALUE : to instanceof ShortType ? Short.MAX_VALUE
          : Byte.MAX_VALUE;
      int width = to instanceof IntegerType ? 4 : to instanceof ShortType ? 2 : 1;
      for (int i = 0; i < n; i++) {
        long x = v[i];
        if ((x < min || x > max) && Bits.get(valid, i)) {
          fail(valid, i, () -> overflow(x, ctx));
        }
        putNarrow(oa, i, width, x);
      }
    } else if (to instanceof DoubleType) {
      for (int i = 0; i < n; i++) {
        MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits((double) v[i]));
      }
    } else if (to instanceof FloatType) {
      for (int i = 0; i < n; i++) {
        MemoryUtil.putInt(oa + 4L * i, Float.floatToRawIntBits((float) v[i]));
      }
    } else if (to instanceof BooleanType) {
      long da = ((BitVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        if (v[i] != 0) {
          Bits.set(da, i);
        }
      }
    } else if (to instanceof DecimalType d) {
      int intDigits = d.precision() - d.scale();
      Int128 x = new Int128();
      for (int i = 0; i < n; i++) {
        x.set(v[i]);
        boolean fits = (intDigits > 0 ? x.fitsPrecision(intDigits) : v[i] == 0) && x.scaleUp(d.scale());
        if (!fits && Bits.get(valid, i)) {
          long value = v[i];
          fail(valid, i, () -> AnsiErrors.decimalOutOfRange(BigDecimal.valueOf(value), d.precision(), d.scale()));
        }
        x.store(oa, i);
      }
    } else if (isTime(to)) {
      // Seconds since the epoch, saturating like Spark's SECONDS.toMicros.
      for (int i = 0; i < n; i++) {
        MemoryUtil.putLong(oa + 8L * i, TimeUnit.SECONDS.toMicros(v[i]));
      }
    } else {
      throw new IllegalStateException("No numeric cast to " + to.simpleString());
    }
  }

  private static void putNarrow(long oa, int i, int width, long x) {
    switch (width) {
      case 4 -> MemoryUtil.putInt(oa + 4L * i, (int) x);
      case 2 -> MemoryUtil.putShort(oa + 2L * i, (short) x);
      default -> MemoryUtil.putByte(oa + i, (byte) x);
    }
  }

  /** Spark's exact double-to-integral rule: the value must lie within the range after truncation. */
  private void fromDouble(double[] v, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = out instanceof BaseFixedWidthVector f ? f.getDataBufferAddress() : 0;
    boolean isFloat = from instanceof FloatType;
    if (to instanceof DoubleType) {
      for (int i = 0; i < n; i++) {
        MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits(v[i]));
      }
    } else if (to instanceof FloatType) {
      for (int i = 0; i < n; i++) {
        MemoryUtil.putInt(oa + 4L * i, Float.floatToRawIntBits((float) v[i]));
      }
    } else if (to instanceof LongType) {
      double upper = isFloat ? (float) Long.MAX_VALUE : (double) Long.MAX_VALUE;
      double lower = isFloat ? (float) Long.MIN_VALUE : (double) Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        if (!(Math.floor(x) <= upper && Math.ceil(x) >= lower) && Bits.get(valid, i)) {
          fail(valid, i, () -> overflow(boxFloating(x, isFloat), ctx));
        }
        MemoryUtil.putLong(oa + 8L * i, (long) x);
      }
    } else if (to instanceof IntegerType || to instanceof ShortType || to instanceof ByteType) {
      double upper = isFloat ? (float) Integer.MAX_VALUE : (double) Integer.MAX_VALUE;
      double lower = Integer.MIN_VALUE;
      int width = to instanceof IntegerType ? 4 : to instanceof ShortType ? 2 : 1;
      long min = width == 4 ? Integer.MIN_VALUE : width == 2 ? Short.MIN_VALUE : Byte.MIN_VALUE;
      long max = width == 4 ? Integer.MAX_VALUE : width == 2 ? Short.MAX_VALUE : Byte.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        boolean ok = Math.floor(x) <= upper && Math.ceil(x) >= lower;
        int asInt = (int) x;
        if ((!ok || asInt < min || asInt > max) && Bits.get(valid, i)) {
          fail(valid, i, () -> overflow(boxFloating(x, isFloat), ctx));
        }
        putNarrow(oa, i, width, asInt);
      }
    } else if (to instanceof BooleanType) {
      long da = ((BitVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        if (v[i] != 0) {
          Bits.set(da, i);
        }
      }
    } else if (to instanceof DecimalType d) {
      Int128 x = new Int128();
      for (int i = 0; i < n; i++) {
        if (!Bits.get(valid, i)) {
          continue;
        }
        double value = v[i];
        if (Double.isNaN(value) || Double.isInfinite(value)) {
          // Spark's Decimal(double) cannot represent these and its cast returns null, even under ANSI.
          Bits.clear(valid, i);
          continue;
        }
        BigDecimal exact = new BigDecimal(Double.toString(value));
        storeDecimal(exact, d, x, oa, valid, i);
      }
    } else if (isTime(to)) {
      for (int i = 0; i < n; i++) {
        if (!Bits.get(valid, i)) {
          continue;
        }
        double x = v[i];
        if (Double.isNaN(x) || Double.isInfinite(x)) {
          fail(valid, i, () -> new dev.quiver.sql.QuiverDateTimeException("CAST_INVALID_INPUT", "The value "
              + SqlValues.of(boxFloating(x, isFloat), from, ctx.timeZone()) + " of the type \"" + from.sql()
              + "\" cannot be cast to \"" + to.sql() + "\" because it is malformed. Correct the value as per the "
              + "syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL "
              + "instead.", "22018"));
          continue;
        }
        double micros = x * DateTimeValues.MICROS_PER_SECOND;
        if (!(Math.floor(micros) <= (double) Long.MAX_VALUE && Math.ceil(micros) >= (double) Long.MIN_VALUE)) {
          fail(valid, i, () -> overflow(boxFloating(x, isFloat), ctx));
          continue;
        }
        MemoryUtil.putLong(oa + 8L * i, (long) micros);
      }
    } else {
      throw new IllegalStateException("No numeric cast to " + to.simpleString());
    }
  }

  private static Object boxFloating(double x, boolean isFloat) {
    return isFloat ? (Object) (float) x : (Object) x;
  }

  private void storeDecimal(BigDecimal exact, DecimalType d, Int128 x, long oa, long[] valid, int i) {
    BigDecimal r = exact.setScale(d.scale(), RoundingMode.HALF_UP);
    if (r.precision() > d.precision() && r.signum() != 0) {
      fail(valid, i, () -> AnsiErrors.decimalOutOfRange(exact, d.precision(), d.scale()));
      return;
    }
    x.set(r.unscaledValue()).store(oa, i);
  }

  /** Timestamps as numbers are seconds since the epoch (floored for integers). */
  private void fromTimestamp(long[] micros, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = out instanceof BaseFixedWidthVector f ? f.getDataBufferAddress() : 0;
    if (to instanceof DoubleType || to instanceof FloatType || to instanceof DecimalType) {
      double[] seconds = new double[n];
      for (int i = 0; i < n; i++) {
        seconds[i] = micros[i] / (double) DateTimeValues.MICROS_PER_SECOND;
      }
      if (to instanceof DecimalType d) {
        Int128 x = new Int128();
        for (int i = 0; i < n; i++) {
          if (Bits.get(valid, i)) {
            storeDecimal(new BigDecimal(Double.toString(seconds[i])), d, x, oa, valid, i);
          }
        }
      } else if (to instanceof DoubleType) {
        for (int i = 0; i < n; i++) {
          MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits(seconds[i]));
        }
      } else {
        for (int i = 0; i < n; i++) {
          MemoryUtil.putInt(oa + 4L * i, Float.floatToRawIntBits((float) seconds[i]));
        }
      }
      return;
    }
    if (to instanceof BooleanType) {
      long da = ((BitVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        if (micros[i] != 0) {
          Bits.set(da, i);
        }
      }
      return;
    }
    int width = to instanceof LongType ? 8 : to instanceof IntegerType ? 4 : to instanceof ShortType ? 2 : 1;
    long min = width == 8 ? Long.MIN_VALUE : width == 4 ? Integer.MIN_VALUE : width == 2 ? Short.MIN_VALUE
        : Byte.MIN_VALUE;
    long max = width == 8 ? Long.MAX_VALUE : width == 4 ? Integer.MAX_VALUE : width == 2 ? Short.MAX_VALUE
        : Byte.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      long s = Math.floorDiv(micros[i], DateTimeValues.MICROS_PER_SECOND);
      if ((s < min || s > max) && Bits.get(valid, i)) {
        long value = micros[i];
        fail(valid, i, () -> overflow(value, ctx));
      }
      if (width == 8) {
        MemoryUtil.putLong(oa + 8L * i, s);
      } else {
        putNarrow(oa, i, width, s);
      }
    }
  }

  private void fromDecimal(FieldVector src, DecimalType d, FieldVector out, long[] valid, int n,
      EvalContext ctx) {
    long sa = ((BaseFixedWidthVector) src).getDataBufferAddress();
    long oa = out instanceof BaseFixedWidthVector f ? f.getDataBufferAddress() : 0;
    Int128 x = new Int128();
    boolean small = d.precision() <= 18;
    if (to instanceof DecimalType t) {
      rescale(sa, d, t, oa, valid, n);
      return;
    }
    if (to instanceof DoubleType || to instanceof FloatType) {
      for (int i = 0; i < n; i++) {
        double v;
        if (small) {
          v = (double) MemoryUtil.getLong(sa + 16L * i) / Int128.POW10[d.scale()];
        } else if (Bits.get(valid, i)) {
          v = x.load(sa, i).toBigDecimal(d.scale()).doubleValue();
        } else {
          v = 0;
        }
        if (to instanceof DoubleType) {
          MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits(v));
        } else {
          MemoryUtil.putInt(oa + 4L * i, Float.floatToRawIntBits((float) v));
        }
      }
      return;
    }
    if (to instanceof BooleanType) {
      long da = ((BitVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        if (!x.load(sa, i).isZero()) {
          Bits.set(da, i);
        }
      }
      return;
    }
    if (isTime(to)) {
      for (int i = 0; i < n; i++) {
        if (Bits.get(valid, i)) {
          BigDecimal v = x.load(sa, i).toBigDecimal(d.scale());
          MemoryUtil.putLong(oa + 8L * i, v.multiply(BigDecimal.valueOf(DateTimeValues.MICROS_PER_SECOND))
              .longValue());
        }
      }
      return;
    }
    // Integral targets: truncate toward zero, then the value must fit.
    int width = to instanceof LongType ? 8 : to instanceof IntegerType ? 4 : to instanceof ShortType ? 2 : 1;
    long min = width == 8 ? Long.MIN_VALUE : width == 4 ? Integer.MIN_VALUE : width == 2 ? Short.MIN_VALUE
        : Byte.MIN_VALUE;
    long max = width == 8 ? Long.MAX_VALUE : width == 4 ? Integer.MAX_VALUE : width == 2 ? Short.MAX_VALUE
        : Byte.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      if (!Bits.get(valid, i)) {
        continue;
      }
      long t;
      boolean fits;
      if (small) {
        t = MemoryUtil.getLong(sa + 16L * i) / Int128.POW10[d.scale()];
        fits = t >= min && t <= max;
      } else {
        java.math.BigInteger b = x.load(sa, i).toBigDecimal(d.scale()).toBigInteger();
        fits = b.bitLength() < 64 && b.longValue() >= min && b.longValue() <= max;
        t = b.longValue();
      }
      if (!fits) {
        BigDecimal value = x.load(sa, i).toBigDecimal(d.scale());
        fail(valid, i, () -> overflow(value, ctx));
        continue;
      }
      if (width == 8) {
        MemoryUtil.putLong(oa + 8L * i, t);
      } else {
        putNarrow(oa, i, width, t);
      }
    }
  }

  /** decimal(p1,s1) to decimal(p2,s2): exact when scaling up, HALF_UP when scaling down. */
  private void rescale(long sa, DecimalType d, DecimalType t, long oa, long[] valid, int n) {
    Int128 x = new Int128();
    int k = t.scale() - d.scale();
    for (int i = 0; i < n; i++) {
      x.load(sa, i);
      boolean fits;
      if (k >= 0) {
        fits = x.scaleUp(k) && x.fitsPrecision(t.precision());
      } else if (d.precision() <= 18) {
        long v = MemoryUtil.getLong(sa + 16L * i);
        long div = Int128.POW10[-k];
        long q = v / div;
        long rem = Math.abs(v % div);
        if (rem * 2 >= div) {
          q += v < 0 ? -1 : 1;
        }
        x.set(q);
        fits = x.fitsPrecision(t.precision());
      } else {
        BigDecimal r = x.toBigDecimal(d.scale()).setScale(t.scale(), RoundingMode.HALF_UP);
        x.set(r.unscaledValue());
        fits = r.precision() <= t.precision() || r.signum() == 0;
      }
      if (!fits && Bits.get(valid, i)) {
        BigDecimal value = new Int128().load(sa, i).toBigDecimal(d.scale());
        fail(valid, i, () -> AnsiErrors.decimalOutOfRange(value, t.precision(), t.scale()));
      }
      x.store(oa, i);
    }
  }
}
