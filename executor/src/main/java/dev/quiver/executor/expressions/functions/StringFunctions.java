package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.cast.Casts;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.executor.expressions.vectors.VarWidthBuilder;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.StringType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;

/**
 * Spark's string functions. Positions and lengths count code points, as Spark's UTF8String does; trim
 * removes only the space character; the byte-level ones (trim, substring, reverse, length, concat, case
 * mapping of ASCII, startswith/endswith/contains) never decode to Java strings.
 */
final class StringFunctions {
  private StringFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    r.put("upper", (f, cc) -> new CaseMapping(cc.compile(f.args().get(0)), true));
    r.put("lower", (f, cc) -> new CaseMapping(cc.compile(f.args().get(0)), false));
    r.put("initcap", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setString(i, initcap(in.getString(0, i)))));
    r.put("trim", (f, cc) -> new Trim(cc.compile(f.args().get(0)), true, true));
    r.put("ltrim", (f, cc) -> new Trim(cc.compile(f.args().get(0)), true, false));
    r.put("rtrim", (f, cc) -> new Trim(cc.compile(f.args().get(0)), false, true));
    r.put("reverse", (f, cc) -> new Reverse(cc.compile(f.args().get(0))));
    r.put("length", (f, cc) -> new Length(cc.compile(f.args().get(0))));
    r.put("concat", (f, cc) -> new Concat(FunctionFactory.compileArgs(f, cc)));
    r.put("concat_ws", StringFunctions::concatWs);
    r.put("substring", StringFunctions::substring);
    r.put("lpad", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setString(i, pad(in.getString(0, i), in.getInt(1, i), in.getString(2, i), true))));
    r.put("rpad", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setString(i, pad(in.getString(0, i), in.getInt(1, i), in.getString(2, i), false))));
    r.put("instr", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
        out.setInt(i, indexOf(in.getString(0, i), in.getString(1, i), 0) + 1)));
    r.put("locate", StringFunctions::locate);
    r.put("repeat", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      int times = in.getInt(1, i);
      out.setString(i, times <= 0 ? "" : in.getString(0, i).repeat(times));
    }));
    r.put("startswith", (f, cc) -> new Match(cc.compile(f.args().get(0)), cc.compile(f.args().get(1)), Match.START));
    r.put("endswith", (f, cc) -> new Match(cc.compile(f.args().get(0)), cc.compile(f.args().get(1)), Match.END));
    r.put("contains", (f, cc) -> new Match(cc.compile(f.args().get(0)), cc.compile(f.args().get(1)), Match.ANY));
  }

  /** Lower-cases, then upper-cases the first letter of each space-separated word (Spark's InitCap). */
  static String initcap(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    int prev = ' ';
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      sb.appendCodePoint(prev == ' ' ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Code-point index of {@code sub} in {@code s} at or after code point {@code from}; -1 if absent. */
  static int indexOf(String s, String sub, int from) {
    if (sub.isEmpty()) {
      // Spark's UTF8String.indexOf returns 0 for an empty needle whatever the start.
      return 0;
    }
    int startChar;
    try {
      startChar = s.offsetByCodePoints(0, Math.min(from, s.codePointCount(0, s.length())));
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
    int at = s.indexOf(sub, startChar);
    return at < 0 ? -1 : s.codePointCount(0, at);
  }

  /** Spark's lpad/rpad: truncates to len code points, or pads with repeats of pad (empty pad: no padding). */
  static String pad(String s, int len, String pad, boolean left) {
    int chars = s.codePointCount(0, s.length());
    int spaces = len - chars;
    if (spaces <= 0 || pad.isEmpty()) {
      return codePoints(s, 0, len);
    }
    int padChars = pad.codePointCount(0, pad.length());
    StringBuilder fill = new StringBuilder();
    int count = spaces / padChars;
    for (int k = 0; k < count; k++) {
      fill.append(pad);
    }
    fill.append(codePoints(pad, 0, spaces - padChars * count));
    return left ? fill + s : s + fill;
  }

  /** Code points [start, until) of s, clamped. */
  static String codePoints(String s, int start, int until) {
    int chars = s.codePointCount(0, s.length());
    int a = Math.max(0, Math.min(start, chars));
    int b = Math.max(a, Math.min(until, chars));
    if (until <= start) {
      return "";
    }
    return s.substring(s.offsetByCodePoints(0, a), s.offsetByCodePoints(0, b));
  }

  private static Evaluator locate(dev.quiver.planner.expressions.ScalarFunction f,
      dev.quiver.executor.expressions.ChildCompiler cc) {
    // Spark: a null start gives 0 (as Hive), otherwise null if either string is null.
    return new RowFunction(f.dataType(), FunctionFactory.compileArgs(f, cc), (i, in, out, ctx) -> {
      if (in.isNull(2, i)) {
        out.setInt(i, 0);
        return;
      }
      if (in.isNull(0, i) || in.isNull(1, i)) {
        out.setNull(i);
        return;
      }
      int start = in.getInt(2, i);
      out.setInt(i, start < 1 ? 0 : indexOf(in.getString(1, i), in.getString(0, i), start - 1) + 1);
    }, false);
  }

  private static Evaluator concatWs(dev.quiver.planner.expressions.ScalarFunction f,
      dev.quiver.executor.expressions.ChildCompiler cc) {
    List<Expression> args = f.args();
    Evaluator[] evs = new Evaluator[args.size()];
    for (int a = 0; a < evs.length; a++) {
      Evaluator e = cc.compile(args.get(a));
      DataType t = args.get(a).dataType();
      // Spark takes strings and arrays of strings; other values are printed as a cast would.
      if (t instanceof ArrayType at && !(at.elementType() instanceof StringType)) {
        e = Casts.compile(e, t, new ArrayType(DataTypes.StringType, at.containsNull()));
      } else if (!(t instanceof ArrayType) && !(t instanceof StringType) && !(t instanceof NullType)) {
        e = Casts.compile(e, t, DataTypes.StringType);
      }
      evs[a] = e;
    }
    return new RowFunction(f.dataType(), evs, (i, in, out, ctx) -> {
      if (in.isNull(0, i)) {
        out.setNull(i);
        return;
      }
      String sep = in.getString(0, i);
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (int a = 1; a < in.count(); a++) {
        if (in.isNull(a, i)) {
          continue;
        }
        if (in.type(a) instanceof ArrayType) {
          for (Object e : (List<?>) in.get(a, i)) {
            if (e != null) {
              if (!first) {
                sb.append(sep);
              }
              sb.append((String) e);
              first = false;
            }
          }
        } else {
          if (!first) {
            sb.append(sep);
          }
          sb.append(in.getString(a, i));
          first = false;
        }
      }
      out.setString(i, sb.toString());
    }, false);
  }

  private static Evaluator substring(dev.quiver.planner.expressions.ScalarFunction f,
      dev.quiver.executor.expressions.ChildCompiler cc) {
    Evaluator str = cc.compile(f.args().get(0));
    Evaluator pos = cc.compile(f.args().get(1));
    Evaluator len = cc.compile(f.args().get(2));
    if (pos.isConstant() && len.isConstant()) {
      return new ConstantSubstring(str, pos, len);
    }
    return new RowFunction(f.dataType(), new Evaluator[] {str, pos, len}, (i, in, out, ctx) -> {
      long a = in.isConstant(0) ? 0 : in.address(0, i);
      if (in.isConstant(0)) {
        byte[] b = in.getBytes(0, i);
        int[] r = substringBytes(b, in.getInt(1, i), in.getInt(2, i));
        out.setBytes(i, java.util.Arrays.copyOfRange(b, r[0], r[1]));
      } else {
        int length = in.length(0, i);
        long range = substringRange(a, length, in.getInt(1, i), in.getInt(2, i));
        out.setBytes(i, a + (int) (range >>> 32), (int) range - (int) (range >>> 32));
      }
    }, true);
  }

  /**
   * Spark's UTF8String.substringSQL as byte offsets: (startByte << 32) | endByte of the result within the
   * {@code numBytes} bytes at {@code addr}.
   */
  static long substringRange(long addr, int numBytes, int pos, int length) {
    int start;
    if (pos > 0) {
      start = pos - 1;
    } else if (pos < 0) {
      start = Utf8.numChars(addr, numBytes) + pos;
    } else {
      start = 0;
    }
    long endL = (long) start + length;
    int end = endL > Integer.MAX_VALUE ? Integer.MAX_VALUE : endL < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) endL;
    if (end <= start || start >= numBytes) {
      return 0;
    }
    int i = 0;
    int c = 0;
    while (i < numBytes && c < start) {
      i += Utf8.charBytes(MemoryUtil.getByte(addr + i));
      c++;
    }
    int j = i;
    while (i < numBytes && c < end) {
      i += Utf8.charBytes(MemoryUtil.getByte(addr + i));
      c++;
    }
    i = Math.min(i, numBytes);
    return ((long) j << 32) | i;
  }

  static int[] substringBytes(byte[] b, int pos, int length) {
    int chars = Utf8.numChars(b);
    int start = pos > 0 ? pos - 1 : pos < 0 ? chars + pos : 0;
    long endL = (long) start + length;
    int end = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, endL));
    if (end <= start || start >= b.length) {
      return new int[] {0, 0};
    }
    int i = 0;
    int c = 0;
    while (i < b.length && c < start) {
      i += Utf8.charBytes(b[i]);
      c++;
    }
    int j = i;
    while (i < b.length && c < end) {
      i += Utf8.charBytes(b[i]);
      c++;
    }
    return new int[] {j, Math.min(i, b.length)};
  }

  /** substring with constant position and length: the common {@code substring(col, 1, 2)}. */
  private static final class ConstantSubstring extends StringTransform {
    private final Evaluator pos;
    private final Evaluator len;
    private boolean nullResult;
    private int p;
    private int l;
    private boolean resolved;

    ConstantSubstring(Evaluator str, Evaluator pos, Evaluator len) {
      super(str);
      this.pos = pos;
      this.len = len;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      if (!resolved && input.rowCount() > 0) {
        Object a = pos.constant(ctx);
        Object b = len.constant(ctx);
        nullResult = a == null || b == null;
        p = a == null ? 0 : ((Number) a).intValue();
        l = b == null ? 0 : ((Number) b).intValue();
        resolved = true;
      }
      if (nullResult) {
        return Results.nulls(DataTypes.StringType, input.rowCount(), ctx.allocator());
      }
      return super.evaluate(input, ctx);
    }

    @Override
    void transform(long addr, int numBytes, VarWidthBuilder out, int row) {
      long range = substringRange(addr, numBytes, p, l);
      int start = (int) (range >>> 32);
      out.append(row, addr + start, (int) range - start);
    }
  }

  /** upper/lower: ASCII text byte by byte, anything else through Java's full Unicode mapping. */
  private static final class CaseMapping extends StringTransform {
    private final boolean upper;

    CaseMapping(Evaluator child, boolean upper) {
      super(child);
      this.upper = upper;
    }

    @Override
    void transform(long addr, int len, VarWidthBuilder out, int row) {
      boolean ascii = true;
      for (int k = 0; k < len; k++) {
        if (MemoryUtil.getByte(addr + k) < 0) {
          ascii = false;
          break;
        }
      }
      if (!ascii) {
        String s = Utf8.string(addr, len);
        out.append(row, upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
        return;
      }
      long at = out.reserve(len);
      for (int k = 0; k < len; k++) {
        byte b = MemoryUtil.getByte(addr + k);
        if (upper && b >= 'a' && b <= 'z') {
          b -= 32;
        } else if (!upper && b >= 'A' && b <= 'Z') {
          b += 32;
        }
        MemoryUtil.putByte(at + k, b);
      }
      out.commit(row, len);
    }
  }

  /** trim / ltrim / rtrim: only the space character, as Spark's UTF8String.trim. */
  private static final class Trim extends StringTransform {
    private final boolean left;
    private final boolean right;

    Trim(Evaluator child, boolean left, boolean right) {
      super(child);
      this.left = left;
      this.right = right;
    }

    @Override
    void transform(long addr, int len, VarWidthBuilder out, int row) {
      int s = 0;
      int e = len;
      if (left) {
        while (s < e && MemoryUtil.getByte(addr + s) == ' ') {
          s++;
        }
      }
      if (right) {
        while (e > s && MemoryUtil.getByte(addr + e - 1) == ' ') {
          e--;
        }
      }
      out.append(row, addr + s, e - s);
    }
  }

  /** Code points in reverse order, each keeping its bytes. */
  private static final class Reverse extends StringTransform {
    Reverse(Evaluator child) {
      super(child);
    }

    @Override
    void transform(long addr, int len, VarWidthBuilder out, int row) {
      long at = out.reserve(len);
      int i = 0;
      while (i < len) {
        int cb = Math.min(Utf8.charBytes(MemoryUtil.getByte(addr + i)), len - i);
        MemoryUtil.copyMemory(addr + i, at + len - i - cb, cb);
        i += cb;
      }
      out.commit(row, len);
    }
  }

  /** Characters of a string (code points), bytes of a binary value. */
  private static final class Length extends Evaluator {
    private final Evaluator child;
    private final boolean binary;

    Length(Evaluator child) {
      super(DataTypes.IntegerType);
      this.child = child;
      this.binary = child.dataType() instanceof BinaryType;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      try (FieldVector src = child.evaluate(input, ctx)) {
        if (n == 0 || src instanceof NullVector) {
          return Results.nulls(DataTypes.IntegerType, n, ctx.allocator());
        }
        BaseVariableWidthVector in = (BaseVariableWidthVector) src;
        long off = in.getOffsetBufferAddress();
        long data = in.getDataBufferAddress();
        IntVector out = Results.ints(n, ctx.allocator());
        long oa = out.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          int s = Utf8.start(off, i);
          int len = Utf8.end(off, i) - s;
          MemoryUtil.putInt(oa + 4L * i, binary ? len : Utf8.numChars(data + s, len));
        }
        MemoryUtil.copyMemory(in.getValidityBufferAddress(), out.getValidityBufferAddress(), Bits.bytes(n));
        out.setValueCount(n);
        return out;
      }
    }

    @Override
    public void close() {
      child.close();
    }
  }

  /** concat: null if any argument is null; no arguments give the empty string. */
  private static final class Concat extends Evaluator {
    private final Evaluator[] args;

    Concat(Evaluator[] args) {
      super(DataTypes.StringType);
      this.args = args;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      Operand[] ops = new Operand[args.length];
      try {
        for (int a = 0; a < args.length; a++) {
          ops[a] = Operand.of(args[a], input, ctx);
          if (ops[a].isNull()) {
            return Results.nulls(DataTypes.StringType, n, ctx.allocator());
          }
        }
        long[] valid = Operand.and(n, ops);
        BaseVariableWidthVector out = (BaseVariableWidthVector) Results.allocate(DataTypes.StringType, n,
            ctx.allocator());
        try {
          VarWidthBuilder b = new VarWidthBuilder(out, n, 16L * n * Math.max(1, args.length));
          for (int i = 0; i < n; i++) {
            if (!Bits.get(valid, i)) {
              b.appendNull(i);
              continue;
            }
            for (Operand o : ops) {
              if (o.isConstant()) {
                b.appendPart(o.constantBytes, 0, o.constantBytes.length);
              } else {
                int s = o.start(i);
                b.appendPart(o.data + s, o.end(i) - s);
              }
            }
            b.endRow(i);
          }
          b.finish(n);
          return out;
        } catch (RuntimeException | Error e) {
          out.close();
          throw e;
        }
      } finally {
        for (Operand o : ops) {
          if (o != null) {
            o.close();
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

  /** startswith / endswith / contains on UTF-8 bytes. */
  private static final class Match extends Evaluator {
    static final int START = 0;
    static final int END = 1;
    static final int ANY = 2;

    private final Evaluator str;
    private final Evaluator sub;
    private final int kind;

    Match(Evaluator str, Evaluator sub, int kind) {
      super(DataTypes.BooleanType);
      this.str = str;
      this.sub = sub;
      this.kind = kind;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      if (n == 0) {
        return Results.bits(0, ctx.allocator());
      }
      try (Operand s = Operand.of(str, input, ctx); Operand p = Operand.of(sub, input, ctx)) {
        if (s.isNull() || p.isNull()) {
          return Results.nulls(DataTypes.BooleanType, n, ctx.allocator());
        }
        long[] valid = Operand.and(n, s, p);
        long[] value = new long[valid.length];
        for (int i = 0; i < n; i++) {
          long sa;
          int sl;
          byte[] sc = null;
          if (s.isConstant()) {
            sc = s.constantBytes;
            sa = 0;
            sl = sc.length;
          } else {
            int st = s.start(i);
            sa = s.data + st;
            sl = s.end(i) - st;
          }
          boolean hit;
          if (p.isConstant() && sc == null) {
            byte[] needle = p.constantBytes;
            hit = matches(sa, sl, needle);
          } else {
            byte[] hay = sc != null ? sc : Utf8.bytes(sa, sl);
            byte[] needle = p.isConstant() ? p.constantBytes : Utf8.bytes(p.data + p.start(i), p.end(i) - p.start(i));
            hit = matches(hay, needle);
          }
          if (hit) {
            Bits.set(value, i);
          }
        }
        for (int w = 0; w < value.length; w++) {
          value[w] &= valid[w];
        }
        return Results.bits(valid, value, n, ctx.allocator());
      }
    }

    private boolean matches(long addr, int len, byte[] needle) {
      int m = needle.length;
      if (m > len) {
        return false;
      }
      return switch (kind) {
        case START -> Utf8.equalAt(addr, needle, 0, m);
        case END -> Utf8.equalAt(addr + len - m, needle, 0, m);
        default -> Utf8.indexOf(addr, len, needle, 0) >= 0;
      };
    }

    private boolean matches(byte[] hay, byte[] needle) {
      int m = needle.length;
      if (m > hay.length) {
        return false;
      }
      return switch (kind) {
        case START -> java.util.Arrays.equals(hay, 0, m, needle, 0, m);
        case END -> java.util.Arrays.equals(hay, hay.length - m, hay.length, needle, 0, m);
        default -> new String(hay, java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1));
      };
    }

    @Override
    public void close() {
      str.close();
      sub.close();
    }
  }
}
