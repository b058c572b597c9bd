package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.VarWidthBuilder;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The result of a per-row function, written row by row in order: exactly one {@code set*} or
 * {@link #setNull} per row. Fixed-width values go straight to Arrow memory, strings through a
 * {@link VarWidthBuilder}, nested values through {@link InternalValues}.
 */
final class Out implements AutoCloseable {
  private final FieldVector vector;
  private final int n;
  private final long data;
  private final long validity;
  private final int width;
  private final VarWidthBuilder strings;
  private final int scale;
  private final Int128 scratch = new Int128();
  private boolean finished;

  Out(DataType type, int n, BufferAllocator allocator) {
    this.vector = Results.allocate(type, n, allocator);
    this.n = n;
    this.scale = type instanceof DecimalType d ? d.scale() : 0;
    if (vector instanceof BitVector b) {
      data = b.getDataBufferAddress();
      validity = b.getValidityBufferAddress();
      width = 0;
      strings = null;
    } else if (vector instanceof BaseFixedWidthVector f) {
      data = f.getDataBufferAddress();
      validity = f.getValidityBufferAddress();
      width = f.getTypeWidth();
      strings = null;
    } else if (vector instanceof BaseVariableWidthVector w) {
      data = 0;
      validity = 0;
      width = -1;
      strings = new VarWidthBuilder(w, n, 16L * n);
    } else {
      data = 0;
      validity = 0;
      width = -2;
      strings = null;
    }
  }

  void setNull(int row) {
    if (strings != null) {
      strings.appendNull(row);
    } else if (width == -2) {
      InternalValues.write(vector, row, null);
    }
  }

  void setInt(int row, int v) {
    MemoryUtil.putInt(data + 4L * row, v);
    Bits.set(validity, row);
  }

  void setLong(int row, long v) {
    MemoryUtil.putLong(data + 8L * row, v);
    Bits.set(validity, row);
  }

  void setDouble(int row, double v) {
    if (width == 4) {
      MemoryUtil.putInt(data + 4L * row, Float.floatToRawIntBits((float) v));
    } else {
      MemoryUtil.putLong(data + 8L * row, Double.doubleToRawLongBits(v));
    }
    Bits.set(validity, row);
  }

  void setBoolean(int row, boolean v) {
    if (v) {
      Bits.set(data, row);
    }
    Bits.set(validity, row);
  }

  void setDecimal(int row, BigDecimal v) {
    scratch.set(v.setScale(scale, RoundingMode.HALF_UP).unscaledValue()).store(data, row);
    Bits.set(validity, row);
  }

  void setString(int row, String s) {
    strings.append(row, s.getBytes(StandardCharsets.UTF_8));
  }

  void setBytes(int row, byte[] b) {
    strings.append(row, b);
  }

  void setBytes(int row, long addr, int len) {
    strings.append(row, addr, len);
  }

  VarWidthBuilder strings() {
    return strings;
  }

  /** A value in internal form, of any type. */
  void set(int row, Object value) {
    if (value == null) {
      setNull(row);
    } else if (strings != null) {
      if (value instanceof String s) {
        setString(row, s);
      } else {
        setBytes(row, (byte[]) value);
      }
    } else if (width == -2) {
      InternalValues.write(vector, row, value);
    } else if (vector instanceof BitVector) {
      setBoolean(row, (Boolean) value);
    } else if (value instanceof BigDecimal d) {
      setDecimal(row, d);
    } else if (value instanceof Double || value instanceof Float) {
      setDouble(row, ((Number) value).doubleValue());
    } else {
      long v = ((Number) value).longValue();
      switch (width) {
        case 1 -> MemoryUtil.putByte(data + row, (byte) v);
        case 2 -> MemoryUtil.putShort(data + 2L * row, (short) v);
        case 4 -> MemoryUtil.putInt(data + 4L * row, (int) v);
        default -> MemoryUtil.putLong(data + 8L * row, v);
      }
      Bits.set(validity, row);
    }
  }

  FieldVector finish() {
    finished = true;
    if (strings != null) {
      strings.finish(n);
    } else {
      vector.setValueCount(n);
    }
    return vector;
  }

  @Override
  public void close() {
    if (!finished) {
      vector.close();
    }
  }
}
