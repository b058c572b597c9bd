package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
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
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code = <=> < <= > >=} on every type. Each type family has one loop that produces two bitmaps, "less" and
 * "equal", 64 rows per word; every operator is then a bitwise combination of them, so a family needs no
 * per-operator loop. Doubles follow Spark's SQL ordering (NaN = NaN, NaN above all numbers, -0.0 = 0.0),
 * strings and binary compare as unsigned bytes.
 */
public final class Comparisons extends Evaluator {
  private enum Family { INT, LONG, SHORT, BYTE, DOUBLE, FLOAT, DECIMAL_LONG, DECIMAL_WIDE, BOOLEAN, BYTES, GENERIC }

  private final ComparisonOp op;
  private final Evaluator left;
  private final Evaluator right;
  private final Family family;
  private final DataType operandType;

  private Comparisons(ComparisonOp op, Evaluator left, Evaluator right) {
    super(DataTypes.BooleanType);
    this.op = op;
    this.left = left;
    this.right = right;
    this.operandType = left.dataType();
    this.family = family(left.dataType(), right.dataType());
  }

  public static Evaluator compile(ComparisonOp op, Evaluator left, Evaluator right) {
    return new Comparisons(op, left, right);
  }

  private static Family family(DataType t, DataType r) {
    if (t instanceof IntegerType || t instanceof DateType) {
      return Family.INT;
    }
    if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
      return Family.LONG;
    }
    if (t instanceof ShortType) {
      return Family.SHORT;
    }
    if (t instanceof ByteType) {
      return Family.BYTE;
    }
    if (t instanceof DoubleType) {
      return Family.DOUBLE;
    }
    if (t instanceof FloatType) {
      return Family.FLOAT;
    }
    if (t instanceof DecimalType a && r instanceof DecimalType b && a.scale() == b.scale()) {
      return a.precision() <= 18 && b.precision() <= 18 ? Family.DECIMAL_LONG : Family.DECIMAL_WIDE;
    }
    if (t instanceof BooleanType) {
      return Family.BOOLEAN;
    }
    if (t instanceof StringType || t instanceof BinaryType) {
      return Family.BYTES;
    }
    return Family.GENERIC;
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.bits(0, ctx.allocator());
    }
    boolean nullSafe = op == ComparisonOp.NULL_SAFE_EQ;
    try (Operand l = Operand.of(left, input, ctx)) {
      if (l.isNull() && !nullSafe) {
        return Results.nulls(DataTypes.BooleanType, n, ctx.allocator());
      }
      try (Operand r = Operand.of(right, input, ctx)) {
        int words = Math.max(Bits.words(n), 1);
        if (l.isNull() || r.isNull()) {
          if (!nullSafe) {
            return Results.nulls(DataTypes.BooleanType, n, ctx.allocator());
          }
          // x <=> NULL is "x is null".
          long[] result = new long[words];
          Operand other = l.isNull() ? r : l;
          if (other.isNull()) {
            Bits.setAll(result, n);
          } else if (other.valid != null) {
            for (int w = 0; w < words; w++) {
              result[w] = ~other.valid[w];
            }
            result[words - 1] &= Bits.lastMask(n);
          }
          long[] all = new long[words];
          Bits.setAll(all, n);
          return Results.bits(all, result, n, ctx.allocator());
        }
        long[] valid = Operand.and(n, l, r);
        long[] value = new long[words];
        if (family == Family.INT || family == Family.LONG || family == Family.DECIMAL_LONG
            || family == Family.DOUBLE) {
          direct(l, r, n, value);
        } else {
          boolean needLess = op != ComparisonOp.EQ && op != ComparisonOp.NULL_SAFE_EQ;
          long[] less = needLess ? new long[words] : null;
          long[] equal = new long[words];
          compare(l, r, n, less, equal);
          for (int w = 0; w < words; w++) {
            long lt = needLess ? less[w] : 0;
            long eq = equal[w];
            value[w] = switch (op) {
              case EQ, NULL_SAFE_EQ -> eq;
              case LT -> lt;
              case LTE -> lt | eq;
              case GT -> ~(lt | eq);
              case GTE -> ~lt;
            };
          }
        }
        if (nullSafe) {
          long[] lv = l.valid;
          long[] rv = r.valid;
          for (int w = 0; w < words; w++) {
            long a = lv == null ? -1L : lv[w];
            long b = rv == null ? -1L : rv[w];
            value[w] = (a & b & value[w]) | (~a & ~b);
            valid[w] = -1L;
          }
          valid[words - 1] = Bits.lastMask(n);
        }
        for (int w = 0; w < words; w++) {
          value[w] &= valid[w];
        }
        return Results.bits(valid, value, n, ctx.allocator());
      }
    }
  }

  /**
   * The hot families compare once per row for exactly the operator: {@code x > y} is run as
   * {@code y < x} with the operands swapped, so three loops (<, <=, =) per family cover all six operators.
   */
  private void direct(Operand l, Operand r, int n, long[] out) {
    boolean swap = op == ComparisonOp.GT || op == ComparisonOp.GTE;
    Operand a = swap ? r : l;
    Operand b = swap ? l : r;
    int mode = op == ComparisonOp.LT || op == ComparisonOp.GT ? 0 : op == ComparisonOp.LTE
        || op == ComparisonOp.GTE ? 1 : 2;
    switch (family) {
      case INT -> {
        switch (mode) {
          case 0 -> intLess(a.data, a.stride, b.data, b.stride, n, out);
          case 1 -> intLessOrEqual(a.data, a.stride, b.data, b.stride, n, out);
          default -> intEqual(a.data, a.stride, b.data, b.stride, n, out);
        }
      }
      case DOUBLE -> {
        if (a.stride == 0 || b.stride == 0) {
          doubleAgainstConstant(a, b, mode, n, out);
          return;
        }
        switch (mode) {
          case 0 -> doubleLess(a.data, a.stride, b.data, b.stride, n, out);
          case 1 -> doubleLessOrEqual(a.data, a.stride, b.data, b.stride, n, out);
          default -> doubleEqual(a.data, a.stride, b.data, b.stride, n, out);
        }
      }
      default -> {
        switch (mode) {
          case 0 -> longLess(a.data, a.stride, b.data, b.stride, n, out);
          case 1 -> longLessOrEqual(a.data, a.stride, b.data, b.stride, n, out);
          default -> longEqual(a.data, a.stride, b.data, b.stride, n, out);
        }
      }
    }
  }

  private static void intLess(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= (((long) MemoryUtil.getInt(a + as * i) - MemoryUtil.getInt(b + bs * i)) >>> 63) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void intLessOrEqual(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= ((((long) MemoryUtil.getInt(b + bs * i) - MemoryUtil.getInt(a + as * i)) >>> 63) ^ 1L) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void intEqual(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= ((((MemoryUtil.getInt(a + as * i) ^ MemoryUtil.getInt(b + bs * i)) & 0xFFFFFFFFL) - 1) >>> 63) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void longLess(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= lessBit(MemoryUtil.getLong(a + as * i), MemoryUtil.getLong(b + bs * i)) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void longLessOrEqual(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= (lessBit(MemoryUtil.getLong(b + bs * i), MemoryUtil.getLong(a + as * i)) ^ 1L) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void longEqual(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= equalBit(MemoryUtil.getLong(a + as * i), MemoryUtil.getLong(b + bs * i)) << j;
      }
      out[base >>> 6] = word;
    }
  }

  /** 1 if x < y, else 0, without a branch (data-dependent branches mispredict on real columns). */
  private static long lessBit(long x, long y) {
    long d = x - y;
    return (d ^ ((x ^ y) & (d ^ x))) >>> 63;
  }

  private static long equalBit(long x, long y) {
    long z = x ^ y;
    return ((z | -z) >>> 63) ^ 1L;
  }

  /**
   * A double as a long whose signed order is Spark's SQL order of doubles: -0.0 is 0.0, every NaN is one
   * NaN, above +Infinity. Comparing these keys is branch-free; comparing the doubles themselves with the
   * NaN cases takes data-dependent branches that mispredict on real columns (a third of Q6's time).
   */
  private static long orderKey(long addr) {
    long bits = Double.doubleToLongBits(Double.longBitsToDouble(MemoryUtil.getLong(addr)) + 0.0);
    return bits ^ ((bits >> 63) >>> 1);
  }

  /**
   * {@code a < b}, {@code a <= b} or {@code a = b} (mode 0, 1, 2) where one side is a constant (stride 0):
   * the constant's key is taken once; {@code a <= b} is {@code NOT b < a}.
   */
  private static void doubleAgainstConstant(Operand a, Operand b, int mode, int n, long[] out) {
    boolean constantFirst = a.stride == 0;
    Operand column = constantFirst ? b : a;
    long key = orderKey(constantFirst ? a.data : b.data);
    if (mode == 2) {
      doubleEqualsKey(column.data, column.stride, key, n, out);
    } else if (mode == 0) {
      doubleCompareKey(column.data, column.stride, key, !constantFirst, 0L, n, out);
    } else {
      doubleCompareKey(column.data, column.stride, key, constantFirst, 1L, n, out);
    }
  }

  /** Bits of {@code column < key} ({@code columnFirst}) or {@code key < column}, each XOR {@code flip}. */
  private static void doubleCompareKey(long c, long cs, long key, boolean columnFirst, long flip, int n,
      long[] out) {
    if (columnFirst) {
      for (int base = 0; base < n; base += 64) {
        int lim = Math.min(64, n - base);
        long word = 0;
        for (int j = 0; j < lim; j++) {
          word |= (lessBit(orderKey(c + cs * (base + j)), key) ^ flip) << j;
        }
        out[base >>> 6] = word;
      }
    } else {
      for (int base = 0; base < n; base += 64) {
        int lim = Math.min(64, n - base);
        long word = 0;
        for (int j = 0; j < lim; j++) {
          word |= (lessBit(key, orderKey(c + cs * (base + j))) ^ flip) << j;
        }
        out[base >>> 6] = word;
      }
    }
  }

  private static void doubleEqualsKey(long c, long cs, long key, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        word |= equalBit(orderKey(c + cs * (base + j)), key) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void doubleLess(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= lessBit(orderKey(a + as * i), orderKey(b + bs * i)) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void doubleLessOrEqual(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= (lessBit(orderKey(b + bs * i), orderKey(a + as * i)) ^ 1L) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private static void doubleEqual(long a, long as, long b, long bs, int n, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        long i = base + j;
        word |= equalBit(orderKey(a + as * i), orderKey(b + bs * i)) << j;
      }
      out[base >>> 6] = word;
    }
  }

  private void compare(Operand l, Operand r, int n, long[] less, long[] equal) {
    compare(family, operandType, l, r, n, less, equal);
  }

  /** Sets bit i of {@code equal} where row i of {@code l} equals row i of {@code r} (validity ignored). */
  public static void equalWords(DataType type, Operand l, Operand r, int n, long[] equal) {
    compare(family(type, type), type, l, r, n, null, equal);
  }

  private static void compare(Family family, DataType operandType, Operand l, Operand r, int n, long[] less,
      long[] equal) {
    switch (family) {
      case INT -> compareInts(l, r, n, less, equal);
      case LONG, DECIMAL_LONG -> compareLongs(l, r, n, less, equal, family == Family.DECIMAL_LONG ? 16 : 0);
      case SHORT, BYTE -> compareSmall(l, r, n, less, equal, family == Family.SHORT);
      case DOUBLE -> compareDoubles(l, r, n, less, equal);
      case FLOAT -> compareFloats(l, r, n, less, equal);
      case DECIMAL_WIDE -> compareWide(l, r, n, less, equal);
      case BOOLEAN -> compareBooleans(l, r, n, less, equal);
      case BYTES -> compareBytes(l, r, n, less, equal);
      default -> compareGeneric(operandType, l, r, n, less, equal);
    }
  }

  private static void compareInts(Operand l, Operand r, int n, long[] less, long[] equal) {
    long la = l.data;
    long ls = l.stride;
    long ra = r.data;
    long rs = r.stride;
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long lt = 0;
      long eq = 0;
      for (int j = 0; j < lim; j++) {
        int i = base + j;
        int x = MemoryUtil.getInt(la + ls * i);
        int y = MemoryUtil.getInt(ra + rs * i);
        lt |= (x < y ? 1L : 0L) << j;
        eq |= (x == y ? 1L : 0L) << j;
      }
      if (less != null) {
        less[base >>> 6] = lt;
      }
      equal[base >>> 6] = eq;
    }
  }

  /** Longs; decimals of precision <= 18 are compared on the low 8 bytes of their 16 (stride 16). */
  private static void compareLongs(Operand l, Operand r, int n, long[] less, long[] equal, int decimalStride) {
    long la = l.data;
    long ls = l.isConstant() ? 0 : (decimalStride != 0 ? decimalStride : l.stride);
    long ra = r.data;
    long rs = r.isConstant() ? 0 : (decimalStride != 0 ? decimalStride : r.stride);
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long lt = 0;
      long eq = 0;
      for (int j = 0; j < lim; j++) {
        int i = base + j;
        long x = MemoryUtil.getLong(la + ls * i);
        long y = MemoryUtil.getLong(ra + rs * i);
        lt |= (x < y ? 1L : 0L) << j;
        eq |= (x == y ? 1L : 0L) << j;
      }
      if (less != null) {
        less[base >>> 6] = lt;
      }
      equal[base >>> 6] = eq;
    }
  }

  private static void compareSmall(Operand l, Operand r, int n, long[] less, long[] equal, boolean isShort) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long lt = 0;
      long eq = 0;
      for (int j = 0; j < lim; j++) {
        int i = base + j;
        int x = isShort ? MemoryUtil.getShort(l.data + l.stride * i) : MemoryUtil.getByte(l.data + l.stride * i);
        int y = isShort ? MemoryUtil.getShort(r.data + r.stride * i) : MemoryUtil.getByte(r.data + r.stride * i);
        lt |= (x < y ? 1L : 0L) << j;
        eq |= (x == y ? 1L : 0L) << j;
      }
      if (less != null) {
        less[base >>> 6] = lt;
      }
      equal[base >>> 6] = eq;
    }
  }

  private static void compareDoubles(Operand l, Operand r, int n, long[] less, long[] equal) {
    long la = l.data;
    long ls = l.stride;
    long ra = r.data;
    long rs = r.stride;
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long lt = 0;
      long eq = 0;
      for (int j = 0; j < lim; j++) {
        int i = base + j;
        double x = Double.longBitsToDouble(MemoryUtil.getLong(la + ls * i));
        double y = Double.longBitsToDouble(MemoryUtil.getLong(ra + rs * i));
        boolean xNan = x != x;
        boolean yNan = y != y;
        lt |= (x < y || (yNan && !xNan) ? 1L : 0L) << j;
        eq |= (x == y || (xNan && yNan) ? 1L : 0L) << j;
      }
      if (less != null) {
        less[base >>> 6] = lt;
      }
      equal[base >>> 6] = eq;
    }
  }

  private static void compareFloats(Operand l, Operand r, int n, long[] less, long[] equal) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long lt = 0;
      long eq = 0;
      for (int j = 0; j < lim; j++) {
        int i = base + j;
        float x = Float.intBitsToFloat(MemoryUtil.getInt(l.data + l.stride * i));
        float y = Float.intBitsToFloat(MemoryUtil.getInt(r.data + r.stride * i));
        boolean xNan = x != x;
        boolean yNan = y != y;
        lt |= (x < y || (yNan && !xNan) ? 1L : 0L) << j;
        eq |= (x == y || (xNan && yNan) ? 1L : 0L) << j;
      }
      if (less != null) {
        less[base >>> 6] = lt;
      }
      equal[base >>> 6] = eq;
    }
  }

  private static void compareWide(Operand l, Operand r, int n, long[] less, long[] equal) {
    long ls = l.isConstant() ? 0 : 16;
    long rs = r.isConstant() ? 0 : 16;
    for (int i = 0; i < n; i++) {
      long xa = l.data + ls * i;
      long ya = r.data + rs * i;
      long xh = MemoryUtil.getLong(xa + 8);
      long yh = MemoryUtil.getLong(ya + 8);
      long xl = MemoryUtil.getLong(xa);
      long yl = MemoryUtil.getLong(ya);
      int c = xh != yh ? Long.compare(xh, yh) : Long.compareUnsigned(xl, yl);
      if (c < 0 && less != null) {
        Bits.set(less, i);
      }
      if (c == 0) {
        Bits.set(equal, i);
      }
    }
  }

  private static void compareBooleans(Operand l, Operand r, int n, long[] less, long[] equal) {
    long[] x = booleanWords(l, n);
    long[] y = booleanWords(r, n);
    for (int w = 0; w < equal.length; w++) {
      if (less != null) {
        less[w] = ~x[w] & y[w];
      }
      equal[w] = ~(x[w] ^ y[w]);
    }
  }

  private static long[] booleanWords(Operand o, int n) {
    long[] words = new long[Math.max(Bits.words(n), 1)];
    if (o.isConstant()) {
      if ((Boolean) o.constant) {
        Bits.setAll(words, n);
      }
    } else {
      Bits.load(((BitVector) o.vector).getDataBufferAddress(), n, words);
    }
    return words;
  }

  private static void compareBytes(Operand l, Operand r, int n, long[] less, long[] equal) {
    if (r.isConstant() || l.isConstant()) {
      boolean flipped = l.isConstant();
      Operand v = flipped ? r : l;
      byte[] c = flipped ? l.constantBytes : r.constantBytes;
      for (int i = 0; i < n; i++) {
        int s = v.start(i);
        int len = v.end(i) - s;
        if (less == null) {
          if (Utf8.equal(v.data + s, len, c)) {
            Bits.set(equal, i);
          }
          continue;
        }
        int cmp = Utf8.compare(v.data + s, len, c);
        if (flipped) {
          cmp = -cmp;
        }
        if (cmp < 0) {
          Bits.set(less, i);
        } else if (cmp == 0) {
          Bits.set(equal, i);
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int ls = l.start(i);
      int rs = r.start(i);
      int ll = l.end(i) - ls;
      int rl = r.end(i) - rs;
      if (less == null) {
        if (Utf8.equal(l.data + ls, ll, r.data + rs, rl)) {
          Bits.set(equal, i);
        }
        continue;
      }
      int cmp = Utf8.compare(l.data + ls, ll, r.data + rs, rl);
      if (cmp < 0) {
        Bits.set(less, i);
      } else if (cmp == 0) {
        Bits.set(equal, i);
      }
    }
  }

  /** Nested types and anything else: one internal value per row (not a hot path). */
  private static void compareGeneric(DataType operandType, Operand l, Operand r, int n, long[] less,
      long[] equal) {
    for (int i = 0; i < n; i++) {
      if (!l.isValid(i) || !r.isValid(i)) {
        continue;
      }
      Object x = l.isConstant() ? l.constant : InternalValues.read(l.vector, i);
      Object y = r.isConstant() ? r.constant : InternalValues.read(r.vector, i);
      if (less == null) {
        if (ValueOrdering.equal(x, y, operandType)) {
          Bits.set(equal, i);
        }
        continue;
      }
      int cmp = ValueOrdering.compare(x, y, operandType);
      if (cmp < 0) {
        Bits.set(less, i);
      } else if (cmp == 0) {
        Bits.set(equal, i);
      }
    }
  }

  @Override
  public void close() {
    left.close();
    right.close();
  }
}
