package dev.quiver.executor.expressions.cast;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.Evaluators;
import dev.quiver.executor.expressions.TryEvaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.VarWidthBuilder;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Chooses the cast kernel for a (from, to) pair; the analyzer has already checked the pair is allowed. */
public final class Casts {
  private Casts() {}

  public static Evaluator compile(Evaluator child, DataType from, DataType to) {
    if (from.equals(to)) {
      return child;
    }
    if (from instanceof NullType) {
      return new NullCast(child, to);
    }
    if (to instanceof StringType) {
      return new ToStringCast(child, from);
    }
    if (from instanceof StringType) {
      return new FromStringCast(child, to);
    }
    if (DateTimeCasts.handles(from, to)) {
      return new DateTimeCasts(child, from, to);
    }
    if (NumericCasts.handles(from, to)) {
      return new NumericCasts(child, from, to);
    }
    if (to instanceof BinaryType && (from instanceof ByteType || from instanceof ShortType
        || from instanceof IntegerType || from instanceof LongType)) {
      return new IntegralToBinary(child, from);
    }
    if (ComplexCasts.handles(from, to)) {
      return new ComplexCasts(child, from, to);
    }
    throw new IllegalArgumentException("Cannot cast " + from.simpleString() + " to " + to.simpleString());
  }

  /**
   * Spark's try_cast: a value that cannot be cast (malformed text, overflow) is null instead of an error.
   * Casts from strings and among numbers do this natively per row; other casts go through a
   * {@link TryEvaluator}, which nulls the whole value of a row whose cast raises (an array with one bad
   * element is null, as in Spark).
   */
  public static Evaluator compileTry(Evaluator child, DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType || to instanceof StringType) {
      return compile(child, from, to);
    }
    if (from instanceof StringType && FromStringCast.handles(to)) {
      return new FromStringCast(child, to, true);
    }
    if (!DateTimeCasts.handles(from, to) && NumericCasts.handles(from, to)) {
      return new NumericCasts(child, from, to, true);
    }
    return new TryEvaluator(overColumn(from, to), child);
  }

  /** A cast of input column 0, for casting the elements of nested values. */
  static Evaluator overColumn(DataType from, DataType to) {
    return compile(Evaluators.column(0, from), from, to);
  }

  /** NULL (of NullType) is null of any type. */
  private static final class NullCast extends Evaluator {
    private final Evaluator child;

    NullCast(Evaluator child, DataType to) {
      super(to);
      this.child = child;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      return Results.nulls(dataType(), input.rowCount(), ctx.allocator());
    }

    @Override
    public void close() {
      child.close();
    }
  }

  /** Integers as their big-endian two's-complement bytes (Spark's NumberConverter.toBinary). */
  private static final class IntegralToBinary extends CastKernel {
    IntegralToBinary(Evaluator child, DataType from) {
      super(child, from, DataTypes.BinaryType);
    }

    @Override
    protected FieldVector convert(FieldVector src, int n, EvalContext ctx) {
      int width = from instanceof ByteType ? 1 : from instanceof ShortType ? 2 : from instanceof IntegerType ? 4 : 8;
      long[] v = NumericCasts.readLongs(src, n);
      long[] valid = Bits.validity(src, n);
      BaseVariableWidthVector out = (BaseVariableWidthVector) Results.allocate(DataTypes.BinaryType, n,
          ctx.allocator());
      try {
        VarWidthBuilder b = new VarWidthBuilder(out, n, (long) width * n);
        byte[] bytes = new byte[width];
        for (int i = 0; i < n; i++) {
          if (!Bits.get(valid, i)) {
            b.appendNull(i);
            continue;
          }
          for (int k = 0; k < width; k++) {
            bytes[k] = (byte) (v[i] >>> (8 * (width - 1 - k)));
          }
          b.append(i, bytes);
        }
        b.finish(n);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }
  }
}
