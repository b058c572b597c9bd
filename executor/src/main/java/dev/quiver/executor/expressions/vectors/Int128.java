package dev.quiver.executor.expressions.vectors;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Signed 128-bit integers as two longs, the unscaled form of Arrow's Decimal128: enough for every decimal
 * Spark allows (38 digits), so decimal kernels compute exactly without BigDecimal objects per row. A mutable
 * holder: kernels reuse one instance per loop.
 */
public final class Int128 {
  /** 10^0 .. 10^38 as (hi, lo) pairs. */
  private static final long[] POW10_HI = new long[39];
  private static final long[] POW10_LO = new long[39];
  /** 10^0 .. 10^18 as longs. */
  public static final long[] POW10 = new long[19];

  static {
    BigInteger ten = BigInteger.TEN;
    for (int i = 0; i <= 38; i++) {
      BigInteger p = ten.pow(i);
      POW10_LO[i] = p.longValue();
      POW10_HI[i] = p.shiftRight(64).longValue();
    }
    long p = 1;
    for (int i = 0; i <= 18; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  public long hi;
  public long lo;

  public Int128 set(long v) {
    lo = v;
    hi = v >> 63;
    return this;
  }

  public Int128 set(long hi, long lo) {
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** Reads the decimal at row {@code i} of a Decimal128 data buffer. */
  public Int128 load(long dataAddr, int i) {
    long a = dataAddr + 16L * i;
    lo = MemoryUtil.getLong(a);
    hi = MemoryUtil.getLong(a + 8);
    return this;
  }

  public void store(long dataAddr, int i) {
    long a = dataAddr + 16L * i;
    MemoryUtil.putLong(a, lo);
    MemoryUtil.putLong(a + 8, hi);
  }

  public static void store(long dataAddr, int i, long value) {
    long a = dataAddr + 16L * i;
    MemoryUtil.putLong(a, value);
    MemoryUtil.putLong(a + 8, value >> 63);
  }

  public boolean isNegative() {
    return hi < 0;
  }

  public boolean isZero() {
    return hi == 0 && lo == 0;
  }

  public Int128 negate() {
    lo = ~lo + 1;
    hi = ~hi + (lo == 0 ? 1 : 0);
    return this;
  }

  /** this += other; returns false on 128-bit overflow. */
  public boolean add(long oHi, long oLo) {
    long rLo = lo + oLo;
    long carry = Long.compareUnsigned(rLo, lo) < 0 ? 1 : 0;
    long rHi = hi + oHi + carry;
    boolean overflow = ((hi ^ rHi) & (oHi ^ rHi)) < 0;
    lo = rLo;
    hi = rHi;
    return !overflow;
  }

  public boolean add(Int128 o) {
    return add(o.hi, o.lo);
  }

  public boolean subtract(Int128 o) {
    long nLo = ~o.lo + 1;
    long nHi = ~o.hi + (nLo == 0 ? 1 : 0);
    if (o.hi == Long.MIN_VALUE && o.lo == 0) {
      return false;
    }
    return add(nHi, nLo);
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /**
   * this *= m (any long); returns false when the product does not fit in 128 bits. Works on magnitudes so
   * the overflow test is exact.
   */
  public boolean multiply(long m) {
    boolean neg = hi < 0;
    if (neg) {
      negate();
    }
    boolean mneg = m < 0;
    long um = mneg ? -m : m; // Long.MIN_VALUE stays itself, read unsigned below
    // magnitude (hi:lo) * um, unsigned
    long p0Lo = lo * um;
    long p0Hi = unsignedMultiplyHigh(lo, um);
    long p1Lo = hi * um;
    long p1Hi = unsignedMultiplyHigh(hi, um);
    long rHi = p0Hi + p1Lo;
    boolean overflow = p1Hi != 0 || Long.compareUnsigned(rHi, p0Hi) < 0 || rHi < 0;
    lo = p0Lo;
    hi = rHi;
    if (neg != mneg) {
      negate();
    }
    return !overflow;
  }

  /** this *= 10^k for 0 <= k <= 38; false on overflow. */
  public boolean scaleUp(int k) {
    while (k > 18) {
      if (!multiply(POW10[18])) {
        return false;
      }
      k -= 18;
    }
    return k == 0 || multiply(POW10[k]);
  }

  /** Whether |this| < 10^precision. */
  public boolean fitsPrecision(int precision) {
    long h = hi;
    long l = lo;
    if (precision >= 19 && h == (l >> 63)) {
      // Any long has at most 19 digits.
      return true;
    }
    if (h < 0) {
      l = ~l + 1;
      h = ~h + (l == 0 ? 1 : 0);
      if (h < 0) {
        return false; // -2^127
      }
    }
    long ph = POW10_HI[precision];
    long pl = POW10_LO[precision];
    return h < ph || (h == ph && Long.compareUnsigned(l, pl) < 0);
  }

  public int compareTo(Int128 o) {
    if (hi != o.hi) {
      return Long.compare(hi, o.hi);
    }
    return Long.compareUnsigned(lo, o.lo);
  }

  public static int compare(long aHi, long aLo, long bHi, long bLo) {
    if (aHi != bHi) {
      return Long.compare(aHi, bHi);
    }
    return Long.compareUnsigned(aLo, bLo);
  }

  public BigInteger toBigInteger() {
    return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
  }

  public BigDecimal toBigDecimal(int scale) {
    return new BigDecimal(toBigInteger(), scale);
  }

  /** Loads an unscaled value that fits in 128 bits. */
  public Int128 set(BigInteger v) {
    lo = v.longValue();
    hi = v.shiftRight(64).longValue();
    return this;
  }
}
