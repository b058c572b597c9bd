package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * One input of a kernel for the current batch: a vector, or a constant. A fixed-width constant is written
 * once into a 16-byte scratch buffer and read with stride 0, so one loop serves column-op-column and
 * column-op-constant without broadcasting the constant into a vector. Variable-width constants are kept as
 * bytes.
 */
public final class Operand implements AutoCloseable {
  /** The evaluated vector, or null for a constant. */
  public final FieldVector vector;
  /** Address of row 0's value (fixed width). */
  public final long data;
  /** Bytes between rows: the type width, or 0 for a constant. */
  public final long stride;
  /** Offsets address of a variable-width vector. */
  public final long offsets;
  /** The constant in internal form (null when this is a vector or a null constant). */
  public final Object constant;
  /** A variable-width constant's bytes. */
  public final byte[] constantBytes;
  /** Validity words of a vector; null for a constant (valid on every row). */
  public final long[] valid;
  private final boolean nullConstant;
  private final ArrowBuf scratch;

  private Operand(FieldVector vector, long data, long stride, long offsets, Object constant, byte[] constantBytes,
      long[] valid, boolean nullConstant, ArrowBuf scratch) {
    this.vector = vector;
    this.data = data;
    this.stride = stride;
    this.offsets = offsets;
    this.constant = constant;
    this.constantBytes = constantBytes;
    this.valid = valid;
    this.nullConstant = nullConstant;
    this.scratch = scratch;
  }

  /** Evaluates {@code e} on {@code input} (rows > 0), or takes its constant. */
  public static Operand of(Evaluator e, Batch input, EvalContext ctx) {
    int n = input.rowCount();
    DataType type = e.dataType();
    if (e.isConstant()) {
      Object c = e.constant(ctx);
      if (c == null) {
        return new Operand(null, 0, 0, 0, null, null, null, true, null);
      }
      if (type instanceof StringType || type instanceof BinaryType) {
        byte[] bytes = c instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) c;
        return new Operand(null, 0, 0, 0, c, bytes, null, false, null);
      }
      if (!isFixedWidth(type)) {
        return new Operand(null, 0, 0, 0, c, null, null, false, null);
      }
      ArrowBuf buf = ctx.allocator().buffer(16);
      try {
        writeConstant(buf.memoryAddress(), type, c);
      } catch (RuntimeException | Error ex) {
        buf.close();
        throw ex;
      }
      return new Operand(null, buf.memoryAddress(), 0, 0, c, null, null, false, buf);
    }
    FieldVector v = e.evaluate(input, ctx);
    try {
      if (v instanceof NullVector) {
        v.close();
        return new Operand(null, 0, 0, 0, null, null, null, true, null);
      }
      long[] valid = Bits.validity(v, n);
      if (v instanceof BaseVariableWidthVector w) {
        return new Operand(v, w.getDataBufferAddress(), 0, w.getOffsetBufferAddress(), null, null, valid, false, null);
      }
      if (v instanceof BaseFixedWidthVector f) {
        return new Operand(v, f.getDataBufferAddress(), f.getTypeWidth(), 0, null, null, valid, false, null);
      }
      return new Operand(v, 0, 0, 0, null, null, valid, false, null);
    } catch (RuntimeException | Error ex) {
      v.close();
      throw ex;
    }
  }

  private static boolean isFixedWidth(DataType t) {
    return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType
        || t instanceof FloatType || t instanceof DoubleType || t instanceof DateType || t instanceof TimestampType
        || t instanceof TimestampNTZType || t instanceof DecimalType;
  }

  private static void writeConstant(long addr, DataType type, Object c) {
    if (type instanceof ByteType) {
      MemoryUtil.putByte(addr, ((Number) c).byteValue());
    } else if (type instanceof ShortType) {
      MemoryUtil.putShort(addr, ((Number) c).shortValue());
    } else if (type instanceof IntegerType || type instanceof DateType) {
      MemoryUtil.putInt(addr, ((Number) c).intValue());
    } else if (type instanceof FloatType) {
      MemoryUtil.putInt(addr, Float.floatToRawIntBits(((Number) c).floatValue()));
    } else if (type instanceof DoubleType) {
      MemoryUtil.putLong(addr, Double.doubleToRawLongBits(((Number) c).doubleValue()));
    } else if (type instanceof DecimalType d) {
      BigDecimal v = ((BigDecimal) c).setScale(d.scale(), RoundingMode.HALF_UP);
      new Int128().set(v.unscaledValue()).store(addr, 0);
    } else {
      MemoryUtil.putLong(addr, ((Number) c).longValue());
    }
  }

  /** A constant SQL NULL (or an all-null vector of NullType): the result of a null-intolerant op is null. */
  public boolean isNull() {
    return nullConstant;
  }

  public boolean isConstant() {
    return vector == null;
  }

  /** Whether row i is valid. */
  public boolean isValid(int i) {
    return valid == null ? !nullConstant : Bits.get(valid, i);
  }

  /** The row validity of a null-intolerant operation over these operands (a fresh array). */
  public static long[] and(int n, Operand... ops) {
    long[] out = new long[Math.max(Bits.words(n), 1)];
    Bits.setAll(out, n);
    for (Operand o : ops) {
      if (o.valid != null) {
        for (int w = 0; w < out.length; w++) {
          out[w] &= o.valid[w];
        }
      }
    }
    return out;
  }

  /** Start byte offset of row i of a variable-width vector. */
  public int start(int i) {
    return MemoryUtil.getInt(offsets + 4L * i);
  }

  public int end(int i) {
    return MemoryUtil.getInt(offsets + 4L * (i + 1));
  }

  @Override
  public void close() {
    if (vector != null) {
      vector.close();
    }
    if (scratch != null) {
      scratch.close();
    }
  }
}
