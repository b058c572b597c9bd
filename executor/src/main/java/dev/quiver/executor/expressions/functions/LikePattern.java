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
