package dev.quiver.sql;

/** A string that is not a number cast to a number under ANSI mode (Spark's SparkNumberFormatException). */
public class QuiverNumberFormatException extends NumberFormatException implements QuiverThrowable {
  private static final long serialVersionUID = 1L;

  private final String errorClass;
  private final String sqlState;

  public QuiverNumberFormatException(String errorClass, String text, String sqlState) {
    super(ErrorMessages.format(errorClass, text, sqlState));
    this.errorClass = errorClass;
    this.sqlState = sqlState;
  }

  public static QuiverNumberFormatException invalidCast(String value, String from, String to) {
    return new QuiverNumberFormatException("CAST_INVALID_INPUT",
        "The value '" + value + "' of the type \"" + from + "\" cannot be cast to \"" + to
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
