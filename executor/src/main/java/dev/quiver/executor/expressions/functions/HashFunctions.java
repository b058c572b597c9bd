package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Hashes and encodings: md5, sha1, sha2 and crc32 of binary values (strings as their UTF-8 bytes), Spark's
 * hash (Murmur3, seed 42) and xxhash64 (XXH64, seed 42) of any number of values, base64/unbase64,
 * hex/unhex and ascii. Digests are lower-case hex text, hex is upper case, as in Spark.
 */
final class HashFunctions {
  private HashFunctions() {}

  private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  static void register(Map<String, FunctionFactory> r) {
    r.put("md5", (f, cc) -> digest(f, cc, "MD5"));
    r.put("sha1", (f, cc) -> digest(f, cc, "SHA-1"));
    r.put("sha", (f, cc) -> digest(f, cc, "SHA-1"));
    r.put("sha2", HashFunctions::sha2);
    r.put("crc32", (f, cc) -> {
      CRC32 crc = new CRC32();
      ByteScratch scratch = new ByteScratch();
      return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
        scratch.load(in, 0, i);
        crc.reset();
        crc.update(scratch.buf, 0, scratch.len);
        out.setLong(i, crc.getValue());
      });
    });
    r.put("hash", (f, cc) -> new MultiHash(FunctionFactory.compileArgs(f, cc), false));
    r.put("xxhash64", (f, cc) -> new MultiHash(FunctionFactory.compileArgs(f, cc), true));
    r.put("base64", (f, cc) -> {
      Base64.Encoder encoder = Base64.getEncoder();
      ByteScratch scratch = new ByteScratch();
      return FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
          out.setBytes(i, encoder.encode(scratch.load(in, 0, i).copy())));
    });
    r.put("unbase64", (f, cc) -> {
      // Spark decodes with the MIME decoder, which skips characters outside the alphabet.
      Base64.Decoder decoder = Base64.getMimeDecoder();
      return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
        byte[] text = in.getBytes(0, i);
        try {
          out.setBytes(i, decoder.decode(text));
        } catch (IllegalArgumentException e) {
          throw new QuiverException("CONVERSION_INVALID_INPUT", "The value '" + new String(text,
              StandardCharsets.UTF_8) + "' (STRING) cannot be converted to BINARY because it is malformed. Correct "
              + "the value as per the syntax, or change its format. Use 'try_to_binary' to tolerate malformed input "
              + "and return NULL instead.", "22018", e);
        }
      });
    });
    r.put("hex", HashFunctions::hex);
    r.put("unhex", (f, cc) -> {
      ByteScratch scratch = new ByteScratch();
      return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
        byte[] v = unhex(scratch.load(in, 0, i));
        if (v == null) {
          out.setNull(i);
        } else {
          out.setBytes(i, v);
        }
      });
    });
  }

  private static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no " + algorithm + " digest", e);
    }
  }

  private static Evaluator digest(ScalarFunction f, dev.quiver.executor.expressions.ChildCompiler cc,
      String algorithm) {
    MessageDigest md = messageDigest(algorithm);
    ByteScratch scratch = new ByteScratch();
    ByteScratch text = new ByteScratch();
    byte[] sum = new byte[md.getDigestLength()];
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      scratch.load(in, 0, i);
      md.update(scratch.buf, 0, scratch.len);
      try {
        md.digest(sum, 0, sum.length);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException(algorithm + " digest of " + sum.length + " bytes", e);
      }
      appendHex(sum, sum.length, text, LOWER_HEX, out, i);
    });
  }

  /** sha2(bin, bits): 224, 256 (or 0), 384 or 512 bits; any other length gives null. */
  private static Evaluator sha2(ScalarFunction f, dev.quiver.executor.expressions.ChildCompiler cc) {
    MessageDigest sha224 = messageDigest("SHA-224");
    MessageDigest sha256 = messageDigest("SHA-256");
    MessageDigest sha384 = messageDigest("SHA-384");
    MessageDigest sha512 = messageDigest("SHA-512");
    ByteScratch scratch = new ByteScratch();
    ByteScratch text = new ByteScratch();
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      MessageDigest md = switch (in.getInt(1, i)) {
        case 0, 256 -> sha256;
        case 224 -> sha224;
        case 384 -> sha384;
        case 512 -> sha512;
        default -> null;
      };
      if (md == null) {
        out.setNull(i);
        return;
      }
      scratch.load(in, 0, i);
      md.update(scratch.buf, 0, scratch.len);
      byte[] sum = md.digest();
      appendHex(sum, sum.length, text, LOWER_HEX, out, i);
    });
  }

  /** The first {@code count} bytes as two hex digits each, appended as row {@code row}'s text. */
  private static void appendHex(byte[] bytes, int count, ByteScratch text, byte[] digits, Out out, int row) {
    byte[] buf = text.ensure(count * 2);
    for (int k = 0; k < count; k++) {
      buf[2 * k] = digits[(bytes[k] >> 4) & 0xF];
      buf[2 * k + 1] = digits[bytes[k] & 0xF];
    }
    out.strings().append(row, buf, 0, count * 2);
  }

  /** hex(bigint): the two's-complement digits without leading zeros; hex(string/binary): two digits a byte. */
  private static Evaluator hex(ScalarFunction f, dev.quiver.executor.expressions.ChildCompiler cc) {
    boolean isLong = f.args().get(0).dataType() instanceof LongType;
    ByteScratch scratch = new ByteScratch();
    ByteScratch text = new ByteScratch();
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      if (isLong) {
        long v = in.getLong(0, i);
        byte[] buf = text.ensure(16);
        int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
        for (int k = digits - 1; k >= 0; k--) {
          buf[k] = UPPER_HEX[(int) (v & 0xF)];
          v >>>= 4;
        }
        out.strings().append(i, buf, 0, digits);
      } else {
        scratch.load(in, 0, i);
        appendHex(scratch.buf, scratch.len, text, UPPER_HEX, out, i);
      }
    });
  }

  /** Spark's Hex.unhex: an odd length reads as if a '0' came first; a character that is no hex digit gives null. */
  static byte[] unhex(ByteScratch s) {
    byte[] b = s.buf;
    int n = s.len;
    byte[] out = new byte[(n + 1) >> 1];
    int i = 0;
    int shift = 0;
    if ((n & 1) != 0) {
      int v = digit(b[0]);
      if (v < 0) {
        return null;
      }
      out[0] = (byte) v;
      i = 1;
      shift = 1;
    }
    for (; i < n; i += 2) {
      int hi = digit(b[i]);
      int lo = digit(b[i + 1]);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i / 2 + shift] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /**
   * hash(a, b, ...) / xxhash64(a, b, ...): the running hash starts at 42 and each argument's value is hashed
   * with it as the seed, column by column over the batch; null values leave it unchanged. Never null.
   */
  private static final class MultiHash extends Evaluator {
    private final Evaluator[] args;
    private final boolean xx;

    MultiHash(Evaluator[] args, boolean xx) {
      super(xx ? DataTypes.LongType : DataTypes.IntegerType);
      this.args = args;
      this.xx = xx;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      long[] h = new long[n];
      java.util.Arrays.fill(h, 42L);
      for (Evaluator arg : args) {
        try (Operand o = Operand.of(arg, input, ctx)) {
          if (!o.isNull()) {
            hashColumn(o, arg.dataType(), h, n);
          }
        }
      }
      FieldVector out = Results.allocate(dataType(), n, ctx.allocator());
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        if (xx) {
          MemoryUtil.putLong(oa + 8L * i, h[i]);
        } else {
          MemoryUtil.putInt(oa + 4L * i, (int) h[i]);
        }
      }
      Bits.setAll(Bits.validityAddress(out), n);
      out.setValueCount(n);
      return out;
    }

    private long intHash(int v, long seed) {
      return xx ? SparkHashes.xxInt(v, seed) : SparkHashes.murmurInt(v, (int) seed);
    }

    private long longHash(long v, long seed) {
      return xx ? SparkHashes.xxLong(v, seed) : SparkHashes.murmurLong(v, (int) seed);
    }

    private long bytesHash(long addr, int len, long seed) {
      return xx ? SparkHashes.xxBytes(addr, len, seed) : SparkHashes.murmurBytes(addr, len, (int) seed);
    }

    private long bytesHash(byte[] b, long seed) {
      return xx ? SparkHashes.xxBytes(b, seed) : SparkHashes.murmurBytes(b, (int) seed);
    }

    private void hashColumn(Operand o, DataType t, long[] h, int n) {
      long a = o.data;
      long s = o.stride;
      if (t instanceof NullType) {
        return;
      }
      if (t instanceof ByteType || t instanceof ShortType || SparkHashes.hashesAsInt(t)) {
        int width = t instanceof ByteType ? 1 : t instanceof ShortType ? 2 : 4;
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            long at = a + s * i;
            int v = width == 4 ? MemoryUtil.getInt(at) : width == 2 ? MemoryUtil.getShort(at) : MemoryUtil.getByte(at);
            h[i] = intHash(v, h[i]);
          }
        }
      } else if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            h[i] = longHash(MemoryUtil.getLong(a + s * i), h[i]);
          }
        }
      } else if (t instanceof DoubleType) {
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            double d = Double.longBitsToDouble(MemoryUtil.getLong(a + s * i));
            h[i] = longHash(d == -0.0d ? 0L : Double.doubleToLongBits(d), h[i]);
          }
        }
      } else if (t instanceof FloatType) {
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            float d = Float.intBitsToFloat(MemoryUtil.getInt(a + s * i));
            h[i] = intHash(d == -0.0f ? 0 : Float.floatToIntBits(d), h[i]);
          }
        }
      } else if (t instanceof BooleanType) {
        long bits = o.isConstant() ? 0 : ((BitVector) o.vector).getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            boolean v = o.isConstant() ? (Boolean) o.constant : Bits.get(bits, i);
            h[i] = intHash(v ? 1 : 0, h[i]);
          }
        }
      } else if (t instanceof DecimalType d && d.precision() <= 18) {
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            h[i] = longHash(MemoryUtil.getLong(a + s * i), h[i]);
          }
        }
      } else if (t instanceof DecimalType d) {
        Int128 x = new Int128();
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            byte[] unscaled = x.load(a + s * i, 0).toBigDecimal(d.scale()).unscaledValue().toByteArray();
            h[i] = bytesHash(unscaled, h[i]);
          }
        }
      } else if (t instanceof StringType || t instanceof BinaryType) {
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            if (o.isConstant()) {
              h[i] = bytesHash(o.constantBytes, h[i]);
            } else {
              int start = o.start(i);
              h[i] = bytesHash(o.data + start, o.end(i) - start, h[i]);
            }
          }
        }
      } else {
        // Arrays and structs: element by element, on values read out of the vector.
        for (int i = 0; i < n; i++) {
          if (o.isValid(i)) {
            Object v = o.isConstant() ? o.constant : InternalValues.read(o.vector, i);
            h[i] = xx ? SparkHashes.xxValue(v, t, h[i]) : SparkHashes.murmurValue(v, t, (int) h[i]);
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
