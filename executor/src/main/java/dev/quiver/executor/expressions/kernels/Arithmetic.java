package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;

/** Picks the kernel for a binary arithmetic operator from its (analyzer-unified) operand types. */
public final class Arithmetic {
  private Arithmetic() {}

  public static Evaluator compile(ArithmeticOp op, Evaluator left, Evaluator right, DataType resultType) {
    return compile(op, left, right, resultType, false);
  }

  /**
   * The operator in Spark's TRY mode (try_add, try_divide, ...): a row whose result would raise an ANSI error
   * (overflow, division by zero, a decimal out of range) is null instead. Errors of the operands still raise.
   */
  public static Evaluator compileTry(ArithmeticOp op, Evaluator left, Evaluator right, DataType resultType) {
    return compile(op, left, right, resultType, true);
  }

  private static Evaluator compile(ArithmeticOp op, Evaluator left, Evaluator right, DataType resultType,
      boolean tryMode) {
    DataType t = left.dataType();
    if (t instanceof DecimalType && right.dataType() instanceof DecimalType) {
      return new DecimalArithmetic(op, left, right, resultType, tryMode);
    }
    if (t instanceof IntegerType) {
      return new IntegralArithmetic(op, left, right, false, tryMode);
    }
    if (t instanceof LongType) {
      return new IntegralArithmetic(op, left, right, true, tryMode);
    }
    if (t instanceof DoubleType) {
      return new FloatingArithmetic(op, left, right, false, tryMode);
    }
    if (t instanceof FloatType) {
      return new FloatingArithmetic(op, left, right, true, tryMode);
    }
    if (t instanceof ByteType) {
      return new SmallIntArithmetic(op, left, right, 1, tryMode);
    }
    if (t instanceof ShortType) {
      return new SmallIntArithmetic(op, left, right, 2, tryMode);
    }
    if (t instanceof NullType) {
      return new AllNull(resultType);
    }
    throw new IllegalArgumentException("No arithmetic kernel for " + t.simpleString() + " " + op.symbol() + " "
        + right.dataType().simpleString());
  }

  /** An operator over NULL literals: null on every row. */
  static final class AllNull extends Evaluator {
    AllNull(DataType type) {
      super(type);
    }

    @Override
    public org.apache.arrow.vector.FieldVector evaluate(dev.quiver.executor.batch.Batch input,
        dev.quiver.executor.expressions.EvalContext ctx) {
      return Results.nulls(dataType(), input.rowCount(), ctx.allocator());
    }
  }
}
