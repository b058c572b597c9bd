package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.sql.AnalysisException;
import java.util.List;

/**
 * The select list of one SELECT, for clauses that refer to it: by position ({@code GROUP BY 1},
 * {@code ORDER BY 2}) and by output name (aliases and plain columns).
 */
final class SelectList {
  private final List<Expression> items;

  SelectList(List<Expression> items) {
    this.items = items;
  }

  List<Expression> items() {
    return items;
  }

  /** An int literal in GROUP BY or ORDER BY is a position in the select list, as in Spark. */
  static boolean isOrdinal(Expression e) {
    return e instanceof Literal l && l.value() instanceof Integer;
  }

  /**
   * The item at 1-based {@code position} of an ordinal literal. A {@code *} before it would expand to an
   * unknown number of columns, so positions after a star are refused rather than guessed.
   */
  Expression itemAt(Expression ordinal, String clause) {
    int position = (Integer) ((Literal) ordinal).value();
    if (position < 1 || position > items.size()) {
      String errorClass = clause.equals("GROUP BY") ? "GROUP_BY_POS_OUT_OF_RANGE" : "ORDER_BY_POS_OUT_OF_RANGE";
      throw new AnalysisException(errorClass, clause + " position " + position + " is not in select list (valid "
          + "range is [1, " + items.size() + "]).", "42805");
    }
    for (int i = 0; i < position; i++) {
      if (items.get(i) instanceof UnresolvedStar) {
        throw new AnalysisException("UNSUPPORTED_FEATURE.SQL_SYNTAX", "The feature is not supported: " + clause
            + " position " + position + " counts columns of a * in the select list; name the column instead.",
            "0A000");
      }
    }
    return items.get(position - 1);
  }

  /** The output name an item is known by before analysis: its alias, or a column's own name; else null. */
  static String knownName(Expression item) {
    if (item instanceof Alias a) {
      return a.name();
    }
    if (item instanceof UnresolvedAttribute u) {
      return u.nameParts().get(u.nameParts().size() - 1);
    }
    return null;
  }

  /** The item aliased {@code name} (case-insensitively), or null. */
  Alias aliased(String name) {
    for (Expression item : items) {
      if (item instanceof Alias a && a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code name} is, or may be, an output column: stars make every name possible. */
  boolean mayOutput(String name) {
    for (Expression item : items) {
      if (item instanceof UnresolvedStar) {
        return true;
      }
      String known = knownName(item);
      if (known != null && known.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** The alias of an aliased item computing the same as {@code e}, or null. */
  String aliasOf(Expression e) {
    for (Expression item : items) {
      if (item instanceof Alias a && Aggregates.same(a.child(), e)) {
        return a.name();
      }
    }
    return null;
  }

  /** Whether an item without alias computes the same as {@code e}. */
  boolean hasUnaliased(Expression e) {
    for (Expression item : items) {
      if (!(item instanceof Alias) && !(item instanceof UnresolvedStar) && Aggregates.same(item, e)) {
        return true;
      }
    }
    return false;
  }
}
