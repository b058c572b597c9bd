package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.kernels.Negation;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.kernels.UnaryKernel;
import dev.quiver.executor.expressions.kernels.ValueOrdering;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Rows;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Spark's math functions. round/bround go through BigDecimal as Spark does (so round(2.5) is 3.0 and
 * round(-2.5) is -3.0, bround(2.5) is 2.0); ln/log10/log2 are null for x <= 0; sqrt of a negative is NaN;
 * greatest/least skip nulls and order NaN above every number.
 */
final class MathFunctions {
  private MathFunctions() {}

  private enum Unary { SQRT, CBRT, EXP, LN, LOG10, LOG2, SIGNUM }

  static void register(Map<String, FunctionFactory> r) {
    r.put("abs", (f, cc) -> Negation.abs(cc.compile(f.args().get(0))));
    r.put("round", (f, cc) -> round(f, cc, RoundingMode.HALF_UP));
    r.put("bround", (f, cc) -> round(f, cc, RoundingMode.HALF_EVEN));
    r.put("floor", (f, cc) -> new FloorCeil(cc.compile(f.args().get(0)), f.dataType(), true));
    r.put("ceil", (f, cc) -> new FloorCeil(cc.compile(f.args().get(0)), f.dataType(), false));
    r.put("sqrt", (f, cc) -> new DoubleUnary(cc.compile(f.args().get(0)), Unary.SQRT));
    r.put("cbrt", (f, cc) -> new DoubleUnary(cc.compile(f.args().get(0)), Unary.CBRT));
    r.put("exp", (f, cc) -> new DoubleUnary(cc.compile(f.args().get(0)), Unary.EXP));
    r.put("ln", (f, cc) -> new DoubleUnary(cc.compile(f.args().get(0)), Unary.LN));
    r.put("log10", (f, cc) -> new DoubleUnary(cc.compile(f.args().get(0)), Unary.LOG10));
    r.put("log2", (f, cc) -> new DoubleUnary(cc.compile(f.args().get(0)), Unary.LOG2));
    r.put("signum", (f, cc) -> new DoubleUnary(cc.compile(f.args().get(0)), Unary.SIGNUM));
    r.put("pow", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setDouble(i, Math.pow(in.getDouble(0, i), in.getDouble(1, i)))));
    r.put("isnan", (f, cc) -> new IsNaN(cc.compile(f.args().get(0))));
    r.put("nanvl", (f, cc) -> new NaNvl(cc.compile(f.args().get(0)), cc.lazy(f.args().get(1))));
    r.put("greatest", (f, cc) -> new Extreme(FunctionFactory.compileArgs(f, cc), f.dataType(), true));
    r.put("least", (f, cc) -> new Extreme(FunctionFactory.compileArgs(f, cc), f.dataType(), false));
  }

  private static Evaluator round(ScalarFunction f, ChildCompiler cc, RoundingMode mode) {
    DataType in = f.args().get(0).dataType();
    DataType result = f.dataType();
    return FunctionFactory.rows(f, cc, (i, a, out, ctx) -> {
      int scale = a.getInt(1, i);
      if (in instanceof DoubleType || in instanceof FloatType) {
        double d = a.getDouble(0, i);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          out.setDouble(i, d);
        } else {
          // Spark rounds the decimal text of the value (BigDecimal(d) in Scala), not its binary expansion.
          out.setDouble(i, new BigDecimal(Double.toString(d)).setScale(scale, mode).doubleValue());
        }
      } else if (in instanceof DecimalType) {
        BigDecimal d = a.getDecimal(0, i);
        int target = ((DecimalType) result).scale();
        BigDecimal r = d.setScale(Math.min(scale, ((DecimalType) in).scale()), mode).setScale(target, mode);
        if (r.precision() > ((DecimalType) result).precision() && r.signum() != 0) {
          throw AnsiErrors.decimalOutOfRange(r, ((DecimalType) result).precision(), target);
        }
        out.setDecimal(i, r);
      } else {
        long v = in instanceof LongType ? a.getLong(0, i) : in instanceof IntegerType ? a.getInt(0, i)
            : in instanceof ShortType ? MemoryUtil.getShort(a.operand(0).data + a.operand(0).stride * i)
            : MemoryUtil.getByte(a.operand(0).data + a.operand(0).stride * i);
        if (scale >= 0) {
          out.set(i, v);
          return;
        }
        BigDecimal r = BigDecimal.valueOf(v).setScale(scale, mode);
        try {
          long rounded = in instanceof LongType ? r.longValueExact() : in instanceof IntegerType ? r.intValueExact()
              : in instanceof ShortType ? r.shortValueExact() : r.byteValueExact();
          out.set(i, rounded);
        } catch (ArithmeticException e) {
          throw AnsiErrors.overflow("Overflow", "");
        }
      }
    });
  }

  /** floor/ceil: double to bigint (saturating, as Spark's toLong), decimal to decimal(p-s+1, 0). */
  private static final class FloorCeil extends UnaryKernel {
    private final boolean floor;

    FloorCeil(Evaluator child, DataType result, boolean floor) {
      super(result, child);
      this.floor = floor;
    }

    @Override
    protected void compute(Operand c, FieldVector out, long[] valid, int n, EvalContext ctx) {
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      DataType in = child.dataType();
      if (in instanceof DoubleType) {
        for (int i = 0; i < n; i++) {
          double x = Double.longBitsToDouble(MemoryUtil.getLong(c.data + c.stride * i));
          MemoryUtil.putLong(oa + 8L * i, (long) (floor ? Math.floor(x) : Math.ceil(x)));
        }
      } else if (in instanceof DecimalType d) {
        dev.quiver.executor.expressions.vectors.Int128 x = new dev.quiver.executor.expressions.vectors.Int128();
        for (int i = 0; i < n; i++) {
          if (!Bits.get(valid, i)) {
            continue;
          }
          BigDecimal v = x.load(c.data + c.stride * i, 0).toBigDecimal(d.scale())
              .setScale(0, floor ? RoundingMode.FLOOR : RoundingMode.CEILING);
          x.set(v.unscaledValue()).store(oa, i);
        }
      } else {
        int width = in instanceof LongType ? 8 : in instanceof IntegerType ? 4 : in instanceof ShortType ? 2 : 1;
        for (int i = 0; i < n; i++) {
          long a = c.data + c.stride * i;
          long v = switch (width) {
            case 8 -> MemoryUtil.getLong(a);
            case 4 -> MemoryUtil.getInt(a);
            case 2 -> MemoryUtil.getShort(a);
            default -> MemoryUtil.getByte(a);
          };
          MemoryUtil.putLong(oa + 8L * i, v);
        }
      }
    }
  }

  /** One-argument double functions, one loop per function. */
  private static final class DoubleUnary extends UnaryKernel {
    private final Unary op;

    DoubleUnary(Evaluator child, Unary op) {
      super(DataTypes.DoubleType, child);
      this.op = op;
    }

    @Override
    protected void compute(Operand c, FieldVector out, long[] valid, int n, EvalContext ctx) {
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      long a = c.data;
      long s = c.stride;
      for (int i = 0; i < n; i++) {
        double x = Double.longBitsToDouble(MemoryUtil.getLong(a + s * i));
        double v;
        switch (op) {
          case SQRT -> v = Math.sqrt(x);
          case CBRT -> v = Math.cbrt(x);
          case EXP -> v = Math.exp(x);
          case SIGNUM -> v = Math.signum(x);
          default -> {
            if (x <= 0) {
              // Spark's logarithms are null at and below their asymptote.
              Bits.clear(valid, i);
              v = 0;
            } else {
              v = op == Unary.LN ? Math.log(x) : op == Unary.LOG10 ? Math.log10(x) : Math.log(x) / Math.log(2);
            }
          }
        }
        MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits(v));
      }
    }
  }

  /** isnan: false for null, never null. */
  private static final class IsNaN extends Evaluator {
    private final Evaluator child;

    IsNaN(Evaluator child) {
      super(DataTypes.BooleanType);
      this.child = child;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      int words = Math.max(Bits.words(n), 1);
      long[] value = new long[words];
      long[] all = new long[words];
      Bits.setAll(all, n);
      if (n > 0) {
        try (Operand c = Operand.of(child, input, ctx)) {
          if (!c.isNull()) {
            boolean isFloat = child.dataType() instanceof FloatType;
            for (int i = 0; i < n; i++) {
              long a = c.data + c.stride * i;
              boolean nan = isFloat ? Float.isNaN(Float.intBitsToFloat(MemoryUtil.getInt(a)))
                  : Double.isNaN(Double.longBitsToDouble(MemoryUtil.getLong(a)));
              if (nan && c.isValid(i)) {
                Bits.set(value, i);
              }
            }
          }
        }
      }
      return Results.bits(all, value, n, ctx.allocator());
    }

    @Override
    public void close() {
      child.close();
    }
  }

  /** nanvl(a, b): a unless it is NaN, then b (evaluated only for those rows); null if a is null. */
  private static final class NaNvl extends Evaluator {
    private final Evaluator left;
    private final LazyChild right;

    NaNvl(Evaluator left, LazyChild right) {
      super(left.dataType());
      this.left = left;
      this.right = right;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      try (FieldVector l = left.evaluate(input, ctx)) {
        if (n == 0 || !(l instanceof BaseFixedWidthVector f)) {
          return Results.nulls(dataType(), n, ctx.allocator());
        }
        boolean isFloat = dataType() instanceof FloatType;
        long va = f.getValidityBufferAddress();
        long da = f.getDataBufferAddress();
        long[] nan = new long[Math.max(Bits.words(n), 1)];
        for (int i = 0; i < n; i++) {
          boolean isNan = isFloat ? Float.isNaN(Float.intBitsToFloat(MemoryUtil.getInt(da + 4L * i)))
              : Double.isNaN(Double.longBitsToDouble(MemoryUtil.getLong(da + 8L * i)));
          if (isNan && Bits.get(va, i)) {
            Bits.set(nan, i);
          }
        }
        int k = Bits.count(nan, n);
        int[] srcId = new int[n];
        int[] srcRow = new int[n];
        for (int i = 0; i < n; i++) {
          srcRow[i] = i;
        }
        if (k == 0) {
          return Rows.assemble(dataType(), new FieldVector[] {l}, srcId, srcRow, n, ctx.allocator());
        }
        int[] idx = new int[k];
        Bits.indices(nan, n, idx);
        try (LazyChild.Partial p = right.on(input, ctx, k == n ? null : idx, k)) {
          for (int j = 0; j < k; j++) {
            srcId[idx[j]] = 1;
            srcRow[idx[j]] = p.row(j, k == n ? null : idx);
          }
          return Rows.assemble(dataType(), new FieldVector[] {l, p.vector()}, srcId, srcRow, n, ctx.allocator());
        }
      }
    }

    @Override
    public void close() {
      left.close();
      right.close();
    }
  }

  /** greatest / least over values of one type, skipping nulls. */
  private static final class Extreme extends Evaluator {
    private final Evaluator[] args;
    private final boolean greatest;

    Extreme(Evaluator[] args, DataType type, boolean greatest) {
      super(type);
      this.args = args;
      this.greatest = greatest;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      FieldVector[] vs = new FieldVector[args.length];
      try {
        for (int a = 0; a < args.length; a++) {
          vs[a] = args[a].evaluate(input, ctx);
        }
        DataType t = dataType();
        int[] srcId = new int[n];
        int[] srcRow = new int[n];
        boolean numeric = t instanceof IntegerType || t instanceof DateType || t instanceof LongType
            || t instanceof TimestampType || t instanceof TimestampNTZType || t instanceof DoubleType
            || t instanceof ShortType || t instanceof ByteType || t instanceof FloatType;
        long[] valid = new long[args.length];
        for (int a = 0; a < args.length; a++) {
          valid[a] = Bits.validityAddress(vs[a]);
        }
        for (int i = 0; i < n; i++) {
          int best = -1;
          double bestD = 0;
          long bestL = 0;
          Object bestO = null;
          for (int a = 0; a < vs.length; a++) {
            if (valid[a] == 0 || !Bits.get(valid[a], i)) {
              continue;
            }
            boolean better;
            if (numeric) {
              long addr = ((BaseFixedWidthVector) vs[a]).getDataBufferAddress();
              if (t instanceof DoubleType || t instanceof FloatType) {
                double x = t instanceof DoubleType ? Double.longBitsToDouble(MemoryUtil.getLong(addr + 8L * i))
                    : Float.intBitsToFloat(MemoryUtil.getInt(addr + 4L * i));
                int c = best < 0 ? 1 : (x == bestD ? 0 : Double.compare(x, bestD));
                better = best < 0 || (greatest ? c > 0 : c < 0);
                if (better) {
                  bestD = x;
                }
              } else {
                int w = ((BaseFixedWidthVector) vs[a]).getTypeWidth();
                long x = w == 8 ? MemoryUtil.getLong(addr + 8L * i) : w == 4 ? MemoryUtil.getInt(addr + 4L * i)
                    : w == 2 ? MemoryUtil.getShort(addr + 2L * i) : MemoryUtil.getByte(addr + i);
                better = best < 0 || (greatest ? x > bestL : x < bestL);
                if (better) {
                  bestL = x;
                }
              }
            } else {
              Object x = InternalValues.read(vs[a], i);
              int c = best < 0 ? 1 : ValueOrdering.compare(x, bestO, t);
              better = best < 0 || (greatest ? c > 0 : c < 0);
              if (better) {
                bestO = x;
              }
            }
            if (better) {
              best = a;
            }
          }
          srcId[i] = best;
          srcRow[i] = i;
        }
        return Rows.assemble(t, vs, srcId, srcRow, n, ctx.allocator());
      } finally {
        for (FieldVector v : vs) {
          if (v != null) {
            v.close();
          }
        }
      }
    }

    @Override
    public void close() {
      for (Evaluator a : args) {
        a.close();
      }
    }
  }
}
