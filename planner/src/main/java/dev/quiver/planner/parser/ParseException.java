package dev.quiver.planner.parser;

import dev.quiver.sql.AnalysisException;

/**
 * SQL text that cannot be parsed, like Spark's ParseException: an AnalysisException whose message also
 * shows where the problem is, as {@code (line 1, pos 7)} (line from 1, position from 0 within the line) and
 * the SQL text with a caret line under the offending token.
 */
public final class ParseException extends AnalysisException {
  private static final long serialVersionUID = 1L;

  private final String sqlText;
  private final int line;
  private final int position;

  ParseException(String errorClass, String text, String sqlState, String sqlText, int line, int position,
      Throwable cause) {
    super(errorClass, text, sqlState, cause);
    this.sqlText = sqlText;
    this.line = line;
    this.position = position;
  }

  /** The line of the offending token, counted from 1. */
  public int line() {
    return line;
  }

  /** The offending token's character position within its line, counted from 0 as Spark does. */
  public int position() {
    return position;
  }

  /** The error alone, without the position and SQL text. */
  public String errorText() {
    return super.getMessage();
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder(super.getMessage());
    sb.append(" (line ").append(line).append(", pos ").append(position).append(")\n\n== SQL ==\n");
    String[] lines = sqlText.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(lines[i]).append('\n');
      if (i == line - 1) {
        sb.append("-".repeat(position)).append("^^^\n");
      }
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }
}
