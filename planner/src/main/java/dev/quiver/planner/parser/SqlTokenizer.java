package dev.quiver.planner.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens as Spark's lexer does: case-insensitive words (keywords are recognized later,
 * by the parser, so that most of them stay usable as names), backquoted identifiers with {@code ``} for a
 * backquote, strings in single or double quotes with backslash escapes ({@code R'...'} raw), numbers with
 * their type suffixes, and operators; {@code --} and nested {@code /* *}{@code /} comments (hints included)
 * are skipped. The list always ends with an {@link Token.Kind#END} token.
 */
final class SqlTokenizer {
  /** Longest first, so that {@code <=>} is not read as {@code <=} then {@code >}. */
  private static final String[] OPERATORS = {
      "<=>", "<>", "!=", "<=", ">=", "==", "!<", "!>", "||", "::", "->", "=>",
      "(", ")", "[", "]", ",", ".", ";", "+", "-", "*", "/", "%", "~", "&", "|", "^", "=", "<", ">", "!", ":", "?"};

  private final String sql;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private SqlTokenizer(String sql) {
    this.sql = sql;
  }

  static List<Token> tokenize(String sql) {
    SqlTokenizer t = new SqlTokenizer(sql);
    t.run();
    return t.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= sql.length()) {
        tokens.add(new Token(Token.Kind.END, "", "", sql.length(), sql.length()));
        return;
      }
      char c = sql.charAt(pos);
      if ((c == 'r' || c == 'R') && pos + 1 < sql.length() && isQuote(sql.charAt(pos + 1))) {
        rawString();
      } else if (isQuote(c)) {
        string();
      } else if (c == '`') {
        quotedIdentifier();
      } else if (isDigit(c) || (c == '.' && pos + 1 < sql.length() && isDigit(sql.charAt(pos + 1))
          && !followsOperand())) {
        numberOrWord();
      } else if (isWordChar(c)) {
        word(pos);
      } else {
        operator();
      }
    }
  }

  private void skipSpaceAndComments() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pos++;
      } else if (sql.startsWith("--", pos)) {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
          pos++;
        }
      } else if (sql.startsWith("/*", pos)) {
        bracketedComment();
      } else {
        return;
      }
    }
  }

  /** Bracketed comments nest, as in Spark; hints ({@code /*+ ... *}{@code /}) are read as comments too. */
  private void bracketedComment() {
    int start = pos;
    int depth = 0;
    while (pos < sql.length()) {
      if (sql.startsWith("/*", pos)) {
        depth++;
        pos += 2;
      } else if (sql.startsWith("*/", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
    throw ParseErrors.unclosedComment(sql, start);
  }

  private void string() {
    int start = pos;
    char quote = sql.charAt(pos++);
    StringBuilder value = new StringBuilder();
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == quote) {
        pos++;
        tokens.add(new Token(Token.Kind.STRING, sql.substring(start, pos), value.toString(), start, pos));
        return;
      }
      if (c == '\\' && pos + 1 < sql.length()) {
        pos = escape(pos + 1, value);
      } else {
        value.append(c);
        pos++;
      }
    }
    throw unclosed(start, "unclosed string literal");
  }

  /**
   * Spark's unescapeSQLString for the character(s) after a backslash at {@code i}: {@code \\uXXXX},
   * {@code \\UXXXXXXXX}, three-digit octal, the usual letters, and {@code \\%} and {@code \\_} kept with their
   * backslash (for LIKE patterns). Returns the position after the escape.
   */
  private int escape(int i, StringBuilder out) {
    char c = sql.charAt(i);
    if (c == 'u' && hexDigits(i + 1, 4)) {
      out.append((char) Integer.parseInt(sql, i + 1, i + 5, 16));
      return i + 5;
    }
    if (c == 'U' && hexDigits(i + 1, 8)) {
      out.appendCodePoint((int) Long.parseLong(sql, i + 1, i + 9, 16));
      return i + 9;
    }
    if (i + 2 < sql.length() && (c == '0' || c == '1') && isOctal(sql.charAt(i + 1)) && isOctal(sql.charAt(i + 2))) {
      out.append((char) Integer.parseInt(sql, i, i + 3, 8));
      return i + 3;
    }
    switch (c) {
      case '0':
        out.append('\u0000');
        break;
      case 'b':
        out.append('\b');
        break;
      case 'n':
        out.append('\n');
        break;
      case 'r':
        out.append('\r');
        break;
      case 't':
        out.append('\t');
        break;
      case 'Z':
        out.append('\u001A');
        break;
      case '%':
      case '_':
        out.append('\\').append(c);
        break;
      default:
        out.append(c);
    }
    return i + 1;
  }

  private boolean hexDigits(int from, int count) {
    if (from + count > sql.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (Character.digit(sql.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private void rawString() {
    int start = pos;
    char quote = sql.charAt(pos + 1);
    int close = sql.indexOf(quote, pos + 2);
    if (close < 0) {
      throw unclosed(start, "unclosed string literal");
    }
    pos = close + 1;
    tokens.add(new Token(Token.Kind.STRING, sql.substring(start, pos), sql.substring(start + 2, close), start, pos));
  }

  private void quotedIdentifier() {
    int start = pos++;
    StringBuilder name = new StringBuilder();
    while (pos < sql.length()) {
      char c = sql.charAt(pos++);
      if (c == '`') {
        if (pos < sql.length() && sql.charAt(pos) == '`') {
          name.append('`');
          pos++;
        } else {
          tokens.add(new Token(Token.Kind.QUOTED_IDENTIFIER, sql.substring(start, pos), name.toString(), start,
              pos));
          return;
        }
      } else {
        name.append(c);
      }
    }
    throw unclosed(start, "unclosed quoted identifier");
  }

  /**
   * A numeric literal, or a word that starts with digits ({@code 1a} is an identifier in Spark). Like Spark's
   * lexer, a literal with a decimal point must not run straight into a letter, digit or underscore.
   */
  private void numberOrWord() {
    int start = pos;
    int i = pos;
    while (i < sql.length() && isDigit(sql.charAt(i))) {
      i++;
    }
    boolean fraction = false;
    if (i < sql.length() && sql.charAt(i) == '.' && !(i + 1 < sql.length() && sql.charAt(i + 1) == '.')) {
      fraction = true;
      i++;
      while (i < sql.length() && isDigit(sql.charAt(i))) {
        i++;
      }
    }
    int exponentEnd = exponent(i);
    boolean hasExponent = exponentEnd > i;
    i = exponentEnd;
    int suffixEnd = suffix(i, fraction || hasExponent);
    if (suffixEnd < sql.length() && isWordChar(sql.charAt(suffixEnd))) {
      if (!fraction) {
        word(start);
        return;
      }
      throw ParseErrors.syntaxAt(sql, start, sql.substring(start, wordEnd(suffixEnd)), null);
    }
    pos = suffixEnd;
    String text = sql.substring(start, pos);
    tokens.add(new Token(Token.Kind.NUMBER, text, text, start, pos));
  }

  private int exponent(int i) {
    if (i < sql.length() && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < sql.length() && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
        j++;
      }
      if (j < sql.length() && isDigit(sql.charAt(j))) {
        while (j < sql.length() && isDigit(sql.charAt(j))) {
          j++;
        }
        return j;
      }
    }
    return i;
  }

  /** The end of a type suffix at {@code i}: BD, D, F always; L, S, Y only after plain digits. */
  private int suffix(int i, boolean fractional) {
    if (i + 1 < sql.length() && sql.regionMatches(true, i, "BD", 0, 2)) {
      return i + 2;
    }
    if (i < sql.length()) {
      char c = Character.toUpperCase(sql.charAt(i));
      if (c == 'D' || c == 'F' || (!fractional && (c == 'L' || c == 'S' || c == 'Y'))) {
        return i + 1;
      }
    }
    return i;
  }

  private void word(int start) {
    int end = wordEnd(start);
    pos = end;
    String text = sql.substring(start, end);
    tokens.add(new Token(Token.Kind.IDENTIFIER, text, text, start, end));
  }

  private int wordEnd(int from) {
    int i = from;
    while (i < sql.length() && isWordChar(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private void operator() {
    for (String op : OPERATORS) {
      if (sql.startsWith(op, pos)) {
        tokens.add(new Token(Token.Kind.OPERATOR, op, op, pos, pos + op.length()));
        pos += op.length();
        return;
      }
    }
    throw ParseErrors.syntaxAt(sql, pos, String.valueOf(sql.charAt(pos)), null);
  }

  /**
   * Whether a {@code .} directly after a name or closing bracket ({@code s.1}, {@code a[0].2}) is a field
   * access; elsewhere, as in {@code BETWEEN .05 AND .07}, {@code .5} is a number as in Spark's lexer.
   */
  private boolean followsOperand() {
    if (tokens.isEmpty()) {
      return false;
    }
    Token last = tokens.get(tokens.size() - 1);
    boolean operand = last.isIdentifier() || last.isOperator(")") || last.isOperator("]");
    return operand && last.end() == pos;
  }

  private ParseException unclosed(int start, String hint) {
    int lineEnd = sql.indexOf('\n', start);
    String near = sql.substring(start, lineEnd < 0 ? sql.length() : lineEnd);
    return ParseErrors.syntaxAt(sql, start, near, hint);
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
