package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Unary minus and abs. Negating (or taking abs of) the minimum integer overflows: Spark raises
 * ARITHMETIC_OVERFLOW ({@code integer overflow} / {@code long overflow}; for tinyint and smallint
 * {@code - -128 caused overflow}). Floating values and decimals never overflow here.
 */
public final class Negation extends UnaryKernel {
  private final boolean abs;

  private Negation(Evaluator child, boolean abs) {
    super(child.dataType(), child);
    this.abs = abs;
  }

  public static Evaluator unaryMinus(Evaluator child) {
    return child.dataType() instanceof NullType ? new Arithmetic.AllNull(child.dataType()) : new Negation(child, false);
  }

  public static Evaluator abs(Evaluator child) {
    return child.dataType() instanceof NullType ? new Arithmetic.AllNull(child.dataType()) : new Negation(child, true);
  }

  @Override
  protected void compute(Operand c, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
    long a = c.data;
    long s = c.stride;
    DataType t = dataType();
    if (t instanceof IntegerType) {
      boolean overflow = false;
      for (int i = 0; i < n; i++) {
        int x = MemoryUtil.getInt(a + s * i);
        overflow |= x == Integer.MIN_VALUE;
        MemoryUtil.putInt(oa + 4L * i, abs && x >= 0 ? x : -x);
      }
      if (overflow) {
        checkMin(a, s, valid, n, 4, Integer.MIN_VALUE, "integer overflow");
      }
    } else if (t instanceof LongType) {
      boolean overflow = false;
      for (int i = 0; i < n; i++) {
        long x = MemoryUtil.getLong(a + s * i);
        overflow |= x == Long.MIN_VALUE;
        MemoryUtil.putLong(oa + 8L * i, abs && x >= 0 ? x : -x);
      }
      if (overflow) {
        checkMin(a, s, valid, n, 8, Long.MIN_VALUE, "long overflow");
      }
    } else if (t instanceof DoubleType) {
      for (int i = 0; i < n; i++) {
        double x = Double.longBitsToDouble(MemoryUtil.getLong(a + s * i));
        MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits(abs ? Math.abs(x) : -x));
      }
    } else if (t instanceof FloatType) {
      for (int i = 0; i < n; i++) {
        float x = Float.intBitsToFloat(MemoryUtil.getInt(a + s * i));
        MemoryUtil.putInt(oa + 4L * i, Float.floatToRawIntBits(abs ? Math.abs(x) : -x));
      }
    } else if (t instanceof ShortType) {
      for (int i = 0; i < n; i++) {
        short x = MemoryUtil.getShort(a + s * i);
        if (x == Short.MIN_VALUE && Bits.get(valid, i)) {
          throw AnsiErrors.overflow("- " + x + " caused overflow", "");
        }
        MemoryUtil.putShort(oa + 2L * i, (short) (abs && x >= 0 ? x : -x));
      }
    } else if (t instanceof ByteType) {
      for (int i = 0; i < n; i++) {
        byte x = MemoryUtil.getByte(a + s * i);
        if (x == Byte.MIN_VALUE && Bits.get(valid, i)) {
          throw AnsiErrors.overflow("- " + x + " caused overflow", "");
        }
        MemoryUtil.putByte(oa + i, (byte) (abs && x >= 0 ? x : -x));
      }
    } else if (t instanceof DecimalType) {
      Int128 v = new Int128();
      for (int i = 0; i < n; i++) {
        v.load(a + s * i, 0);
        if (!abs || v.isNegative()) {
          v.negate();
        }
        v.store(oa, i);
      }
    } else {
      throw new IllegalStateException("Cannot negate " + t.simpleString());
    }
  }

  private static void checkMin(long a, long s, long[] valid, int n, int width, long min, String message) {
    for (int i = 0; i < n; i++) {
      long x = width == 4 ? MemoryUtil.getInt(a + s * i) : MemoryUtil.getLong(a + s * i);
      if (x == min && Bits.get(valid, i)) {
        throw AnsiErrors.overflow(message, "");
      }
    }
  }
}
