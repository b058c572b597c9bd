package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.LogicalPlan;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * Spark SQL text to unresolved expressions and plans, by a hand-written tokenizer and recursive descent
 * parser. The results are for the analyzer: names, functions and types are resolved there. Syntax errors are
 * {@link ParseException}s (AnalysisExceptions with Spark's PARSE_SYNTAX_ERROR class, the line and position of
 * the offending token, and the SQL text with a caret under it).
 */
public final class SqlParser {
  private SqlParser() {}

  /** One expression, as {@code expr("age + 1 AS next")} and {@code selectExpr} take it. */
  public static Expression parseExpression(String text) {
    return parseExpression(text, ZoneId.systemDefault());
  }

  /**
   * One expression; {@code TIMESTAMP '...'} literals without a zone are read in {@code sessionZone}. The
   * one-argument form uses the JVM's zone, which is also the session zone unless configured otherwise.
   */
  public static Expression parseExpression(String text, ZoneId sessionZone) {
    TokenCursor in = new TokenCursor(text);
    if (in.atEnd()) {
      throw emptyStatement(text);
    }
    Expression e = new ExpressionParser(in, sessionZone).namedExpression();
    if (!in.atEnd()) {
      throw in.error();
    }
    return e;
  }

  /** A query; {@code tables} resolves table and view names to plans. */
  public static LogicalPlan parseQuery(String sql, Function<String, LogicalPlan> tables) {
    return parseQuery(sql, tables, ZoneId.systemDefault());
  }

  /** A query, with {@code TIMESTAMP '...'} literals read in {@code sessionZone}. */
  public static LogicalPlan parseQuery(String sql, Function<String, LogicalPlan> tables, ZoneId sessionZone) {
    TokenCursor in = new TokenCursor(sql);
    if (in.atEnd()) {
      throw emptyStatement(sql);
    }
    return new QueryParser(in, sessionZone, tables).statement();
  }

  private static ParseException emptyStatement(String sql) {
    return new ParseException("PARSE_EMPTY_STATEMENT", "Syntax error, unexpected empty statement.", "42617", sql,
        1, 0, null);
  }
}
