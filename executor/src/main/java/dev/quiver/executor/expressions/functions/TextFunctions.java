package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * More of Spark's string functions: format_number, format_string/printf, substring_index, translate, trim
 * of given characters (trim/ltrim/rtrim with two arguments, btrim), left, right, ascii, chr and
 * levenshtein. Those that only cut a string (trim, left, right, substring_index) copy bytes without decoding.
 */
final class TextFunctions {
  private TextFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    r.put("format_number", TextFunctions::formatNumber);
    r.put("format_string", (f, cc) -> formatString(f, cc, "format_string"));
    r.put("printf", (f, cc) -> formatString(f, cc, "printf"));
    r.put("substring_index", TextFunctions::substringIndex);
    r.put("translate", TextFunctions::translate);
    r.put("trim_chars", (f, cc) -> trimChars(f, cc, true, true));
    r.put("ltrim_chars", (f, cc) -> trimChars(f, cc, true, false));
    r.put("rtrim_chars", (f, cc) -> trimChars(f, cc, false, true));
    r.put("btrim", (f, cc) -> trimChars(f, cc, true, true));
    r.put("left", (f, cc) -> leftRight(f, cc, true));
    r.put("right", (f, cc) -> leftRight(f, cc, false));
    r.put("ascii", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      // The first character's code point, 0 for the empty string.
      String s = firstChar(in, i);
      out.setInt(i, s.isEmpty() ? 0 : s.codePointAt(0));
    }));
    FunctionFactory chr = (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      // Negative codes give the empty string; others keep their low byte (chr(256 + 65) is 'A').
      long code = in.getLong(0, i);
      out.setString(i, code < 0 ? "" : String.valueOf((char) (code & 0xFF)));
    });
    r.put("chr", chr);
    r.put("char", chr);
    r.put("levenshtein", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      int distance = levenshtein(in.getString(0, i), in.getString(1, i));
      out.setInt(i, in.count() > 2 && distance > in.getInt(2, i) ? -1 : distance);
    }));
  }

  /** The edit distance between two strings, counted in code points. */
  static int levenshtein(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] previous = new int[y.length + 1];
    int[] current = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      current[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[y.length];
  }

  private static String firstChar(Args in, int i) {
    if (in.isConstant(0)) {
      String s = in.getString(0, i);
      return s.isEmpty() ? s : s.substring(0, Character.charCount(s.codePointAt(0)));
    }
    int len = in.length(0, i);
    if (len == 0) {
      return "";
    }
    long a = in.address(0, i);
    return Utf8.string(a, Math.min(len, Utf8.charBytes(MemoryUtil.getByte(a))));
  }

  // ------------------------------------------------------------------ format_number

  /** Spark's FormatNumber: {@code #,###,###,###,###,###,##0.00} (d places, HALF_EVEN) or a DecimalFormat pattern. */
  private static Evaluator formatNumber(ScalarFunction f, ChildCompiler cc) {
    DataType x = f.args().get(0).dataType();
    boolean places = !(f.args().get(1).dataType() instanceof StringType);
    DecimalFormat format = new DecimalFormat("", new DecimalFormatSymbols(Locale.US));
    Object[] last = new Object[1];
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      Object key;
      String pattern;
      if (places) {
        int d = in.getInt(1, i);
        if (d < 0) {
          out.setNull(i);
          return;
        }
        key = d;
        pattern = d == 0 ? "#,###,###,###,###,###,##0" : "#,###,###,###,###,###,##0." + "0".repeat(d);
      } else {
        String p = in.getString(1, i);
        key = p;
        pattern = p.isEmpty() ? "#,###,###,###,###,###,##0" : p;
      }
      if (!key.equals(last[0])) {
        try {
          format.applyLocalizedPattern(pattern);
        } catch (IllegalArgumentException e) {
          throw AnsiErrors.invalidParameter("format_number", "`d`", "'" + pattern + "' is not a valid number "
              + "format: " + e.getMessage());
        }
        last[0] = key;
      }
      String text;
      if (x instanceof DoubleType || x instanceof FloatType) {
        text = format.format(in.getDouble(0, i));
      } else if (x instanceof DecimalType) {
        text = format.format(in.getDecimal(0, i));
      } else {
        text = format.format(integral(in, x, i));
      }
      out.setString(i, text);
    });
  }

  private static long integral(Args in, DataType t, int i) {
    long addr = in.operand(0).data + in.operand(0).stride * i;
    if (t instanceof LongType) {
      return MemoryUtil.getLong(addr);
    }
    if (t instanceof IntegerType) {
      return MemoryUtil.getInt(addr);
    }
    if (t instanceof ShortType) {
      return MemoryUtil.getShort(addr);
    }
    if (t instanceof ByteType) {
      return MemoryUtil.getByte(addr);
    }
    throw new IllegalStateException("format_number of " + t.simpleString());
  }

  // ------------------------------------------------------------------ format_string / printf

  /**
   * Spark's FormatString: java.util.Formatter with Locale.US over the argument values as Spark holds them
   * (strings, numbers; dates as days and timestamps as microseconds since the epoch). Null if the format is.
   */
  private static Evaluator formatString(ScalarFunction f, ChildCompiler cc, String name) {
    return new RowFunction(f.dataType(), FunctionFactory.compileArgs(f, cc), (i, in, out, ctx) -> {
      if (in.isNull(0, i)) {
        out.setNull(i);
        return;
      }
      Object[] values = new Object[in.count() - 1];
      for (int a = 1; a < in.count(); a++) {
        values[a - 1] = in.isNull(a, i) ? null : formatArgument(in, a, i);
      }
      String pattern = in.getString(0, i);
      try {
        out.setString(i, new java.util.Formatter(new StringBuilder(), Locale.US).format(pattern, values).toString());
      } catch (IllegalFormatException e) {
        throw AnsiErrors.invalidParameter(name, "`strfmt`", "the format '" + pattern + "' does not fit its "
            + "arguments: " + e);
      }
    }, false);
  }

  private static Object formatArgument(Args in, int a, int i) {
    DataType t = in.type(a);
    if (t instanceof StringType) {
      return in.getString(a, i);
    }
    if (t instanceof BinaryType) {
      return in.getBytes(a, i);
    }
    return in.get(a, i);
  }

  // ------------------------------------------------------------------ substring_index

  /** Spark's UTF8String.subStringIndex: the part before the count-th delimiter (after it, from the right if < 0). */
  private static Evaluator substringIndex(ScalarFunction f, ChildCompiler cc) {
    ByteScratch str = new ByteScratch();
    ByteScratch delim = new ByteScratch();
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      str.load(in, 0, i);
      delim.load(in, 1, i);
      int count = in.getInt(2, i);
      long range = substringIndex(str.buf, str.len, delim.buf, delim.len, count);
      int start = (int) (range >>> 32);
      out.strings().append(i, str.buf, start, (int) range - start);
    });
  }

  /** (start << 32) | end of the result within {@code s[0..n)}. */
  static long substringIndex(byte[] s, int n, byte[] d, int m, int count) {
    if (m == 0 || count == 0) {
      return 0;
    }
    if (count > 0) {
      int idx = -1;
      while (count > 0) {
        idx = find(s, n, d, m, idx + 1);
        if (idx < 0) {
          return n;
        }
        count--;
      }
      return idx;
    }
    int idx = n - m + 1;
    count = -count;
    while (count > 0) {
      idx = rfind(s, n, d, m, idx - 1);
      if (idx < 0) {
        return n;
      }
      count--;
    }
    return ((long) (idx + m) << 32) | n;
  }

  private static int find(byte[] s, int n, byte[] d, int m, int from) {
    for (int i = Math.max(from, 0); i + m <= n; i++) {
      if (java.util.Arrays.equals(s, i, i + m, d, 0, m)) {
        return i;
      }
    }
    return -1;
  }

  private static int rfind(byte[] s, int n, byte[] d, int m, int from) {
    for (int i = Math.min(from, n - m); i >= 0; i--) {
      if (java.util.Arrays.equals(s, i, i + m, d, 0, m)) {
        return i;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ translate

  /**
   * Spark's translate: each character of the source found in {@code matching} becomes the character at the
   * same position of {@code replace}, or is removed when replace is shorter; the first occurrence of a
   * character in matching wins. Characters are code points.
   */
  private static Evaluator translate(ScalarFunction f, ChildCompiler cc) {
    String[] lastKeys = new String[2];
    Object[] dict = new Object[1];
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String matching = in.getString(1, i);
      String replace = in.getString(2, i);
      if (!matching.equals(lastKeys[0]) || !replace.equals(lastKeys[1])) {
        dict[0] = buildDict(matching, replace);
        lastKeys[0] = matching;
        lastKeys[1] = replace;
      }
      @SuppressWarnings("unchecked")
      Map<Integer, Integer> d = (Map<Integer, Integer>) dict[0];
      String s = in.getString(0, i);
      StringBuilder sb = new StringBuilder(s.length());
      for (int k = 0; k < s.length(); ) {
        int cp = s.codePointAt(k);
        Integer to = d.get(cp);
        if (to == null) {
          sb.appendCodePoint(cp);
        } else if (to >= 0) {
          sb.appendCodePoint(to);
        }
        k += Character.charCount(cp);
      }
      out.setString(i, sb.toString());
    });
  }

  /** Code point to its replacement, or -1 to delete it. */
  static Map<Integer, Integer> buildDict(String matching, String replace) {
    Map<Integer, Integer> dict = new HashMap<>();
    int j = 0;
    for (int k = 0; k < matching.length(); ) {
      int cp = matching.codePointAt(k);
      int rep = -1;
      if (j < replace.length()) {
        rep = replace.codePointAt(j);
        j += Character.charCount(rep);
      }
      dict.putIfAbsent(cp, rep);
      k += Character.charCount(cp);
    }
    return dict;
  }

  // ------------------------------------------------------------------ trim of characters, left, right

  /**
   * trim(str, chars) and its one-sided forms: removes from the ends every character (code point) that occurs
   * in {@code chars}. btrim(str) trims spaces. ASCII character sets are matched byte by byte in place.
   */
  private static Evaluator trimChars(ScalarFunction f, ChildCompiler cc, boolean left, boolean right) {
    boolean spacesOnly = f.args().size() == 1;
    boolean[] ascii = new boolean[128];
    String[] lastChars = new String[1];
    boolean[] allAscii = new boolean[1];
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String chars = spacesOnly ? " " : in.getString(1, i);
      if (!chars.equals(lastChars[0])) {
        java.util.Arrays.fill(ascii, false);
        allAscii[0] = true;
        for (int k = 0; k < chars.length(); k++) {
          char c = chars.charAt(k);
          if (c < 128) {
            ascii[c] = true;
          } else {
            allAscii[0] = false;
          }
        }
        lastChars[0] = chars;
      }
      if (allAscii[0] && !in.isConstant(0)) {
        long a = in.address(0, i);
        int s = 0;
        int e = in.length(0, i);
        if (left) {
          while (s < e && isAsciiIn(MemoryUtil.getByte(a + s), ascii)) {
            s++;
          }
        }
        if (right) {
          while (e > s && isAsciiIn(MemoryUtil.getByte(a + e - 1), ascii)) {
            e--;
          }
        }
        out.setBytes(i, a + s, e - s);
        return;
      }
      out.setString(i, trim(in.getString(0, i), chars, left, right));
    });
  }

  private static boolean isAsciiIn(byte b, boolean[] set) {
    return b >= 0 && set[b];
  }

  static String trim(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end) {
        int cp = s.codePointAt(start);
        if (chars.indexOf(cp) < 0) {
          break;
        }
        start += Character.charCount(cp);
      }
    }
    if (right) {
      while (end > start) {
        int cp = s.codePointBefore(end);
        if (chars.indexOf(cp) < 0) {
          break;
        }
        end -= Character.charCount(cp);
      }
    }
    return s.substring(start, end);
  }

  /** left(str, n) is substring(str, 1, n); right(str, n) is substring(str, -n, n); both "" when n <= 0. */
  private static Evaluator leftRight(ScalarFunction f, ChildCompiler cc, boolean left) {
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      int n = in.getInt(1, i);
      if (n <= 0) {
        out.setBytes(i, new byte[0]);
        return;
      }
      int pos = left ? 1 : -n;
      if (in.isConstant(0)) {
        byte[] b = in.getBytes(0, i);
        int[] r = StringFunctions.substringBytes(b, pos, n);
        out.setBytes(i, java.util.Arrays.copyOfRange(b, r[0], r[1]));
      } else {
        long a = in.address(0, i);
        long range = StringFunctions.substringRange(a, in.length(0, i), pos, n);
        int start = (int) (range >>> 32);
        out.setBytes(i, a + start, (int) range - start);
      }
    });
  }
}
