package dev.quiver.sql;

/** Overflow or division by zero under ANSI mode (Spark's SparkArithmeticException). */
public class QuiverArithmeticException extends ArithmeticException implements QuiverThrowable {
  private static final long serialVersionUID = 1L;

  private final String errorClass;
  private final String sqlState;

  public QuiverArithmeticException(String errorClass, String text, String sqlState) {
    super(ErrorMessages.format(errorClass, text, sqlState));
    this.errorClass = errorClass;
    this.sqlState = sqlState;
  }

  public static QuiverArithmeticException divideByZero() {
    return new QuiverArithmeticException("DIVIDE_BY_ZERO",
        "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. "
            + "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.", "22012");
  }

  public static QuiverArithmeticException overflow(String operation, String type) {
    return new QuiverArithmeticException("ARITHMETIC_OVERFLOW",
        type + " overflow in " + operation + ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" "
            + "to bypass this error.", "22003");
  }

  public static QuiverArithmeticException castOverflow(String value, String from, String to) {
    return new QuiverArithmeticException("CAST_OVERFLOW",
        "The value " + value + " of the type \"" + from + "\" cannot be cast to \"" + to
            + "\" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead.", "22003");
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
