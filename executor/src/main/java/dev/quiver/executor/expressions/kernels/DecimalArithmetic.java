package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.DecimalRules;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Decimal {@code + - * / % div} with Spark's result types (see {@link DecimalRules}), rounding HALF_UP to the
 * result scale and raising NUMERIC_VALUE_OUT_OF_RANGE when the value needs more digits than the result
 * precision. Additions and multiplications that need no rounding run on unscaled longs or 128-bit integers;
 * the rest (division, scale-reducing results) go through BigDecimal with Spark's 38-digit math context.
 */
final class DecimalArithmetic extends BinaryKernel {
  private static final MathContext MC = new MathContext(DecimalType.MAX_PRECISION, RoundingMode.HALF_UP);

  private enum Path { LONG_ADD, WIDE_ADD, LONG_MUL, LONG_WIDE_MUL, WIDE_MUL, BIG }

  private final ArithmeticOp op;
  private final DecimalType lt;
  private final DecimalType rt;
  /** The decimal result (for div: the intermediate integral decimal). */
  private final DecimalType res;
  private final Path path;
  /** Spark's TRY mode: rows that would raise are null instead. */
  private final boolean tryMode;

  DecimalArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, DataType resultType) {
    this(op, left, right, resultType, false);
  }

  DecimalArithmetic(ArithmeticOp op, Evaluator left, Evaluator right, DataType resultType, boolean tryMode) {
    super(resultType, left, right);
    this.tryMode = tryMode;
    this.op = op;
    this.lt = (DecimalType) left.dataType();
    this.rt = (DecimalType) right.dataType();
    if (op == ArithmeticOp.INTEGRAL_DIVIDE) {
      int intDigits = lt.precision() - lt.scale() + rt.scale();
      this.res = DecimalRules.bounded(intDigits == 0 ? 1 : intDigits, 0);
    } else {
      this.res = (DecimalType) resultType;
    }
    this.path = choosePath();
  }

  private Path choosePath() {
    int p1 = lt.precision();
    int s1 = lt.scale();
    int p2 = rt.precision();
    int s2 = rt.scale();
    int s = res.scale();
    switch (op) {
      case ADD, SUBTRACT -> {
        if (s != Math.max(s1, s2)) {
          return Path.BIG;
        }
        if (p1 - s1 + s <= 18 && p2 - s2 + s <= 18) {
          return Path.LONG_ADD;
        }
        return p1 - s1 + s <= 37 && p2 - s2 + s <= 37 ? Path.WIDE_ADD : Path.BIG;
      }
      case MULTIPLY -> {
        if (s != s1 + s2) {
          return Path.BIG;
        }
        if (p1 + p2 <= 18) {
          return Path.LONG_MUL;
        }
        if (p1 <= 18 && p2 <= 18 && p1 + p2 <= res.precision()) {
          return Path.LONG_WIDE_MUL;
        }
        return p1 <= 18 || p2 <= 18 ? Path.WIDE_MUL : Path.BIG;
      }
      default -> {
        return Path.BIG;
      }
    }
  }

  @Override
  protected void compute(Operand l, Operand r, FieldVector out, long[] valid, int n, EvalContext ctx) {
    long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
    switch (path) {
      case LONG_ADD -> longAdd(l, r, oa, valid, n);
      case WIDE_ADD -> wideAdd(l, r, oa, valid, n);
      case LONG_MUL -> longMul(l, r, oa, n);
      case LONG_WIDE_MUL -> longWideMul(l, r, oa, n);
      case WIDE_MUL -> wideMul(l, r, oa, valid, n);
      default -> big(l, r, oa, valid, n);
    }
  }

  private void longAdd(Operand l, Operand r, long oa, long[] valid, int n) {
    long f1 = Int128.POW10[res.scale() - lt.scale()];
    long f2 = Int128.POW10[res.scale() - rt.scale()];
    boolean sub = op == ArithmeticOp.SUBTRACT;
    long limit = res.precision() >= 19 ? Long.MAX_VALUE : Int128.POW10[res.precision()];
    long la = l.data;
    long ls = l.stride;
    long ra = r.data;
    long rs = r.stride;
    boolean outOfRange = false;
    for (int i = 0; i < n; i++) {
      long x = MemoryUtil.getLong(la + ls * i) * f1;
      long y = MemoryUtil.getLong(ra + rs * i) * f2;
      long v = sub ? x - y : x + y;
      outOfRange |= v >= limit || v <= -limit;
      Int128.store(oa, i, v);
    }
    if (outOfRange && res.precision() < 19) {
      for (int i = 0; i < n; i++) {
        long v = MemoryUtil.getLong(oa + 16L * i);
        if ((v >= limit || v <= -limit) && Bits.get(valid, i)) {
          fail(valid, i, () -> AnsiErrors.decimalOutOfRange(BigDecimal.valueOf(v, res.scale()), res.precision(),
              res.scale()));
        }
      }
    }
  }

  private void wideAdd(Operand l, Operand r, long oa, long[] valid, int n) {
    int k1 = res.scale() - lt.scale();
    int k2 = res.scale() - rt.scale();
    Int128 a = new Int128();
    Int128 b = new Int128();
    for (int i = 0; i < n; i++) {
      a.load(l.data + l.stride * i, 0).scaleUp(k1);
      b.load(r.data + r.stride * i, 0).scaleUp(k2);
      if (op == ArithmeticOp.SUBTRACT) {
        a.subtract(b);
      } else {
        a.add(b);
      }
      if (!a.fitsPrecision(res.precision()) && Bits.get(valid, i)) {
        BigDecimal value = a.toBigDecimal(res.scale());
        fail(valid, i, () -> AnsiErrors.decimalOutOfRange(value, res.precision(), res.scale()));
      }
      a.store(oa, i);
    }
  }

  private void longMul(Operand l, Operand r, long oa, int n) {
    for (int i = 0; i < n; i++) {
      long x = MemoryUtil.getLong(l.data + l.stride * i);
      long y = MemoryUtil.getLong(r.data + r.stride * i);
      Int128.store(oa, i, x * y);
    }
  }

  /** Two unscaled longs whose exact 128-bit product always fits the result type. */
  private static void longWideMul(Operand l, Operand r, long oa, int n) {
    for (int i = 0; i < n; i++) {
      long x = MemoryUtil.getLong(l.data + l.stride * i);
      long y = MemoryUtil.getLong(r.data + r.stride * i);
      long a = oa + 16L * i;
      MemoryUtil.putLong(a, x * y);
      MemoryUtil.putLong(a + 8, Math.multiplyHigh(x, y));
    }
  }

  private void wideMul(Operand l, Operand r, long oa, long[] valid, int n) {
    boolean leftSmall = lt.precision() <= 18;
    Operand wide = leftSmall ? r : l;
    Operand small = leftSmall ? l : r;
    Int128 a = new Int128();
    // An exact product has at most p1 + p2 digits: when the result type holds that many, nothing can overflow.
    boolean check = lt.precision() + rt.precision() > res.precision();
    for (int i = 0; i < n; i++) {
      a.load(wide.data + wide.stride * i, 0);
      long y = MemoryUtil.getLong(small.data + small.stride * i);
      boolean fits = a.multiply(y) && (!check || a.fitsPrecision(res.precision()));
      if (!fits && Bits.get(valid, i)) {
        if (!tryMode) {
          BigDecimal exact = new Int128().load(wide.data + wide.stride * i, 0).toBigDecimal(0)
              .multiply(BigDecimal.valueOf(y)).movePointLeft(res.scale());
          throw AnsiErrors.decimalOutOfRange(exact, res.precision(), res.scale());
        }
        Bits.clear(valid, i);
      }
      a.store(oa, i);
    }
  }

  private void big(Operand l, Operand r, long oa, long[] valid, int n) {
    Int128 a = new Int128();
    for (int i = 0; i < n; i++) {
      if (!Bits.get(valid, i)) {
        continue;
      }
      BigDecimal x = a.load(l.data + l.stride * i, 0).toBigDecimal(lt.scale());
      BigDecimal y = a.load(r.data + r.stride * i, 0).toBigDecimal(rt.scale());
      BigDecimal v;
      switch (op) {
        case ADD -> v = x.add(y);
        case SUBTRACT -> v = x.subtract(y);
        case MULTIPLY -> v = x.multiply(y, MC);
        default -> {
          if (y.signum() == 0) {
            fail(valid, i, AnsiErrors::divideByZero);
            continue;
          }
          v = switch (op) {
            case DIVIDE -> x.divide(y, MC);
            case REMAINDER -> x.remainder(y, MC);
            default -> x.divideToIntegralValue(y, MC);
          };
        }
      }
      BigDecimal rounded = v.setScale(res.scale(), RoundingMode.HALF_UP);
      if (rounded.precision() > res.precision() && rounded.signum() != 0) {
        BigDecimal value = v;
        fail(valid, i, () -> AnsiErrors.decimalOutOfRange(value, res.precision(), res.scale()));
        continue;
      }
      if (op == ArithmeticOp.INTEGRAL_DIVIDE) {
        // Spark converts the integral quotient with Decimal.toLong, which keeps the low 64 bits.
        MemoryUtil.putLong(oa + 8L * i, rounded.longValue());
      } else {
        a.set(rounded.unscaledValue()).store(oa, i);
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
}
