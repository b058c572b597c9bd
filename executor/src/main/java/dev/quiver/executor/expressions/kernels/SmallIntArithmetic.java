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
 * tinyint and smallint arithmetic. Spark computes these in int and raises BINARY_ARITHMETIC_OVERFLOW, naming
 * both operands, when the result leaves the type's range.
 */
final class SmallIntArithmetic extends BinaryKernel {
  private final ArithmeticOp op;
  private final int width;
  /** Spark's TRY mode: rows that would raise are null instead. */
  private final boolean tryMode;

  SmallIntArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, int width) {
    this(op, left, right, width, false);
  }

  SmallIntArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, int width, boolean tryMode) {
    super(left.dataType(), left, right);
    this.op = op;
    this.width = width;
    this.tryMode = tryMode;
  }

  private int read(long addr) {
    return width == 1 ? MemoryUtil.getByte(addr) : MemoryUtil.getShort(addr);
  }

  @Override
  protected void compute(Operand l, Operand r, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
    int min = width == 1 ? Byte.MIN_VALUE : Short.MIN_VALUE;
    int max = width == 1 ? Byte.MAX_VALUE : Short.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      int x = read(l.data + l.stride * i);
      int y = read(r.data + r.stride * i);
      boolean ok = Bits.get(valid, i);
      int v;
      switch (op) {
        case ADD -> v = x + y;
        case SUBTRACT -> v = x - y;
        case MULTIPLY -> v = x * y;
        case REMAINDER -> {
          if (y == 0) {
            if (ok && !tryMode) {
              throw AnsiErrors.divideByZero();
            }
            Bits.clear(valid, i);
            v = 0;
          } else {
            v = x % y;
          }
        }
        default -> throw new IllegalStateException(width + "-byte operands for " + op);
      }
      if ((v < min || v > max) && ok) {
        if (!tryMode) {
          throw AnsiErrors.binaryOverflow(x + "S", op.symbol(), y + "S", IntegralArithmetic.tryFunction(op));
        }
        Bits.clear(valid, i);
      }
      if (width == 1) {
        MemoryUtil.putByte(oa + i, (byte) v);
      } else {
        MemoryUtil.putShort(oa + 2L * i, (short) v);
      }
    }
  }
}
