package dev.quiver.executor.expressions.vectors;

import dev.quiver.executor.batch.InternalValues;
import dev.quiver.sql.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/** Vectors repeating one value (a constant broadcast over a batch), written with tight loops. */
public final class Fill {
  private Fill() {}

  /** {@code n} copies of {@code value} (internal form; null gives all-null). */
  public static FieldVector of(DataType type, Object value, int n, BufferAllocator allocator) {
    if (value == null) {
      return Results.nulls(type, n, allocator);
    }
    FieldVector out = Results.allocate(type, n, allocator);
    try {
      if (out instanceof NullVector) {
        return out;
      }
      if (out instanceof BitVector b) {
        Bits.setAll(b.getValidityBufferAddress(), n);
        if ((Boolean) value) {
          Bits.setAll(b.getDataBufferAddress(), n);
        }
      } else if (out instanceof DecimalVector d) {
        BigDecimal bd = ((BigDecimal) value).setScale(d.getScale(), RoundingMode.HALF_UP);
        Int128 v = new Int128().set(bd.unscaledValue());
        long addr = d.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          v.store(addr, i);
        }
        Bits.setAll(d.getValidityBufferAddress(), n);
      } else if (out instanceof BaseFixedWidthVector f) {
        fillFixed(f, value, n);
        Bits.setAll(f.getValidityBufferAddress(), n);
      } else if (out instanceof BaseVariableWidthVector w) {
        byte[] bytes = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) value;
        VarWidthBuilder b = new VarWidthBuilder(w, n, (long) bytes.length * n);
        for (int i = 0; i < n; i++) {
          b.append(i, bytes);
        }
        b.finish(n);
        return out;
      } else {
        for (int i = 0; i < n; i++) {
          InternalValues.write(out, i, value);
        }
      }
      out.setValueCount(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  private static void fillFixed(BaseFixedWidthVector f, Object value, int n) {
    long addr = f.getDataBufferAddress();
    if (f instanceof Float8Vector) {
      double d = ((Number) value).doubleValue();
      for (int i = 0; i < n; i++) {
        MemoryUtil.putLong(addr + 8L * i, Double.doubleToRawLongBits(d));
      }
      return;
    }
    if (f instanceof Float4Vector) {
      float x = ((Number) value).floatValue();
      for (int i = 0; i < n; i++) {
        MemoryUtil.putInt(addr + 4L * i, Float.floatToRawIntBits(x));
      }
      return;
    }
    long v = ((Number) value).longValue();
    switch (f.getTypeWidth()) {
      case 1 -> MemoryUtil.setMemory(addr, n, (byte) v);
      case 2 -> {
        for (int i = 0; i < n; i++) {
          MemoryUtil.putShort(addr + 2L * i, (short) v);
        }
      }
      case 4 -> {
        for (int i = 0; i < n; i++) {
          MemoryUtil.putInt(addr + 4L * i, (int) v);
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          MemoryUtil.putLong(addr + 8L * i, v);
        }
      }
    }
  }
}
