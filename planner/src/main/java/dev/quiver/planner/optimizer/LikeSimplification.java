package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.DataTypes;

/**
 * Replaces a LIKE whose pattern is a literal of one simple shape by the plain string test it amounts to
 * (Spark's LikeSimplification), which the scan can also use ({@code startswith} goes to the Parquet reader):
 *
 * <ul>
 *   <li>{@code x LIKE 'abc%'} is {@code startswith(x, 'abc')}, {@code '%abc'} is {@code endswith},
 *       {@code '%abc%'} is {@code contains} and {@code 'abc'} is {@code x = 'abc'};
 *   <li>{@code x LIKE 'abc%def'} is {@code length(x) >= 6 AND startswith(x, 'abc') AND endswith(x, 'def')}
 *       (without the length check {@code 'abca'} would match {@code 'abc%ca'}, its ends sharing a character);
 *   <li>a null pattern makes the result null.
 * </ul>
 *
 * A pattern with {@code _} or the escape character {@code \} is left to the pattern matcher. Output names
 * do not change: an unnamed LIKE was given its name by the analyzer, before this rule runs.
 *
 * <pre>
 * Filter p_type#1 LIKE PROMO%          Filter startswith(p_type#1, PROMO)
 * +- FileRelation [p_type#1]     =>    +- FileRelation [p_type#1]
 * </pre>
 */
public final class LikeSimplification implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return PlanExpressions.transformUp(plan, LikeSimplification::simplify);
  }

  static Expression simplify(Expression e) {
    if (!(e instanceof ScalarFunction fn) || !fn.name().equals("like") || fn.args().size() != 2
        || !(fn.args().get(1) instanceof Literal pattern)) {
      return e;
    }
    if (pattern.isNull()) {
      return Literal.nullOf(DataTypes.BooleanType);
    }
    if (!(pattern.value() instanceof String text)) {
      return e;
    }
    Expression rewritten = rewrite(fn.args().get(0), text);
    return rewritten == null ? e : rewritten;
  }

  /** The plain test equal to {@code input LIKE pattern}; null when the pattern has no such form. */
  private static Expression rewrite(Expression input, String pattern) {
    if (pattern.indexOf('_') >= 0 || pattern.indexOf('\\') >= 0) {
      return null;
    }
    int first = pattern.indexOf('%');
    if (first < 0) {
      return new Comparison(ComparisonOp.EQ, input, Literal.of(pattern));
    }
    int last = pattern.lastIndexOf('%');
    int end = pattern.length() - 1;
    if (first == last) {
      if (first == end && first > 0) {
        return call("startswith", input, pattern.substring(0, first));
      }
      if (first == 0 && end > 0) {
        return call("endswith", input, pattern.substring(1));
      }
      if (first > 0 && first < end) {
        String prefix = pattern.substring(0, first);
        String suffix = pattern.substring(first + 1);
        // Counted in characters, as length() counts them, so the two ends cannot share characters.
        int minLength = prefix.codePointCount(0, prefix.length()) + suffix.codePointCount(0, suffix.length());
        Expression longEnough = new Comparison(ComparisonOp.GTE, ScalarFunction.of("length", input),
            Literal.of(minLength));
        return new And(longEnough, new And(call("startswith", input, prefix), call("endswith", input, suffix)));
      }
      return null; // '%' alone
    }
    if (first == 0 && last == end && pattern.indexOf('%', 1) == end && end > 1) {
      return call("contains", input, pattern.substring(1, end));
    }
    return null;
  }

  private static Expression call(String function, Expression input, String literal) {
    return ScalarFunction.of(function, input, Literal.of(literal));
  }
}
