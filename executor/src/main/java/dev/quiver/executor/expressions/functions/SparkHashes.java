package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Spark's hash functions, bit for bit: Murmur3 x86_32 as Spark's {@code Murmur3_x86_32} (whose byte hashing
 * mixes each trailing byte as a whole block, unlike reference Murmur3) and XXH64 as Spark's {@code XXH64},
 * and the way Spark's HashExpression feeds values of each type to them (booleans as 0/1 ints, -0.0 as 0,
 * decimals of up to 18 digits as their unscaled long, wider ones as the bytes of the unscaled BigInteger,
 * strings as UTF-8 bytes, arrays and structs element by element with the running hash as the seed).
 */
final class SparkHashes {
  private SparkHashes() {}

  // ------------------------------------------------------------------ Murmur3 x86_32

  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  static int murmurInt(int input, int seed) {
    return fmix(mixH1(seed, mixK1(input)), 4);
  }

  static int murmurLong(long input, int seed) {
    int h1 = mixH1(seed, mixK1((int) input));
    h1 = mixH1(h1, mixK1((int) (input >>> 32)));
    return fmix(h1, 8);
  }

  /** Spark's hashUnsafeBytes over {@code len} bytes at {@code addr}. */
  static int murmurBytes(long addr, int len, int seed) {
    int aligned = len - len % 4;
    int h1 = seed;
    for (int i = 0; i < aligned; i += 4) {
      h1 = mixH1(h1, mixK1(littleEndianInt(addr + i)));
    }
    for (int i = aligned; i < len; i++) {
      h1 = mixH1(h1, mixK1(MemoryUtil.getByte(addr + i)));
    }
    return fmix(h1, len);
  }

  static int murmurBytes(byte[] b, int seed) {
    int len = b.length;
    int aligned = len - len % 4;
    int h1 = seed;
    for (int i = 0; i < aligned; i += 4) {
      h1 = mixH1(h1, mixK1(littleEndianInt(b, i)));
    }
    for (int i = aligned; i < len; i++) {
      h1 = mixH1(h1, mixK1(b[i]));
    }
    return fmix(h1, len);
  }

  private static int mixK1(int k1) {
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    k1 *= C2;
    return k1;
  }

  private static int mixH1(int h1, int k1) {
    h1 ^= k1;
    h1 = Integer.rotateLeft(h1, 13);
    return h1 * 5 + 0xe6546b64;
  }

  private static int fmix(int h1, int length) {
    return KeyHasher.fmix(h1 ^ length);
  }

  // ------------------------------------------------------------------ XXH64

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  static long xxInt(int input, long seed) {
    long hash = seed + P5 + 4L;
    hash ^= (input & 0xFFFFFFFFL) * P1;
    hash = Long.rotateLeft(hash, 23) * P2 + P3;
    return xxFmix(hash);
  }

  static long xxLong(long input, long seed) {
    long hash = seed + P5 + 8L;
    hash ^= Long.rotateLeft(input * P2, 31) * P1;
    hash = Long.rotateLeft(hash, 27) * P1 + P4;
    return xxFmix(hash);
  }

  /** XXH64 over {@code len} bytes at {@code addr}. */
  static long xxBytes(long addr, int len, long seed) {
    long end = addr + len;
    long hash;
    long at = addr;
    if (len >= 32) {
      long limit = end - 32;
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      do {
        v1 = round(v1, littleEndianLong(at));
        v2 = round(v2, littleEndianLong(at + 8));
        v3 = round(v3, littleEndianLong(at + 16));
        v4 = round(v4, littleEndianLong(at + 24));
        at += 32;
      } while (at <= limit);
      hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      hash = mergeRound(hash, v1);
      hash = mergeRound(hash, v2);
      hash = mergeRound(hash, v3);
      hash = mergeRound(hash, v4);
    } else {
      hash = seed + P5;
    }
    hash += len;
    while (at <= end - 8) {
      hash ^= round(0, littleEndianLong(at));
      hash = Long.rotateLeft(hash, 27) * P1 + P4;
      at += 8;
    }
    if (at + 4 <= end) {
      hash ^= (littleEndianInt(at) & 0xFFFFFFFFL) * P1;
      hash = Long.rotateLeft(hash, 23) * P2 + P3;
      at += 4;
    }
    while (at < end) {
      hash ^= (MemoryUtil.getByte(at) & 0xFFL) * P5;
      hash = Long.rotateLeft(hash, 11) * P1;
      at++;
    }
    return xxFmix(hash);
  }

  static long xxBytes(byte[] b, long seed) {
    int len = b.length;
    long hash;
    int at = 0;
    if (len >= 32) {
      int limit = len - 32;
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      do {
        v1 = round(v1, littleEndianLong(b, at));
        v2 = round(v2, littleEndianLong(b, at + 8));
        v3 = round(v3, littleEndianLong(b, at + 16));
        v4 = round(v4, littleEndianLong(b, at + 24));
        at += 32;
      } while (at <= limit);
      hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      hash = mergeRound(hash, v1);
      hash = mergeRound(hash, v2);
      hash = mergeRound(hash, v3);
      hash = mergeRound(hash, v4);
    } else {
      hash = seed + P5;
    }
    hash += len;
    while (at <= len - 8) {
      hash ^= round(0, littleEndianLong(b, at));
      hash = Long.rotateLeft(hash, 27) * P1 + P4;
      at += 8;
    }
    if (at + 4 <= len) {
      hash ^= (littleEndianInt(b, at) & 0xFFFFFFFFL) * P1;
      hash = Long.rotateLeft(hash, 23) * P2 + P3;
      at += 4;
    }
    while (at < len) {
      hash ^= (b[at] & 0xFFL) * P5;
      hash = Long.rotateLeft(hash, 11) * P1;
      at++;
    }
    return xxFmix(hash);
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long mergeRound(long hash, long v) {
    hash ^= round(0, v);
    return hash * P1 + P4;
  }

  private static long xxFmix(long hash) {
    hash ^= hash >>> 33;
    hash *= P2;
    hash ^= hash >>> 29;
    hash *= P3;
    hash ^= hash >>> 32;
    return hash;
  }

  // ------------------------------------------------------------------ values of any type

  /**
   * One of Spark's two seeded hashes over the primitives Spark feeds it (ints, longs, bytes); seeds and
   * results travel as longs so one walk over a value serves both (a Murmur3 seed is the low 32 bits).
   */
  private interface Family {
    long ofInt(int input, long seed);

    long ofLong(long input, long seed);

    long ofBytes(byte[] input, long seed);
  }

  private static final Family MURMUR3 = new Family() {
    @Override
    public long ofInt(int input, long seed) {
      return murmurInt(input, (int) seed);
    }

    @Override
    public long ofLong(long input, long seed) {
      return murmurLong(input, (int) seed);
    }

    @Override
    public long ofBytes(byte[] input, long seed) {
      return murmurBytes(input, (int) seed);
    }
  };

  private static final Family XXH64 = new Family() {
    @Override
    public long ofInt(int input, long seed) {
      return xxInt(input, seed);
    }

    @Override
    public long ofLong(long input, long seed) {
      return xxLong(input, seed);
    }

    @Override
    public long ofBytes(byte[] input, long seed) {
      return xxBytes(input, seed);
    }
  };

  /** Murmur3 of a value in internal form (nested values, constants); null keeps the seed. */
  static int murmurValue(Object v, DataType t, int seed) {
    return (int) valueHash(v, t, seed, MURMUR3);
  }

  /** XXH64 of a value in internal form; null keeps the seed. */
  static long xxValue(Object v, DataType t, long seed) {
    return valueHash(v, t, seed, XXH64);
  }

  /** Spark's HashExpression walk: what each type feeds the hash, elements and fields in order. */
  private static long valueHash(Object v, DataType t, long seed, Family f) {
    if (v == null) {
      return seed;
    }
    if (t instanceof BooleanType) {
      return f.ofInt((Boolean) v ? 1 : 0, seed);
    }
    if (t instanceof FloatType) {
      float x = ((Number) v).floatValue();
      return f.ofInt(x == -0.0f ? 0 : Float.floatToIntBits(x), seed);
    }
    if (t instanceof DoubleType) {
      double x = ((Number) v).doubleValue();
      return f.ofLong(x == -0.0d ? 0L : Double.doubleToLongBits(x), seed);
    }
    if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
      return f.ofLong(((Number) v).longValue(), seed);
    }
    if (t instanceof DecimalType d) {
      BigDecimal x = ((BigDecimal) v).setScale(d.scale(), java.math.RoundingMode.HALF_UP);
      if (d.precision() <= 18) {
        return f.ofLong(x.unscaledValue().longValue(), seed);
      }
      return f.ofBytes(x.unscaledValue().toByteArray(), seed);
    }
    if (t instanceof StringType) {
      return f.ofBytes(((String) v).getBytes(StandardCharsets.UTF_8), seed);
    }
    if (t instanceof BinaryType) {
      return f.ofBytes((byte[]) v, seed);
    }
    if (t instanceof ArrayType a) {
      long h = seed;
      for (Object e : (List<?>) v) {
        h = valueHash(e, a.elementType(), h, f);
      }
      return h;
    }
    if (t instanceof StructType s) {
      List<?> fields = (List<?>) v;
      long h = seed;
      for (int k = 0; k < fields.size(); k++) {
        h = valueHash(fields.get(k), s.fields()[k].dataType(), h, f);
      }
      return h;
    }
    // byte, short, int, date
    return f.ofInt(((Number) v).intValue(), seed);
  }

  /** Whether values of {@code t} are 1, 2 or 4-byte integers hashed as ints (byte, short, int, date). */
  static boolean hashesAsInt(DataType t) {
    return t instanceof ByteType || t instanceof ShortType || t instanceof dev.quiver.sql.types.IntegerType
        || t instanceof dev.quiver.sql.types.DateType;
  }

  // ------------------------------------------------------------------ little-endian reads

  private static int littleEndianInt(long addr) {
    int v = MemoryUtil.getInt(addr);
    return MemoryUtil.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
  }

  private static long littleEndianLong(long addr) {
    long v = MemoryUtil.getLong(addr);
    return MemoryUtil.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
  }

  private static int littleEndianInt(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }

  private static long littleEndianLong(byte[] b, int i) {
    return (littleEndianInt(b, i) & 0xFFFFFFFFL) | ((long) littleEndianInt(b, i + 4)) << 32;
  }
}
