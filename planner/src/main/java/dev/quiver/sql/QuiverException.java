package dev.quiver.sql;

/**
 * An error a user can cause and act on: a missing file, a malformed record, a lost worker. The message
 * names the thing, the place, and what to do.
 */
public class QuiverException extends RuntimeException implements QuiverThrowable {
  private static final long serialVersionUID = 1L;

  private final String errorClass;
  private final String sqlState;

  public QuiverException(String message) {
    this(null, message, null, null);
  }

  public QuiverException(String message, Throwable cause) {
    this(null, message, null, cause);
  }

  public QuiverException(String errorClass, String text, String sqlState, Throwable cause) {
    super(ErrorMessages.format(errorClass, text, sqlState), cause);
    this.errorClass = errorClass;
    this.sqlState = sqlState;
  }

  @Override
  public String getErrorClass() {
    return errorClass;
  }

  @Override
  public String getSqlState() {
    return sqlState;
  }
}
