package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.sql.QuiverException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A SQL LIKE pattern compiled for matching UTF-8 bytes in place: {@code %} any run of characters,
 * {@code _} exactly one character (code point), {@code \} escapes {@code %}, {@code _} or itself, and the
 * whole value must match. Patterns that are a literal, a prefix, a suffix or a substring test compile to
 * that test; anything else runs the greedy wildcard matcher (backtracking to the last {@code %}).
 */
final class LikePattern {
  private static final int LITERAL = 0;
  private static final int PREFIX = 1;
  private static final int SUFFIX = 2;
  private static final int CONTAINS = 3;
  private static final int GENERAL = 4;

  /** Pattern bytes; wildcards are marked in {@link #tokens}. */
  private final byte[] bytes;
  /** Per position: 0 = literal byte, 1 = '_' (one code point), 2 = '%' (any run). */
  private final byte[] tokens;
  private final int kind;
  private final byte[] literal;

  private LikePattern(byte[] bytes, byte[] tokens) {
    this.bytes = bytes;
    this.tokens = tokens;
    int m = tokens.length;
    int ones = 0;
    int manys = 0;
    for (byte t : tokens) {
      ones += t == 1 ? 1 : 0;
      manys += t == 2 ? 1 : 0;
    }
    boolean startsMany = m > 0 && tokens[0] == 2;
    boolean endsMany = m > 0 && tokens[m - 1] == 2;
    if (ones == 0 && manys == 0) {
      kind = LITERAL;
      literal = bytes;
    } else if (ones == 0 && manys == 1 && endsMany) {
      kind = PREFIX;
      literal = java.util.Arrays.copyOf(bytes, m - 1);
    } else if (ones == 0 && manys == 1 && startsMany) {
      kind = SUFFIX;
      literal = java.util.Arrays.copyOfRange(bytes, 1, m);
    } else if (ones == 0 && manys == 2 && startsMany && endsMany && m >= 2) {
      kind = CONTAINS;
      literal = java.util.Arrays.copyOfRange(bytes, 1, m - 1);
    } else {
      kind = GENERAL;
      literal = null;
    }
  }

  /** Parses a pattern with the default escape character (backslash), raising Spark's INVALID_FORMAT errors. */
  static LikePattern compile(String pattern) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    byte[] utf8 = pattern.getBytes(StandardCharsets.UTF_8);
    int i = 0;
    while (i < utf8.length) {
      byte c = utf8[i];
      if (c == '\\') {
        if (i + 1 >= utf8.length) {
          throw new QuiverException("INVALID_FORMAT.ESC_AT_THE_END", "The format is invalid: '" + pattern
              + "'. The escape character is not allowed to end with.", "42601", null);
        }
        byte next = utf8[i + 1];
        if (next != '_' && next != '%' && next != '\\') {
          int cb = Utf8.charBytes(next);
          String ch = new String(utf8, i + 1, Math.min(cb, utf8.length - i - 1), StandardCharsets.UTF_8);
          throw new QuiverException("INVALID_FORMAT.ESC_IN_THE_MIDDLE", "The format is invalid: '" + pattern
              + "'. The escape character is not allowed to precede '" + ch + "'.", "42601", null);
        }
        b.write(next);
        t.write(0);
        i += 2;
      } else if (c == '%') {
        // Runs of % are one wildcard.
        byte[] sofar = t.toByteArray();
        if (sofar.length == 0 || sofar[sofar.length - 1] != 2) {
          b.write('%');
          t.write(2);
        }
        i++;
      } else if (c == '_') {
        b.write('_');
        t.write(1);
        i++;
      } else {
        b.write(c);
        t.write(0);
        i++;
      }
    }
    return new LikePattern(b.toByteArray(), t.toByteArray());
  }

  /**
   * Tests rows 0..n-1 of a string vector (offsets and data addresses) at once, setting bit i of {@code out}
   * for matches; one tight loop per pattern shape.
   */
  void matchAll(long offsets, long data, int n, long[] out) {
    int m = literal == null ? 0 : literal.length;
    if (kind == PREFIX && m == 1) {
      prefixByte(offsets, data, n, literal[0], out);
      return;
    }
    long packed = 0;
    long mask = m >= 8 ? -1L : (1L << (8 * m)) - 1;
    for (int k = 0; k < Math.min(m, 8); k++) {
      packed |= (literal[k] & 0xFFL) << (8 * k);
    }
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      for (int j = 0; j < lim; j++) {
        int i = base + j;
        int st = MemoryUtil.getInt(offsets + 4L * i);
        int len = MemoryUtil.getInt(offsets + 4L * i + 4) - st;
        long a = data + st;
        boolean hit;
        switch (kind) {
          case PREFIX -> hit = len >= m && startsWith(a, len, packed, mask, m);
          case SUFFIX -> hit = len >= m && startsWith(a + len - m, m, packed, mask, m);
          case LITERAL -> hit = len == m && startsWith(a, len, packed, mask, m);
          case CONTAINS -> hit = Utf8.indexOf(a, len, literal, 0) >= 0;
          default -> hit = general(a, len);
        }
        word |= (hit ? 1L : 0L) << j;
      }
      out[base >>> 6] = word;
    }
  }

  /** {@code LIKE 'c%'}: one byte compare per row. */
  private static void prefixByte(long offsets, long data, int n, byte c, long[] out) {
    for (int base = 0; base < n; base += 64) {
      int lim = Math.min(64, n - base);
      long word = 0;
      int st = MemoryUtil.getInt(offsets + 4L * base);
      for (int j = 0; j < lim; j++) {
        int end = MemoryUtil.getInt(offsets + 4L * (base + j) + 4);
        boolean hit = end > st && MemoryUtil.getByte(data + st) == c;
        word |= (hit ? 1L : 0L) << j;
        st = end;
      }
      out[base >>> 6] = word;
    }
  }

  /** Whether the {@code len} (>= m) bytes at {@code a} start with the literal (first 8 bytes packed). */
  private boolean startsWith(long a, int len, long packed, long mask, int m) {
    if (m <= 8) {
      if (len >= 8) {
        return (MemoryUtil.getLong(a) & mask) == packed;
      }
      for (int k = 0; k < m; k++) {
        if (MemoryUtil.getByte(a + k) != literal[k]) {
          return false;
        }
      }
      return true;
    }
    return (MemoryUtil.getLong(a) & mask) == packed && Utf8.equalAt(a + 8, literal, 8, m - 8);
  }

  boolean matches(long addr, int len) {
    return switch (kind) {
      case LITERAL -> Utf8.equal(addr, len, literal);
      case PREFIX -> len >= literal.length && Utf8.equalAt(addr, literal, 0, literal.length);
      case SUFFIX -> len >= literal.length && Utf8.equalAt(addr + len - literal.length, literal, 0, literal.length);
      case CONTAINS -> Utf8.indexOf(addr, len, literal, 0) >= 0;
      default -> general(addr, len);
    };
  }

  /** Greedy wildcard matching with backtracking to the most recent '%'. */
  private boolean general(long addr, int len) {
    int m = tokens.length;
    int t = 0;
    int s = 0;
    int starT = -1;
    int starS = 0;
    while (s < len) {
      if (t < m && tokens[t] == 0 && MemoryUtil.getByte(addr + s) == bytes[t]) {
        t++;
        s++;
      } else if (t < m && tokens[t] == 1) {
        s += Utf8.charBytes(MemoryUtil.getByte(addr + s));
        t++;
      } else if (t < m && tokens[t] == 2) {
        starT = t++;
        starS = s;
      } else if (starT >= 0) {
        t = starT + 1;
        starS += Utf8.charBytes(MemoryUtil.getByte(addr + starS));
        s = starS;
      } else {
        return false;
      }
    }
    while (t < m && tokens[t] == 2) {
      t++;
    }
    return t == m && s == len;
  }
}
