package dev.quiver.executor.expressions.cast;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.executor.expressions.vectors.VarWidthBuilder;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * String to number, boolean, decimal, date, timestamp or binary under ANSI mode: malformed text raises
 * CAST_INVALID_INPUT naming the text and the target type (use try_cast to get NULL instead); integers out of
 * range are malformed too, as in Spark; decimals that need more digits raise NUMERIC_VALUE_OUT_OF_RANGE.
 */
final class FromStringCast extends CastKernel {
  private final DataType to;
  /** try_cast: malformed or out-of-range text is null instead of an error. */
  private final boolean tryMode;

  FromStringCast(Evaluator child, DataType to) {
    this(child, to, false);
  }

  FromStringCast(Evaluator child, DataType to, boolean tryMode) {
    super(child, DataTypes.StringType, to);
    this.to = to;
    this.tryMode = tryMode;
  }

  /** The targets a string converts to here. */
  static boolean handles(DataType to) {
    return to instanceof LongType || to instanceof IntegerType || to instanceof ShortType || to instanceof ByteType
        || to instanceof DoubleType || to instanceof FloatType || to instanceof DecimalType
        || to instanceof BooleanType || to instanceof DateType || to instanceof TimestampType
        || to instanceof TimestampNTZType || to instanceof BinaryType;
  }

  @Override
  protected FieldVector convert(FieldVector src, int n, EvalContext ctx) {
    BaseVariableWidthVector in = (BaseVariableWidthVector) src;
    long[] valid = Bits.validity(src, n);
    long off = in.getOffsetBufferAddress();
    long data = in.getDataBufferAddress();
    if (to instanceof BinaryType) {
      return toBinary(in, valid, n, ctx);
    }
    FieldVector out = Results.allocate(to, n, ctx.allocator());
    try {
      long oa = out instanceof BaseFixedWidthVector f ? f.getDataBufferAddress() : 0;
      boolean[] ok = new boolean[1];
      Int128 x = new Int128();
      ZoneId zone = to instanceof TimestampNTZType ? ZoneOffset.UTC : ctx.timeZone();
      for (int i = 0; i < n; i++) {
        if (!Bits.get(valid, i)) {
          continue;
        }
        int s = Utf8.start(off, i);
        int len = Utf8.end(off, i) - s;
        long a = data + s;
        if (to instanceof LongType) {
          long v = StringParsing.parseIntegral(a, len, Long.MIN_VALUE, Long.MAX_VALUE, ok);
          if (!check(ok, a, len, valid, i)) {
            continue;
          }
          MemoryUtil.putLong(oa + 8L * i, v);
        } else if (to instanceof IntegerType) {
          long v = StringParsing.parseIntegral(a, len, Integer.MIN_VALUE, Integer.MAX_VALUE, ok);
          if (!check(ok, a, len, valid, i)) {
            continue;
          }
          MemoryUtil.putInt(oa + 4L * i, (int) v);
        } else if (to instanceof ShortType) {
          long v = StringParsing.parseIntegral(a, len, Short.MIN_VALUE, Short.MAX_VALUE, ok);
          if (!check(ok, a, len, valid, i)) {
            continue;
          }
          MemoryUtil.putShort(oa + 2L * i, (short) v);
        } else if (to instanceof ByteType) {
          long v = StringParsing.parseIntegral(a, len, Byte.MIN_VALUE, Byte.MAX_VALUE, ok);
          if (!check(ok, a, len, valid, i)) {
            continue;
          }
          MemoryUtil.putByte(oa + i, (byte) v);
        } else if (to instanceof DoubleType) {
          String text = Utf8.string(a, len);
          Double v = StringParsing.parseDouble(text);
          if (v == null) {
            fail(valid, i, () -> AnsiErrors.invalidNumber(text, to));
            continue;
          }
          MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits(v));
        } else if (to instanceof FloatType) {
          String text = Utf8.string(a, len);
          Float v = StringParsing.parseFloat(text);
          if (v == null) {
            fail(valid, i, () -> AnsiErrors.invalidNumber(text, to));
            continue;
          }
          MemoryUtil.putInt(oa + 4L * i, Float.floatToRawIntBits(v));
        } else if (to instanceof DecimalType d) {
          String text = Utf8.string(a, len);
          BigDecimal v = StringParsing.parseDecimal(text);
          if (v == null) {
            fail(valid, i, () -> AnsiErrors.invalidNumber(text, to));
            continue;
          }
          BigDecimal r = v.setScale(d.scale(), RoundingMode.HALF_UP);
          if (r.precision() > d.precision() && r.signum() != 0) {
            fail(valid, i, () -> AnsiErrors.decimalOutOfRange(v, d.precision(), d.scale()));
            continue;
          }
          x.set(r.unscaledValue()).store(oa, i);
        } else if (to instanceof BooleanType) {
          String text = Utf8.string(a, len);
          Boolean v = StringParsing.parseBoolean(text);
          if (v == null) {
            fail(valid, i, () -> AnsiErrors.invalidBoolean(text));
            continue;
          }
          if (v) {
            Bits.set(((BitVector) out).getDataBufferAddress(), i);
          }
        } else if (to instanceof DateType) {
          String text = Utf8.string(a, len);
          Integer v = DateTimeValues.parseDate(text);
          if (v == null) {
            fail(valid, i, () -> AnsiErrors.invalidDateTime(text, to));
            continue;
          }
          MemoryUtil.putInt(oa + 4L * i, v);
        } else if (to instanceof TimestampType || to instanceof TimestampNTZType) {
          String text = Utf8.string(a, len);
          Long v = DateTimeValues.parseTimestamp(text, zone);
          if (v == null) {
            fail(valid, i, () -> AnsiErrors.invalidDateTime(text, to));
            continue;
          }
          MemoryUtil.putLong(oa + 8L * i, v);
        } else {
          throw new IllegalStateException("No string cast to " + to.simpleString());
        }
      }
      Bits.store(valid, n, Bits.validityAddress(out));
      out.setValueCount(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** Whether the integer parsed; if not, the row is null under try_cast and an error otherwise. */
  private boolean check(boolean[] ok, long addr, int len, long[] valid, int i) {
    if (!ok[0]) {
      fail(valid, i, () -> AnsiErrors.invalidNumber(Utf8.string(addr, len), to));
      return false;
    }
    return true;
  }

  /** Row i cannot be cast: null under try_cast, otherwise the error. */
  private void fail(long[] valid, int i, java.util.function.Supplier<RuntimeException> error) {
    if (!tryMode) {
      throw error.get();
    }
    Bits.clear(valid, i);
  }

  private static FieldVector toBinary(BaseVariableWidthVector in, long[] valid, int n, EvalContext ctx) {
    BaseVariableWidthVector out = (BaseVariableWidthVector) Results.allocate(DataTypes.BinaryType, n,
        ctx.allocator());
    try {
      long off = in.getOffsetBufferAddress();
      long data = in.getDataBufferAddress();
      VarWidthBuilder b = new VarWidthBuilder(out, n, Utf8.end(off, n - 1) - Utf8.start(off, 0));
      for (int i = 0; i < n; i++) {
        if (Bits.get(valid, i)) {
          int s = Utf8.start(off, i);
          b.append(i, data + s, Utf8.end(off, i) - s);
        } else {
          b.appendNull(i);
        }
      }
      b.finish(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }
}
