package dev.quiver.planner.parser;

import java.util.List;

/** A position in the token list of one SQL text, shared by the expression and query parsers. */
final class TokenCursor {
  private final String sql;
  private final List<Token> tokens;
  private int index;

  TokenCursor(String sql) {
    this.sql = sql;
    this.tokens = SqlTokenizer.tokenize(sql);
  }

  String sql() {
    return sql;
  }

  Token peek() {
    return tokens.get(index);
  }

  /** The token {@code ahead} places after the current one (the END token past the end). */
  Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Token.Kind.END) {
      index++;
    }
    return t;
  }

  boolean atEnd() {
    return peek().kind() == Token.Kind.END;
  }

  boolean atKeyword(String... keywords) {
    return peek().isKeyword(keywords);
  }

  boolean atOperator(String symbol) {
    return peek().isOperator(symbol);
  }

  boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      index++;
      return true;
    }
    return false;
  }

  boolean acceptOperator(String symbol) {
    if (peek().isOperator(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  /** Consumes any number of {@code symbol} in a row, such as the semicolons that may end a statement. */
  void skipOperators(String symbol) {
    while (peek().isOperator(symbol)) {
      index++;
    }
  }

  Token expectKeyword(String keyword) {
    if (!peek().isKeyword(keyword)) {
      throw error();
    }
    return next();
  }

  /** A missing closing bracket gets Spark's {@code missing ')'} hint; other operators a plain syntax error. */
  Token expectOperator(String symbol) {
    if (!peek().isOperator(symbol)) {
      boolean closing = symbol.equals(")") || symbol.equals("]");
      throw closing ? ParseErrors.syntax(sql, peek(), "missing '" + symbol + "'") : error();
    }
    return next();
  }

  /** A syntax error at the current token. */
  ParseException error() {
    return ParseErrors.syntax(sql, peek());
  }

  ParseException error(Token at) {
    return ParseErrors.syntax(sql, at);
  }

  /** The SQL text from the start of {@code first} to the end of {@code last}, as written. */
  String text(Token first, Token last) {
    return sql.substring(first.start(), last.end());
  }

  int mark() {
    return index;
  }

  void reset(int mark) {
    index = mark;
  }
}
