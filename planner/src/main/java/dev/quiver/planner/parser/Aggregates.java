package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.WindowExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the parser must know about aggregates before analysis: whether a SELECT aggregates (it then becomes
 * an Aggregate, so that HAVING and ORDER BY can be placed over it), and when two unresolved expressions are
 * the same computation.
 */
final class Aggregates {
  private Aggregates() {}

  /**
   * Spark's aggregate function names. More than the analyzer resolves today on purpose: a query using one
   * is still shaped as an aggregation, and the analyzer then reports the unknown function by name.
   */
  private static final Set<String> NAMES = Set.of(
      "count", "sum", "avg", "mean", "min", "max", "first", "first_value", "last", "last_value", "stddev",
      "stddev_samp", "stddev_pop", "std", "variance", "var_samp", "var_pop", "any_value", "count_if",
      "collect_list", "collect_set", "array_agg", "bool_and", "bool_or", "every", "some", "any",
      "approx_count_distinct", "percentile", "percentile_approx", "median", "mode", "corr", "covar_pop",
      "covar_samp", "skewness", "kurtosis", "max_by", "min_by", "bit_and", "bit_or", "bit_xor", "product",
      "string_agg", "listagg");

  /** A call of an aggregate function, by name (case-insensitively). */
  static boolean isAggregateCall(Expression e) {
    return e instanceof UnresolvedFunction f && NAMES.contains(f.name().toLowerCase(Locale.ROOT));
  }

  /** Whether {@code e} aggregates, not counting aggregates that are window functions ({@code sum(x) OVER w}). */
  static boolean containsAggregate(Expression e) {
    if (e instanceof WindowExpression) {
      return false;
    }
    if (isAggregateCall(e)) {
      return true;
    }
    for (Expression c : e.children()) {
      if (containsAggregate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A form in which unresolved expressions that compute the same thing compare equal: names compared
   * case-insensitively (as the analyzer resolves them) and aliases removed.
   */
  static Expression canonical(Expression e) {
    return Expressions.transformUp(e, x -> {
      if (x instanceof UnresolvedFunction f) {
        return new UnresolvedFunction(f.name().toLowerCase(Locale.ROOT), f.args(), f.distinct());
      }
      if (x instanceof UnresolvedAttribute u) {
        List<String> parts = new ArrayList<>();
        for (String p : u.nameParts()) {
          parts.add(p.toLowerCase(Locale.ROOT));
        }
        return new UnresolvedAttribute(parts, u.planId());
      }
      if (x instanceof Alias a) {
        return a.child();
      }
      return x;
    });
  }

  static boolean same(Expression a, Expression b) {
    return canonical(a).equals(canonical(b));
  }
}
