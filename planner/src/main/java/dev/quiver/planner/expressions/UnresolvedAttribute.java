package dev.quiver.planner.expressions;

import dev.quiver.planner.PlanningException;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A column named by the user, not yet bound: {@code col("t.a")} has name parts {@code [t, a]}. When built
 * by {@code df.col("a")}, {@code planId} names the DataFrame the column must come from (0 when free).
 */
public record UnresolvedAttribute(List<String> nameParts, long planId) implements Expression {

  public UnresolvedAttribute {
    nameParts = List.copyOf(nameParts);
    if (nameParts.isEmpty()) {
      throw new IllegalArgumentException("A column name must have at least one part");
    }
  }

  public static UnresolvedAttribute of(String... parts) {
    return new UnresolvedAttribute(List.of(parts), 0);
  }

  /**
   * Parses a column name as Spark does: dots separate parts unless inside backquotes, {@code ``} is a
   * literal backquote. {@code a.b} is [a, b]; {@code `a.b`} is [a.b].
   */
  public static UnresolvedAttribute quoted(String name) {
    return new UnresolvedAttribute(parseNameParts(name), 0);
  }

  public static List<String> parseNameParts(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (inQuotes) {
        if (c == '`') {
          if (i + 1 < name.length() && name.charAt(i + 1) == '`') {
            cur.append('`');
            i++;
          } else {
            inQuotes = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '`') {
        inQuotes = true;
      } else if (c == '.') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (inQuotes) {
      throw new dev.quiver.sql.AnalysisException("Unclosed backquote in the column name \"" + name + "\".");
    }
    parts.add(cur.toString());
    return parts;
  }

  /** The name as the user would write it back: parts joined by dots, quoted where needed. */
  public String name() {
    List<String> quoted = new ArrayList<>();
    for (String p : nameParts) {
      quoted.add(p.contains(".") || p.contains("`") ? "`" + p.replace("`", "``") + "`" : p);
    }
    return String.join(".", quoted);
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return this;
  }

  @Override
  public DataType dataType() {
    throw PlanningException.unresolved(this);
  }

  @Override
  public boolean nullable() {
    throw PlanningException.unresolved(this);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitUnresolvedAttribute(this);
  }
}
