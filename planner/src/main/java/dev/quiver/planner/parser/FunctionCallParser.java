package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code name([DISTINCT] args) [OVER (...)]} and the calls with SQL's keyword syntax:
 * {@code EXTRACT(YEAR FROM d)}, {@code SUBSTRING(s FROM 2 FOR 3)}, {@code POSITION(a IN b)}. Calls stay
 * unresolved by name for the analyzer, except {@code IF(c, a, b)}, which is a CASE WHEN.
 */
final class FunctionCallParser {
  /** EXTRACT fields and the function that computes each. */
  private static final Map<String, String> EXTRACT_FIELDS = Map.ofEntries(
      Map.entry("YEAR", "year"), Map.entry("YEARS", "year"), Map.entry("Y", "year"),
      Map.entry("YR", "year"), Map.entry("YRS", "year"),
      Map.entry("QUARTER", "quarter"), Map.entry("QTR", "quarter"),
      Map.entry("MONTH", "month"), Map.entry("MONTHS", "month"), Map.entry("MON", "month"),
      Map.entry("MONS", "month"),
      Map.entry("WEEK", "weekofyear"), Map.entry("WEEKS", "weekofyear"), Map.entry("W", "weekofyear"),
      Map.entry("DAY", "dayofmonth"), Map.entry("DAYS", "dayofmonth"), Map.entry("D", "dayofmonth"),
      Map.entry("DAYOFWEEK", "dayofweek"), Map.entry("DOW", "dayofweek"),
      Map.entry("DOY", "dayofyear"),
      Map.entry("HOUR", "hour"), Map.entry("HOURS", "hour"), Map.entry("H", "hour"), Map.entry("HR", "hour"),
      Map.entry("HRS", "hour"),
      Map.entry("MINUTE", "minute"), Map.entry("MINUTES", "minute"), Map.entry("MIN", "minute"),
      Map.entry("MINS", "minute"), Map.entry("M", "minute"));

  private static final java.util.Random SEEDS = new java.util.Random();

  private final TokenCursor in;
  private final ExpressionParser expressions;

  FunctionCallParser(TokenCursor in, ExpressionParser expressions) {
    this.in = in;
    this.expressions = expressions;
  }

  /** The call of {@code name}, with the cursor on its opening parenthesis. */
  Expression call(String name) {
    in.expectOperator("(");
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("extract") && in.peek().kind() == Token.Kind.IDENTIFIER && in.peek(1).isKeyword("FROM")) {
      return extract();
    }
    boolean distinct = in.acceptKeyword("DISTINCT");
    if (!distinct && in.atKeyword("ALL") && !in.peek(1).isOperator(")") && !in.peek(1).isOperator(",")) {
      in.next();
    }
    List<Expression> args = new ArrayList<>();
    if (lower.equals("trim") && !distinct) {
      Expression trim = trimWithKeywords();
      if (trim != null) {
        return trim;
      }
    }
    if (!in.atOperator(")")) {
      if (lower.equals("position") && !distinct) {
        return position();
      }
      args.add(expressions.expression());
      if (lower.equals("trim") && !distinct && in.acceptKeyword("FROM")) {
        // TRIM(chars FROM str) trims both ends.
        Expression source = expressions.expression();
        in.expectOperator(")");
        return new UnresolvedFunction("trim", List.of(args.get(0), source), false);
      }
      if ((lower.equals("substring") || lower.equals("substr")) && in.acceptKeyword("FROM")) {
        args.add(expressions.expression());
        if (in.acceptKeyword("FOR")) {
          args.add(expressions.expression());
        }
      }
      while (in.acceptOperator(",")) {
        args.add(expressions.expression());
      }
    }
    in.expectOperator(")");
    rejectUnsupportedModifiers();
    if ((lower.equals("rand") || lower.equals("randn")) && args.isEmpty() && !distinct) {
      // Spark draws the seed of rand() once per query text and hides it in the name; drawing it here keeps it
      // fixed for the DataFrame however often its plan is analyzed. The TRUE marks the seed as hidden.
      args.add(Literal.of(SEEDS.nextLong()));
      args.add(Literal.TRUE);
    }
    Expression call;
    if (lower.equals("if") && args.size() == 3 && !distinct) {
      call = new CaseWhen(List.of(new CaseWhen.Branch(args.get(0), args.get(1))), Optional.of(args.get(2)));
    } else {
      call = new UnresolvedFunction(name, args, distinct);
    }
    return in.atKeyword("OVER") ? over(call) : call;
  }

  private void rejectUnsupportedModifiers() {
    if (in.atKeyword("FILTER") && in.peek(1).isOperator("(")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "aggregate FILTER clauses");
    }
    if (in.atKeyword("IGNORE", "RESPECT") && in.peek(1).isKeyword("NULLS")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "IGNORE NULLS / RESPECT NULLS in SQL text");
    }
    if (in.atKeyword("WITHIN") && in.peek(1).isKeyword("GROUP")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "WITHIN GROUP");
    }
  }

  /**
   * TRIM(BOTH|LEADING|TRAILING [chars] FROM str) and TRIM(FROM str), with the cursor after the parenthesis:
   * trim/ltrim/rtrim of str, with the characters first as in Spark's trim(chars, str). Null when the call
   * uses neither keyword (then it is an ordinary call, or TRIM(chars FROM str)).
   */
  private Expression trimWithKeywords() {
    String function;
    if (in.atKeyword("BOTH", "LEADING", "TRAILING") && !in.peek(1).isOperator(")") && !in.peek(1).isOperator(",")
        && !in.peek(1).isOperator(".")) {
      String option = in.next().keyword();
      function = option.equals("LEADING") ? "ltrim" : option.equals("TRAILING") ? "rtrim" : "trim";
    } else if (in.atKeyword("FROM")) {
      function = "trim";
    } else {
      return null;
    }
    Expression chars = in.atKeyword("FROM") ? null : expressions.expression();
    in.expectKeyword("FROM");
    Expression source = expressions.expression();
    in.expectOperator(")");
    return new UnresolvedFunction(function, chars == null ? List.of(source) : List.of(chars, source), false);
  }

  /** EXTRACT(field FROM source) as the function for that field: EXTRACT(YEAR FROM d) is year(d). */
  private Expression extract() {
    Token field = in.next();
    String function = EXTRACT_FIELDS.get(field.keyword());
    if (function == null) {
      throw ParseErrors.unsupported(in.sql(), field, "EXTRACT(" + field.text() + " FROM ...)");
    }
    in.expectKeyword("FROM");
    Expression source = expressions.expression();
    in.expectOperator(")");
    return new UnresolvedFunction(function, List.of(source), false);
  }

  /** POSITION(substr IN str) is locate(substr, str); so is POSITION(substr, str[, start]). */
  private Expression position() {
    List<Expression> args = new ArrayList<>();
    args.add(expressions.valueExpression());
    if (in.acceptKeyword("IN")) {
      args.add(expressions.valueExpression());
    } else {
      while (in.acceptOperator(",")) {
        args.add(expressions.expression());
      }
    }
    in.expectOperator(")");
    return new UnresolvedFunction("locate", args, false);
  }

  /** OVER ([PARTITION BY ...] [ORDER BY ...] [ROWS|RANGE frame]); frames default as in the DataFrame API. */
  private Expression over(Expression function) {
    in.expectKeyword("OVER");
    if (!in.atOperator("(")) {
      throw ParseErrors.unsupported(in.sql(), in.peek(), "named windows");
    }
    in.next();
    List<Expression> partition = new ArrayList<>();
    if (in.atKeyword("PARTITION", "DISTRIBUTE") && in.peek(1).isKeyword("BY")) {
      in.next();
      in.next();
      partition = expressions.expressionList();
    }
    List<SortOrder> order = new ArrayList<>();
    if (in.atKeyword("ORDER", "SORT") && in.peek(1).isKeyword("BY")) {
      in.next();
      in.next();
      order = expressions.sortList();
    }
    WindowFrame frame = order.isEmpty() ? WindowFrame.WHOLE_PARTITION : WindowFrame.DEFAULT_ORDERED;
    if (in.atKeyword("ROWS", "RANGE")) {
      WindowFrame.FrameType type = in.next().isKeyword("ROWS") ? WindowFrame.FrameType.ROWS
          : WindowFrame.FrameType.RANGE;
      long lower;
      long upper = WindowFrame.CURRENT_ROW;
      if (in.acceptKeyword("BETWEEN")) {
        lower = frameBound();
        in.expectKeyword("AND");
        upper = frameBound();
      } else {
        lower = frameBound();
      }
      frame = new WindowFrame(type, lower, upper);
    }
    in.expectOperator(")");
    return new WindowExpression(function, partition, order, frame);
  }

  private long frameBound() {
    if (in.acceptKeyword("UNBOUNDED")) {
      if (in.acceptKeyword("PRECEDING")) {
        return WindowFrame.UNBOUNDED_PRECEDING;
      }
      in.expectKeyword("FOLLOWING");
      return WindowFrame.UNBOUNDED_FOLLOWING;
    }
    if (in.acceptKeyword("CURRENT")) {
      in.expectKeyword("ROW");
      return WindowFrame.CURRENT_ROW;
    }
    Token at = in.peek();
    Expression offset = expressions.expression();
    long value;
    if (offset instanceof Literal l && (l.value() instanceof Integer || l.value() instanceof Long)) {
      value = ((Number) l.value()).longValue();
    } else {
      throw ParseErrors.unsupported(in.sql(), at, "window frame bounds other than integer literals");
    }
    if (in.acceptKeyword("PRECEDING")) {
      return -value;
    }
    in.expectKeyword("FOLLOWING");
    return value;
  }
}
