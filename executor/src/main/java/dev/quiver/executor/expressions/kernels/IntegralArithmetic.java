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
 * int and bigint {@code + - * % div} under ANSI mode. The loops are branch-free: overflow is accumulated in a
 * flag word and, only if it is set, the batch is scanned again to find the first valid overflowing row (an
 * overflow in a null row's garbage must not fail the query).
 */
final class IntegralArithmetic extends BinaryKernel {
  private final ArithmeticOp op;
  private final boolean isLong;
  /** Spark's TRY mode: rows that would raise are null instead. */
  private final boolean tryMode;

  IntegralArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, boolean isLong) {
    this(op, left, right, isLong, false);
  }

  IntegralArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, boolean isLong, boolean tryMode) {
    super(op == ArithmeticOp.INTEGRAL_DIVIDE ? dev.quiver.sql.types.DataTypes.LongType : left.dataType(), left,
        right);
    this.op = op;
    this.isLong = isLong;
    this.tryMode = tryMode;
  }

  @Override
  protected void compute(Operand l, Operand r, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
    if (isLong) {
      computeLong(l.data, l.stride, r.data, r.stride, oa, valid, n);
    } else {
      computeInt(l.data, l.stride, r.data, r.stride, oa, valid, n);
    }
  }

  private void computeInt(long la, long ls, long ra, long rs, long oa, long[] valid, int n) {
    switch (op) {
      case ADD -> {
        int flags = 0;
        for (int i = 0; i < n; i++) {
          int x = MemoryUtil.getInt(la + ls * i);
          int y = MemoryUtil.getInt(ra + rs * i);
          int s = x + y;
          flags |= (x ^ s) & (y ^ s);
          MemoryUtil.putInt(oa + 4L * i, s);
        }
        if (flags < 0) {
          intOverflow(la, ls, ra, rs, valid, n);
        }
      }
      case SUBTRACT -> {
        int flags = 0;
        for (int i = 0; i < n; i++) {
          int x = MemoryUtil.getInt(la + ls * i);
          int y = MemoryUtil.getInt(ra + rs * i);
          int d = x - y;
          flags |= (x ^ y) & (x ^ d);
          MemoryUtil.putInt(oa + 4L * i, d);
        }
        if (flags < 0) {
          intOverflow(la, ls, ra, rs, valid, n);
        }
      }
      case MULTIPLY -> {
        long flags = 0;
        for (int i = 0; i < n; i++) {
          long p = (long) MemoryUtil.getInt(la + ls * i) * MemoryUtil.getInt(ra + rs * i);
          int v = (int) p;
          flags |= p ^ v;
          MemoryUtil.putInt(oa + 4L * i, v);
        }
        if (flags != 0) {
          intOverflow(la, ls, ra, rs, valid, n);
        }
      }
      case REMAINDER -> {
        for (int i = 0; i < n; i++) {
          int x = MemoryUtil.getInt(la + ls * i);
          int y = MemoryUtil.getInt(ra + rs * i);
          if (y == 0) {
            if (Bits.get(valid, i)) {
              fail(valid, i, AnsiErrors::divideByZero);
            }
            MemoryUtil.putInt(oa + 4L * i, 0);
          } else {
            MemoryUtil.putInt(oa + 4L * i, x % y);
          }
        }
      }
      case INTEGRAL_DIVIDE -> {
        for (int i = 0; i < n; i++) {
          int x = MemoryUtil.getInt(la + ls * i);
          int y = MemoryUtil.getInt(ra + rs * i);
          long q = 0;
          if (y == 0) {
            if (Bits.get(valid, i)) {
              fail(valid, i, AnsiErrors::divideByZero);
            }
          } else {
            q = (long) x / y;
          }
          MemoryUtil.putLong(oa + 8L * i, q);
        }
      }
      default -> throw new IllegalStateException("int operands for " + op);
    }
  }

  private void intOverflow(long la, long ls, long ra, long rs, long[] valid, int n) {
    for (int i = 0; i < n; i++) {
      if (!Bits.get(valid, i)) {
        continue;
      }
      int x = MemoryUtil.getInt(la + ls * i);
      int y = MemoryUtil.getInt(ra + rs * i);
      try {
        switch (op) {
          case ADD -> Math.addExact(x, y);
          case SUBTRACT -> Math.subtractExact(x, y);
          default -> Math.multiplyExact(x, y);
        }
      } catch (ArithmeticException e) {
        fail(valid, i, () -> AnsiErrors.overflow("integer overflow", tryFunction(op)));
      }
    }
  }

  private void computeLong(long la, long ls, long ra, long rs, long oa, long[] valid, int n) {
    switch (op) {
      case ADD -> {
        long flags = 0;
        for (int i = 0; i < n; i++) {
          long x = MemoryUtil.getLong(la + ls * i);
          long y = MemoryUtil.getLong(ra + rs * i);
          long s = x + y;
          flags |= (x ^ s) & (y ^ s);
          MemoryUtil.putLong(oa + 8L * i, s);
        }
        if (flags < 0) {
          longOverflow(la, ls, ra, rs, valid, n);
        }
      }
      case SUBTRACT -> {
        long flags = 0;
        for (int i = 0; i < n; i++) {
          long x = MemoryUtil.getLong(la + ls * i);
          long y = MemoryUtil.getLong(ra + rs * i);
          long d = x - y;
          flags |= (x ^ y) & (x ^ d);
          MemoryUtil.putLong(oa + 8L * i, d);
        }
        if (flags < 0) {
          longOverflow(la, ls, ra, rs, valid, n);
        }
      }
      case MULTIPLY -> {
        long flags = 0;
        for (int i = 0; i < n; i++) {
          long x = MemoryUtil.getLong(la + ls * i);
          long y = MemoryUtil.getLong(ra + rs * i);
          long p = x * y;
          flags |= Math.multiplyHigh(x, y) ^ (p >> 63);
          MemoryUtil.putLong(oa + 8L * i, p);
        }
        if (flags != 0) {
          longOverflow(la, ls, ra, rs, valid, n);
        }
      }
      case REMAINDER -> {
        for (int i = 0; i < n; i++) {
          long x = MemoryUtil.getLong(la + ls * i);
          long y = MemoryUtil.getLong(ra + rs * i);
          if (y == 0) {
            if (Bits.get(valid, i)) {
              fail(valid, i, AnsiErrors::divideByZero);
            }
            MemoryUtil.putLong(oa + 8L * i, 0);
          } else {
            MemoryUtil.putLong(oa + 8L * i, x % y);
          }
        }
      }
      case INTEGRAL_DIVIDE -> {
        for (int i = 0; i < n; i++) {
          long x = MemoryUtil.getLong(la + ls * i);
          long y = MemoryUtil.getLong(ra + rs * i);
          long q = 0;
          if (y == 0 || (y == -1 && x == Long.MIN_VALUE)) {
            if (Bits.get(valid, i)) {
              fail(valid, i, () -> y == 0 ? AnsiErrors.divideByZero()
                  : AnsiErrors.overflow("Overflow in integral divide", "try_divide"));
            }
          } else {
            q = x / y;
          }
          MemoryUtil.putLong(oa + 8L * i, q);
        }
      }
      default -> throw new IllegalStateException("bigint operands for " + op);
    }
  }

  private void longOverflow(long la, long ls, long ra, long rs, long[] valid, int n) {
    for (int i = 0; i < n; i++) {
      if (!Bits.get(valid, i)) {
        continue;
      }
      long x = MemoryUtil.getLong(la + ls * i);
      long y = MemoryUtil.getLong(ra + rs * i);
      try {
        switch (op) {
          case ADD -> Math.addExact(x, y);
          case SUBTRACT -> Math.subtractExact(x, y);
          default -> Math.multiplyExact(x, y);
        }
      } catch (ArithmeticException e) {
        fail(valid, i, () -> AnsiErrors.overflow("long overflow", tryFunction(op)));
      }
    }
  }

  /** Row i would raise {@code error}: under TRY mode it becomes null, otherwise the error is thrown. */
  private void fail(long[] valid, int i, java.util.function.Supplier<RuntimeException> error) {
    if (!tryMode) {
      throw error.get();
    }
    Bits.clear(valid, i);
  }

  static String tryFunction(ArithmeticOp op) {
    return switch (op) {
      case ADD -> "try_add";
      case SUBTRACT -> "try_subtract";
      case MULTIPLY -> "try_multiply";
      default -> "try_divide";
    };
  }
}
