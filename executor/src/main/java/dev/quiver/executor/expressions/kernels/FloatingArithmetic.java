package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.planner.expressions.ArithmeticOp;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * double and float arithmetic: + - * follow IEEE 754 (no overflow errors, as in Spark); / and % raise
 * DIVIDE_BY_ZERO for a zero divisor under ANSI mode, also for 1.0 / 0.
 */
final class FloatingArithmetic extends BinaryKernel {
  private final ArithmeticOp op;
  private final boolean isFloat;
  /** Spark's TRY mode: a zero divisor gives null instead of DIVIDE_BY_ZERO. */
  private final boolean tryMode;

  FloatingArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, boolean isFloat) {
    this(op, left, right, isFloat, false);
  }

  FloatingArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, boolean isFloat, boolean tryMode) {
    super(left.dataType(), left, right);
    this.op = op;
    this.isFloat = isFloat;
    this.tryMode = tryMode;
  }

  @Override
  protected void compute(Operand l, Operand r, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
    if (isFloat) {
      computeFloat(l.data, l.stride, r.data, r.stride, oa, valid, n);
    } else {
      computeDouble(l.data, l.stride, r.data, r.stride, oa, valid, n);
    }
  }

  private static double d(long addr) {
    return Double.longBitsToDouble(MemoryUtil.getLong(addr));
  }

  private static void put(long addr, double v) {
    MemoryUtil.putLong(addr, Double.doubleToRawLongBits(v));
  }

  private void computeDouble(long la, long ls, long ra, long rs, long oa, long[] valid, int n) {
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          put(oa + 8L * i, d(la + ls * i) + d(ra + rs * i));
        }
      }
      case SUBTRACT -> {
        for (int i = 0; i < n; i++) {
          put(oa + 8L * i, d(la + ls * i) - d(ra + rs * i));
        }
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) {
          put(oa + 8L * i, d(la + ls * i) * d(ra + rs * i));
        }
      }
      case DIVIDE, REMAINDER -> {
        boolean divide = op == ArithmeticOp.DIVIDE;
        for (int i = 0; i < n; i++) {
          double x = d(la + ls * i);
          double y = d(ra + rs * i);
          if (y == 0 && Bits.get(valid, i)) {
            if (!tryMode) {
              throw AnsiErrors.divideByZero();
            }
            Bits.clear(valid, i);
          }
          put(oa + 8L * i, divide ? x / y : x % y);
        }
      }
      default -> throw new IllegalStateException("double operands for " + op);
    }
  }

  private static float f(long addr) {
    return Float.intBitsToFloat(MemoryUtil.getInt(addr));
  }

  private static void put(long addr, float v) {
    MemoryUtil.putInt(addr, Float.floatToRawIntBits(v));
  }

  private void computeFloat(long la, long ls, long ra, long rs, long oa, long[] valid, int n) {
    for (int i = 0; i < n; i++) {
      float x = f(la + ls * i);
      float y = f(ra + rs * i);
      float v;
      switch (op) {
        case ADD -> v = x + y;
        case SUBTRACT -> v = x - y;
        case MULTIPLY -> v = x * y;
        case DIVIDE, REMAINDER -> {
          if (y == 0 && Bits.get(valid, i)) {
            if (!tryMode) {
              throw AnsiErrors.divideByZero();
            }
            Bits.clear(valid, i);
          }
          v = op == ArithmeticOp.DIVIDE ? x / y : x % y;
        }
        default -> throw new IllegalStateException("float operands for " + op);
      }
      put(oa + 4L * i, v);
    }
  }
}
