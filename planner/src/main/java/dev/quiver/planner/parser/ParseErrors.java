package dev.quiver.planner.parser;

/**
 * The errors of SQL parsing, with Spark's error classes and messages, each pointing at a token of the text.
 */
final class ParseErrors {
  static final String SYNTAX_ERROR = "PARSE_SYNTAX_ERROR";
  private static final String SYNTAX_STATE = "42601";

  private ParseErrors() {}

  /** {@code Syntax error at or near 'FROM'.}, or {@code ... end of input.} at the end. */
  static ParseException syntax(String sql, Token at) {
    return syntax(sql, at, null);
  }

  /** As {@link #syntax(String, Token)} with Spark's kind of hint: {@code ...near 'FROM': missing ')'.} */
  static ParseException syntax(String sql, Token at, String hint) {
    String near = at.kind() == Token.Kind.END ? "end of input" : "'" + at.text() + "'";
    String text = "Syntax error at or near " + near + (hint == null ? "" : ": " + hint) + ".";
    return at(sql, at.start(), SYNTAX_ERROR, text, SYNTAX_STATE, null);
  }

  /** A syntax error at a character offset, for text the tokenizer cannot split into tokens. */
  static ParseException syntaxAt(String sql, int offset, String near, String hint) {
    String text = "Syntax error at or near '" + near + "'" + (hint == null ? "" : ": " + hint) + ".";
    return at(sql, offset, SYNTAX_ERROR, text, SYNTAX_STATE, null);
  }

  static ParseException unclosedComment(String sql, int offset) {
    return at(sql, offset, "UNCLOSED_BRACKETED_COMMENT",
        "Found an unclosed bracketed comment. Please, append */ at the end of the comment.", SYNTAX_STATE, null);
  }

  static ParseException invalidTypedLiteral(String sql, Token at, String type, String value) {
    return at(sql, at.start(), "INVALID_TYPED_LITERAL", "The value of the typed literal \"" + type
        + "\" is invalid: '" + value + "'.", "42604", null);
  }

  static ParseException numericOutOfRange(String sql, Token at, String value, String type, String min,
      String max) {
    return at(sql, at.start(), "INVALID_NUMERIC_LITERAL_RANGE", "Numeric literal " + value
        + " is outside the valid range for " + type + " with minimum value of " + min + " and maximum value of "
        + max + ". Please adjust the value accordingly.", "22003", null);
  }

  static ParseException decimalPrecision(String sql, Token at, int precision) {
    return at(sql, at.start(), "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "Decimal precision " + precision
        + " exceeds max precision 38.", "22003", null);
  }

  static ParseException unsupportedType(String sql, Token at, String type, Throwable cause) {
    return at(sql, at.start(), "UNSUPPORTED_DATATYPE", "Unsupported data type \"" + type + "\".", "0A000",
        cause);
  }

  /** Valid Spark SQL that Quiver's plans cannot express; names the construct so the user can rewrite it. */
  static ParseException unsupported(String sql, Token at, String feature) {
    return at(sql, at.start(), "UNSUPPORTED_FEATURE.SQL_SYNTAX", "The feature is not supported: " + feature
        + ".", "0A000", null);
  }

  /** A clause that is well-formed but invalid where it stands, such as a non-constant LIMIT. */
  static ParseException invalid(String sql, Token at, String errorClass, String text, String sqlState) {
    return at(sql, at.start(), errorClass, text, sqlState, null);
  }

  private static ParseException at(String sql, int offset, String errorClass, String text, String sqlState,
      Throwable cause) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new ParseException(errorClass, text, sqlState, sql, line, offset - lineStart, cause);
  }
}
