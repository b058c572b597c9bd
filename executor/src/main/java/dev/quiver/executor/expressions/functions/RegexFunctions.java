package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Utf8;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.arrow.vector.FieldVector;

/**
 * LIKE, RLIKE and the regexp functions. Patterns use Java's regex syntax, as in Spark (replacement strings
 * use {@code $1}). A constant pattern is compiled once per task; a per-row pattern is compiled when it
 * changes. LIKE never uses regex: see {@link LikePattern}.
 */
final class RegexFunctions {
  private RegexFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    r.put("like", (f, cc) -> new Like(cc.compile(f.args().get(0)), cc.compile(f.args().get(1))));
    r.put("rlike", (f, cc) -> {
      PatternCache cache = new PatternCache("rlike", "regexp");
      return FunctionFactory.rows(f, cc, (i, in, out, ctx) ->
          out.setBoolean(i, cache.get(in.getString(1, i)).matcher(in.getString(0, i)).find(0)));
    });
    r.put("regexp_replace", RegexFunctions::regexpReplace);
    r.put("regexp_extract", RegexFunctions::regexpExtract);
    r.put("split", RegexFunctions::split);
  }

  /** The last compiled pattern, reused while the pattern text stays the same. */
  static final class PatternCache {
    private final String function;
    private final String parameter;
    private String text;
    private Pattern pattern;

    PatternCache(String function, String parameter) {
      this.function = function;
      this.parameter = parameter;
    }

    Pattern get(String regex) {
      if (!regex.equals(text)) {
        try {
          pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          throw AnsiErrors.invalidParameter(function, "`" + parameter + "`", "'" + regex + "'.");
        }
        text = regex;
      }
      return pattern;
    }
  }

  private static Evaluator regexpReplace(ScalarFunction f, ChildCompiler cc) {
    PatternCache cache = new PatternCache("regexp_replace", "regexp");
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String source = in.getString(0, i);
      Pattern p = cache.get(in.getString(1, i));
      String replacement = in.getString(2, i);
      int position = in.getInt(3, i) - 1;
      if (position < 0) {
        throw AnsiErrors.invalidParameter("regexp_replace", "`position`",
            "Expects a positive value, but got " + (position + 1) + ".");
      }
      if (position == 0 || position < source.length()) {
        Matcher m = p.matcher(source);
        m.region(position, source.length());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(sb, replacement);
        }
        m.appendTail(sb);
        out.setString(i, sb.toString());
      } else {
        out.setString(i, source);
      }
    });
  }

  private static Evaluator regexpExtract(ScalarFunction f, ChildCompiler cc) {
    PatternCache cache = new PatternCache("regexp_extract", "regexp");
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      Matcher m = cache.get(in.getString(1, i)).matcher(in.getString(0, i));
      if (!m.find()) {
        out.setString(i, "");
        return;
      }
      int index = in.getInt(2, i);
      if (index < 0 || index > m.groupCount()) {
        throw AnsiErrors.invalidParameter("regexp_extract", "`idx`", "Expects group index between 0 and "
            + m.groupCount() + ", but got " + index + ".");
      }
      String group = m.group(index);
      out.setString(i, group == null ? "" : group);
    });
  }

  private static Evaluator split(ScalarFunction f, ChildCompiler cc) {
    PatternCache cache = new PatternCache("split", "regex");
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      String s = in.getString(0, i);
      String regex = in.getString(1, i);
      int limit = in.getInt(2, i);
      out.set(i, split(s, regex, limit, cache));
    });
  }

  /** Spark's UTF8String.split: Java's split, but a zero limit keeps trailing empty strings. */
  static List<String> split(String s, String regex, int limit, PatternCache cache) {
    if (!s.isEmpty() && regex.isEmpty()) {
      int chars = s.codePointCount(0, s.length());
      int keep = limit > chars || limit <= 0 ? chars : limit;
      List<String> out = new ArrayList<>(keep);
      int at = 0;
      for (int k = 0; k < keep; k++) {
        int next = s.offsetByCodePoints(at, 1);
        out.add(s.substring(at, next));
        at = next;
      }
      return out;
    }
    return Arrays.asList(cache.get(regex).split(s, limit == 0 ? -1 : limit));
  }

  /** str LIKE pattern, on bytes. */
  private static final class Like extends Evaluator {
    private final Evaluator str;
    private final Evaluator pattern;
    private String lastText;
    private LikePattern last;

    Like(Evaluator str, Evaluator pattern) {
      super(DataTypes.BooleanType);
      this.str = str;
      this.pattern = pattern;
    }

    private LikePattern compiled(String text) {
      if (!text.equals(lastText)) {
        last = LikePattern.compile(text);
        lastText = text;
      }
      return last;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      if (n == 0) {
        return Results.bits(0, ctx.allocator());
      }
      try (Operand s = Operand.of(str, input, ctx); Operand p = Operand.of(pattern, input, ctx)) {
        if (s.isNull() || p.isNull()) {
          return Results.nulls(DataTypes.BooleanType, n, ctx.allocator());
        }
        long[] valid = Operand.and(n, s, p);
        long[] value = new long[valid.length];
        LikePattern constant = p.isConstant() ? compiled((String) p.constant) : null;
        // A constant string matched against per-row patterns: its bytes go to Arrow memory once.
        org.apache.arrow.memory.ArrowBuf constantText = null;
        if (s.isConstant()) {
          constantText = ctx.allocator().buffer(Math.max(s.constantBytes.length, 1));
          constantText.setBytes(0, s.constantBytes);
        }
        try {
          if (constant != null && !s.isConstant()) {
            constant.matchAll(s.offsets, s.data, n, value);
          } else {
            for (int i = 0; i < n; i++) {
              if (!Bits.get(valid, i)) {
                continue;
              }
              LikePattern lp = constant != null ? constant
                  : compiled(Utf8.string(p.data + p.start(i), p.end(i) - p.start(i)));
              boolean hit;
              if (constantText != null) {
                hit = lp.matches(constantText.memoryAddress(), s.constantBytes.length);
              } else {
                int st = s.start(i);
                hit = lp.matches(s.data + st, s.end(i) - st);
              }
              if (hit) {
                Bits.set(value, i);
              }
            }
          }
          for (int w = 0; w < value.length; w++) {
            value[w] &= valid[w];
          }
        } finally {
          if (constantText != null) {
            constantText.close();
          }
        }
        return Results.bits(valid, value, n, ctx.allocator());
      }
    }

    @Override
    public void close() {
      str.close();
      pattern.close();
    }
  }
}
