package dev.quiver.sql;

import java.time.DateTimeException;

/** A date or timestamp that cannot be parsed or is out of range under ANSI mode. */
public class QuiverDateTimeException extends DateTimeException implements QuiverThrowable {
  private static final long serialVersionUID = 1L;

  private final String errorClass;
  private final String sqlState;

  public QuiverDateTimeException(String errorClass, String text, String sqlState) {
    super(ErrorMessages.format(errorClass, text, sqlState));
    this.errorClass = errorClass;
    this.sqlState = sqlState;
  }

  public static QuiverDateTimeException invalidCast(String value, String to) {
    return new QuiverDateTimeException("CAST_INVALID_INPUT",
        "The value '" + value + "' of the type \"STRING\" cannot be cast to \"" + to
            + "\" because it is malformed. Correct the value as per the syntax, or change its target type. "
            + "Use `try_cast` to tolerate malformed input and return NULL instead.", "22018");
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
