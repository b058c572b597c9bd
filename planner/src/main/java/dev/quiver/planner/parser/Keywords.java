package dev.quiver.planner.parser;

import java.util.Set;

/**
 * Which words end an expression or a relation. Spark keeps most keywords usable as names; these are the
 * ones that, where a name could follow, start the next clause instead (so {@code SELECT a FROM t} does not
 * read FROM as an alias of {@code a}, nor {@code FROM t JOIN u} JOIN as an alias of {@code t}).
 */
final class Keywords {
  private Keywords() {}

  /** Words that cannot be an alias given without AS, of a select item or of a relation. */
  private static final Set<String> NOT_AN_IMPLICIT_ALIAS = Set.of(
      "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "SORT", "CLUSTER", "DISTRIBUTE", "LIMIT", "OFFSET", "WINDOW",
      "UNION", "EXCEPT", "INTERSECT", "MINUS", "SELECT", "WITH", "AS", "ON", "USING", "JOIN", "INNER", "LEFT",
      "RIGHT", "FULL", "CROSS", "NATURAL", "SEMI", "ANTI", "LATERAL", "PIVOT", "UNPIVOT", "TABLESAMPLE", "AND",
      "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP", "BETWEEN", "WHEN", "THEN", "ELSE", "END",
      "ASC", "DESC", "NULLS", "FOR", "INTO", "OVER", "DIV", "ESCAPE", "VALUES");

  /** Words that cannot start an operand: seeing one where a value is expected is a syntax error. */
  private static final Set<String> NOT_AN_OPERAND = Set.of(
      "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT",
      "JOIN", "ON", "USING", "AND", "OR", "THEN", "ELSE", "END", "WHEN", "AS", "BY", "IS", "IN", "BETWEEN",
      "LIKE", "ILIKE", "RLIKE", "REGEXP", "DISTINCT", "ASC", "DESC", "WITH", "OVER", "DIV", "ESCAPE");

  static boolean canBeImplicitAlias(Token t) {
    return t.kind() == Token.Kind.QUOTED_IDENTIFIER
        || (t.kind() == Token.Kind.IDENTIFIER && !NOT_AN_IMPLICIT_ALIAS.contains(t.keyword()));
  }

  static boolean canStartOperand(Token t) {
    return t.kind() != Token.Kind.IDENTIFIER || !NOT_AN_OPERAND.contains(t.keyword());
  }
}
