package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a HAVING condition or ORDER BY key so that the analyzer can resolve it against the output of the
 * SELECT below it. The analyzer resolves a Filter's or Sort's names against its child's output only (plus
 * columns missing from a Project), so anything else the clause needs is computed by that child as a hidden
 * column: {@code SELECT dept FROM t GROUP BY dept HAVING count(*) > 1} becomes an Aggregate that also
 * computes {@code count(*) AS __having_0}, a Filter on {@code __having_0 > 1}, and a Drop of the hidden name.
 * Aggregates that the select list already names by alias are referred to by that alias instead.
 */
final class AggregateRewriter {
  private final SelectList select;
  private final List<Expression> grouping;
  private final String prefix;
  private final List<Alias> hidden = new ArrayList<>();

  /** {@code prefix} names the hidden columns ({@code __having_0}); one rewriter per clause keeps them apart. */
  AggregateRewriter(SelectList select, List<Expression> grouping, String prefix) {
    this.select = select;
    this.grouping = grouping;
    this.prefix = prefix;
  }

  /** The hidden columns the rewrites so far need, to add to the select list below the clause. */
  List<Alias> hidden() {
    return List.copyOf(hidden);
  }

  List<String> hiddenNames() {
    List<String> names = new ArrayList<>();
    for (Alias a : hidden) {
      names.add(a.name());
    }
    return names;
  }

  /**
   * A HAVING condition or ORDER BY key over an aggregation: aggregates, grouping expressions and columns not
   * in the output become hidden columns of the Aggregate; select-list aliases and output columns stay names.
   */
  Expression overAggregate(Expression e) {
    if (SelectList.isOrdinal(e)) {
      return ordinal(e);
    }
    return aggregateRule(e);
  }

  /**
   * An ORDER BY key over a projection (or over DISTINCT): positions and expressions that repeat a select
   * item refer to that item's value; other names are left to the analyzer, which finds columns missing from
   * the projection below it.
   */
  Expression overProjection(Expression e) {
    if (SelectList.isOrdinal(e)) {
      return ordinal(e);
    }
    return projectionRule(e);
  }

  private Expression ordinal(Expression key) {
    Expression item = select.itemAt(key, "ORDER BY");
    if (item instanceof Alias a) {
      return UnresolvedAttribute.of(a.name());
    }
    if (item instanceof UnresolvedAttribute) {
      return item;
    }
    return hide(item);
  }

  private Expression aggregateRule(Expression e) {
    if (e instanceof UnresolvedAttribute u) {
      return attribute(u, true);
    }
    String alias = select.aliasOf(e);
    if (alias != null) {
      return UnresolvedAttribute.of(alias);
    }
    if (Aggregates.isAggregateCall(e) || select.hasUnaliased(e) || isGrouping(e)) {
      return hide(e);
    }
    return e instanceof Literal ? e : rewriteChildren(e, true);
  }

  private Expression projectionRule(Expression e) {
    if (e instanceof UnresolvedAttribute u) {
      return attribute(u, false);
    }
    String alias = select.aliasOf(e);
    if (alias != null) {
      return UnresolvedAttribute.of(alias);
    }
    if (e instanceof Literal) {
      return e;
    }
    if (select.hasUnaliased(e)) {
      return hide(e);
    }
    return rewriteChildren(e, false);
  }

  /**
   * An output name wins (ORDER BY resolves against the select list first, as in Spark); then a column that
   * an item aliases is that alias. Over an aggregation any other column must be a grouping column and is
   * hidden; over a projection the analyzer adds it from the projection's input.
   */
  private Expression attribute(UnresolvedAttribute u, boolean overAggregate) {
    for (String part : u.nameParts()) {
      if (select.mayOutput(part)) {
        return u;
      }
    }
    String alias = select.aliasOf(u);
    if (alias != null) {
      return UnresolvedAttribute.of(alias);
    }
    return overAggregate ? hide(u) : u;
  }

  private Expression rewriteChildren(Expression e, boolean overAggregate) {
    List<Expression> children = e.children();
    if (children.isEmpty()) {
      return e;
    }
    List<Expression> out = new ArrayList<>(children.size());
    for (Expression c : children) {
      out.add(overAggregate ? aggregateRule(c) : projectionRule(c));
    }
    return e.withChildren(out);
  }

  private boolean isGrouping(Expression e) {
    for (Expression g : grouping) {
      if (Aggregates.same(g, e)) {
        return true;
      }
    }
    return false;
  }

  /** A reference to a hidden column computing {@code e}, reusing one that already does. */
  private Expression hide(Expression e) {
    for (Alias a : hidden) {
      if (Aggregates.same(a.child(), e)) {
        return UnresolvedAttribute.of(a.name());
      }
    }
    Alias a = new Alias(e, prefix + hidden.size());
    hidden.add(a);
    return UnresolvedAttribute.of(a.name());
  }
}
