package dev.quiver.executor.expressions.cast;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Spark's ANSI parsers for strings cast to numbers and booleans, working on UTF-8 bytes where Spark does
 * (integers: {@code UTF8String.toLongExact}, which trims whitespace and ISO control characters, takes an
 * optional sign and digits only -- no decimal point under ANSI mode) and on decoded text where Spark
 * decodes (floating point, decimals).
 */
final class StringParsing {
  /** Parse results outside any long: the caller raises the cast error. */
  static final long FAIL = Long.MIN_VALUE;

  private StringParsing() {}

  /** Bytes Spark's trimAll removes: ASCII whitespace and ISO control characters. */
  static boolean isTrimmable(byte b) {
    return (b >= 0 && b <= 0x20) || b == 0x7F;
  }

  /**
   * The integer in {@code len} bytes at {@code addr}, within [min, max]; {@code ok[0]} says whether it parsed.
   */
  static long parseIntegral(long addr, int len, long min, long max, boolean[] ok) {
    ok[0] = false;
    int s = 0;
    int e = len - 1;
    while (s < len && isTrimmable(MemoryUtil.getByte(addr + s))) {
      s++;
    }
    if (s == len) {
      return 0;
    }
    while (e > s && isTrimmable(MemoryUtil.getByte(addr + e))) {
      e--;
    }
    byte first = MemoryUtil.getByte(addr + s);
    boolean negative = first == '-';
    if (negative || first == '+') {
      if (e == s) {
        return 0;
      }
      s++;
    }
    // Accumulate negatively: |Long.MIN_VALUE| > Long.MAX_VALUE.
    long stop = Long.MIN_VALUE / 10;
    long result = 0;
    for (int i = s; i <= e; i++) {
      byte b = MemoryUtil.getByte(addr + i);
      if (b < '0' || b > '9') {
        return 0;
      }
      if (result < stop) {
        return 0;
      }
      result = result * 10 - (b - '0');
      if (result > 0) {
        return 0;
      }
    }
    if (!negative) {
      if (result == Long.MIN_VALUE) {
        return 0;
      }
      result = -result;
    }
    if (result < min || result > max) {
      return 0;
    }
    ok[0] = true;
    return result;
  }

  /** Java's parser, then Spark's special literals (inf, infinity, nan, any case, signed); null if neither. */
  static Double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return special(s);
    }
  }

  static Float parseFloat(String s) {
    try {
      return Float.parseFloat(s);
    } catch (NumberFormatException e) {
      Double d = special(s);
      return d == null ? null : d.floatValue();
    }
  }

  private static Double special(String s) {
    switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        return null;
    }
  }

  /** Java's BigDecimal syntax on the trimmed text (exponents allowed); null if malformed. */
  static BigDecimal parseDecimal(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** true/false per Spark's StringUtils, or null when the text is neither. */
  static Boolean parseBoolean(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isTrimmableChar(s.charAt(a))) {
      a++;
    }
    while (b > a && isTrimmableChar(s.charAt(b - 1))) {
      b--;
    }
    switch (s.substring(a, b).toLowerCase(Locale.ROOT)) {
      case "t", "true", "y", "yes", "1":
        return Boolean.TRUE;
      case "f", "false", "n", "no", "0":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static boolean isTrimmableChar(char c) {
    return c <= 0x20 || c == 0x7F;
  }
}
