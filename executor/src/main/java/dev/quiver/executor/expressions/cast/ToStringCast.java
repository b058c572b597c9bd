package dev.quiver.executor.expressions.cast;

import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Civil;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.VarWidthBuilder;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.ArrayType;
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
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Anything to string, in Spark's text forms: integers in decimal, float/double as Java prints them
 * ({@code 1.0E7}), decimals plain with their scale ({@code 1.00}), dates {@code yyyy-MM-dd}, timestamps
 * {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in the session zone, binary as its bytes, arrays {@code [a, b]}, maps
 * {@code {k -> v}}, structs {@code {a, b}} with {@code null} for null elements. Integers, booleans, dates and
 * small decimals are written as bytes without building Java strings.
 */
final class ToStringCast extends CastKernel {
  ToStringCast(Evaluator child, DataType from) {
    super(child, from, DataTypes.StringType);
  }

  @Override
  protected FieldVector convert(FieldVector src, int n, EvalContext ctx) {
    long[] valid = Bits.validity(src, n);
    VarCharVector out = (VarCharVector) Results.allocate(DataTypes.StringType, n, ctx.allocator());
    try {
      VarWidthBuilder b = new VarWidthBuilder(out, n, 12L * n);
      byte[] scratch = new byte[48];
      ZoneId zone = ctx.timeZone();
      if (from instanceof ByteType || from instanceof ShortType || from instanceof IntegerType
          || from instanceof LongType) {
        long[] v = NumericCasts.readLongs(src, n);
        for (int i = 0; i < n; i++) {
          if (Bits.get(valid, i)) {
            int len = writeLong(v[i], scratch, scratch.length);
            b.append(i, scratch, scratch.length - len, len);
          } else {
            b.appendNull(i);
          }
        }
      } else if (from instanceof BooleanType) {
        long da = ((BitVector) src).getDataBufferAddress();
        byte[] t = "true".getBytes(StandardCharsets.US_ASCII);
        byte[] f = "false".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
          if (Bits.get(valid, i)) {
            b.append(i, Bits.get(da, i) ? t : f);
          } else {
            b.appendNull(i);
          }
        }
      } else if (from instanceof DateType) {
        long a = ((BaseFixedWidthVector) src).getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          if (!Bits.get(valid, i)) {
            b.appendNull(i);
            continue;
          }
          int days = MemoryUtil.getInt(a + 4L * i);
          if (Civil.formatDate(days, scratch, 0)) {
            b.append(i, scratch, 0, 10);
          } else {
            b.append(i, DateTimeValues.formatDate(days));
          }
        }
      } else if (from instanceof DecimalType d && d.precision() <= 18) {
        long a = ((BaseFixedWidthVector) src).getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          if (Bits.get(valid, i)) {
            int len = writeDecimal(MemoryUtil.getLong(a + 16L * i), d.scale(), scratch);
            b.append(i, scratch, scratch.length - len, len);
          } else {
            b.appendNull(i);
          }
        }
      } else if (from instanceof BinaryType) {
        BaseVariableWidthVector w = (BaseVariableWidthVector) src;
        long off = w.getOffsetBufferAddress();
        long data = w.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          if (Bits.get(valid, i)) {
            int s = MemoryUtil.getInt(off + 4L * i);
            b.append(i, data + s, MemoryUtil.getInt(off + 4L * (i + 1)) - s);
          } else {
            b.appendNull(i);
          }
        }
      } else {
        Int128 x = new Int128();
        for (int i = 0; i < n; i++) {
          if (!Bits.get(valid, i)) {
            b.appendNull(i);
          } else if (from instanceof DecimalType d) {
            long a = ((BaseFixedWidthVector) src).getDataBufferAddress();
            b.append(i, x.load(a, i).toBigDecimal(d.scale()).toPlainString());
          } else {
            b.append(i, format(InternalValues.read(src, i), from, zone));
          }
        }
      }
      b.finish(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** Writes the digits of v right-aligned ending at {@code end}; returns the length. */
  static int writeLong(long v, byte[] buf, int end) {
    int pos = end;
    boolean neg = v < 0;
    if (v == 0) {
      buf[--pos] = '0';
      return 1;
    }
    while (v != 0) {
      long q = v / 10;
      int digit = (int) (v - q * 10);
      buf[--pos] = (byte) ('0' + (neg ? -digit : digit));
      v = q;
    }
    if (neg) {
      buf[--pos] = '-';
    }
    return end - pos;
  }

  /** An unscaled decimal with {@code scale} digits after the point, right-aligned in {@code buf}. */
  static int writeDecimal(long unscaled, int scale, byte[] buf) {
    int end = buf.length;
    int pos = end;
    boolean neg = unscaled < 0;
    long v = unscaled;
    int digits = 0;
    do {
      long q = v / 10;
      int digit = (int) (v - q * 10);
      buf[--pos] = (byte) ('0' + (neg ? -digit : digit));
      v = q;
      digits++;
      if (digits == scale) {
        buf[--pos] = '.';
      }
    } while (v != 0 || digits < scale);
    if (digits == scale) {
      buf[--pos] = '0';
    }
    if (neg) {
      buf[--pos] = '-';
    }
    return end - pos;
  }

  /** One value (internal form) as Spark casts it to string; nested values recursively. */
  @SuppressWarnings("unchecked")
  static String format(Object v, DataType type, ZoneId zone) {
    if (v == null) {
      return "null";
    }
    if (type instanceof DateType) {
      return DateTimeValues.formatDate(((Number) v).intValue());
    }
    if (type instanceof TimestampType) {
      return DateTimeValues.formatTimestamp(((Number) v).longValue(), zone);
    }
    if (type instanceof TimestampNTZType) {
      return DateTimeValues.formatTimestamp(((Number) v).longValue(), ZoneOffset.UTC);
    }
    if (type instanceof DecimalType) {
      return ((BigDecimal) v).toPlainString();
    }
    if (type instanceof BinaryType) {
      return new String((byte[]) v, StandardCharsets.UTF_8);
    }
    if (type instanceof FloatType || type instanceof DoubleType) {
      return v.toString();
    }
    if (type instanceof ArrayType a) {
      StringBuilder sb = new StringBuilder("[");
      List<Object> list = (List<Object>) v;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(format(list.get(i), a.elementType(), zone));
      }
      return sb.append(']').toString();
    }
    if (type instanceof MapType m) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(format(e.getKey(), m.keyType(), zone)).append(" -> ").append(format(e.getValue(), m.valueType(),
            zone));
      }
      return sb.append('}').toString();
    }
    if (type instanceof StructType s) {
      StringBuilder sb = new StringBuilder("{");
      List<Object> fields = (List<Object>) v;
      for (int i = 0; i < s.length(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(format(fields.get(i), s.apply(i).dataType(), zone));
      }
      return sb.append('}').toString();
    }
    return v.toString();
  }
}
