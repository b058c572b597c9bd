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
 * that test; patterns of literal runs and {@code %} only search the runs in order; anything else runs the
 * greedy wildcard matcher (backtracking to the last {@code %}).
 */
final class LikePattern {
  private static final int LITERAL = 0;
  private static final int PREFIX = 1;
  private static final int SUFFIX = 2;
  private static final int CONTAINS = 3;
  private static final int SEGMENTS = 4;
  private static final int GENERAL = 5;

  /** Pattern bytes; wildcards are marked in {@link #tokens}. */
  private final byte[] bytes;
  /** Per position: 0 = literal byte, 1 = '_' (one code point), 2 = '%' (any run). */
  private final byte[] tokens;
  private final int kind;
  private final byte[] literal;
  /**
   * For {@link #SEGMENTS} (no '_', several '%'): the literal runs between the '%'s, the first anchored at the
   * start unless the pattern starts with '%', the last at the end unless it ends with '%'.
   */
  private final byte[][] segments;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;

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
    } else if (ones == 0) {
      kind = SEGMENTS;
      literal = null;
    } else {
      kind = GENERAL;
      literal = null;
    }
    anchoredStart = !startsMany;
    anchoredEnd = !endsMany;
    segments = kind == SEGMENTS ? split(bytes, tokens) : null;
  }

  /** The literal runs between '%' tokens (empty runs at the ends dropped). */
  private static byte[][] split(byte[] bytes, byte[] tokens) {
    java.util.List<byte[]> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i <= tokens.length; i++) {
      if (i == tokens.length || tokens[i] == 2) {
        if (i > start) {
          out.add(java.util.Arrays.copyOfRange(bytes, start, i));
        }
        start = i + 1;
      }
    }
    return out.toArray(new byte[0][]);
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
          case SEGMENTS -> hit = segments(a, len);
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
      case SEGMENTS -> segments(addr, len);
      default -> general(addr, len);
    };
  }

  /**
   * '%'-only patterns ({@code %special%requests%}): the anchored ends are compared in place, then each middle
   * run is searched for after the previous one. Taking each run's leftmost occurrence is enough: any match
   * could only place later runs further right.
   */
  private boolean segments(long addr, int len) {
    int first = 0;
    int last = segments.length;
    int lo = 0;
    int hi = len;
    if (anchoredStart) {
      byte[] head = segments[first++];
      if (len < head.length || !Utf8.equalAt(addr, head, 0, head.length)) {
        return false;
      }
      lo = head.length;
    }
    if (anchoredEnd) {
      byte[] tail = segments[--last];
      if (hi - lo < tail.length || !Utf8.equalAt(addr + len - tail.length, tail, 0, tail.length)) {
        return false;
      }
      hi = len - tail.length;
    }
    for (int k = first; k < last; k++) {
      byte[] seg = segments[k];
      int at = Utf8.indexOf(addr + lo, hi - lo, seg, 0);
      if (at < 0) {
        return false;
      }
      lo += at + seg.length;
    }
    return true;
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
