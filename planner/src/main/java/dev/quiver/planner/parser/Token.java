package dev.quiver.planner.parser;

import java.util.Locale;

/**
 * One lexical unit of SQL text. {@code text} is exactly as written (for error messages); {@code value} is
 * what it means: an identifier's name without backquotes, a string's content with escapes applied, an
 * operator's symbol. {@code start} and {@code end} are character offsets into the SQL text.
 */
record Token(Kind kind, String text, String value, int start, int end) {

  /** The kinds of tokens; keywords are plain identifiers, recognized by the parser in context. */
  enum Kind {
    IDENTIFIER,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    OPERATOR,
    END
  }

  /** Whether this is the unquoted word {@code keyword}, in any letter case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  boolean isKeyword(String... keywords) {
    for (String k : keywords) {
      if (isKeyword(k)) {
        return true;
      }
    }
    return false;
  }

  boolean isOperator(String symbol) {
    return kind == Kind.OPERATOR && text.equals(symbol);
  }

  boolean isIdentifier() {
    return kind == Kind.IDENTIFIER || kind == Kind.QUOTED_IDENTIFIER;
  }

  /** The upper-case spelling of an unquoted word, for keyword switches. */
  String keyword() {
    return kind == Kind.IDENTIFIER ? text.toUpperCase(Locale.ROOT) : "";
  }
}
