package dev.quiver.sql;

/** Formats messages the way Spark 4 does: {@code [ERROR_CLASS] text SQLSTATE: xxxxx}. */
public final class ErrorMessages {
  private ErrorMessages() {}

  public static String format(String errorClass, String text, String sqlState) {
    StringBuilder sb = new StringBuilder();
    if (errorClass != null) {
      sb.append('[').append(errorClass).append("] ");
    }
    sb.append(text);
    if (sqlState != null) {
      sb.append(" SQLSTATE: ").append(sqlState);
    }
    return sb.toString();
  }
}
