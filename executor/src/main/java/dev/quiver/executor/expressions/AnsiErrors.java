package dev.quiver.executor.expressions;

import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverDateTimeException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.QuiverNumberFormatException;
import dev.quiver.sql.types.DataType;
import java.math.BigDecimal;

/**
 * The ANSI-mode errors expressions raise, with Spark 4's error classes, SQLSTATEs and message texts, each
 * naming the offending value and the way out (the {@code try_*} variant or turning ANSI mode off).
 */
public final class AnsiErrors {
  private static final String BYPASS = "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.";

  private AnsiErrors() {}

  /** {@code [ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow ...}. */
  public static QuiverArithmeticException overflow(String message, String tryFunction) {
    String alternative = tryFunction == null || tryFunction.isEmpty() ? ""
        : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
    return new QuiverArithmeticException("ARITHMETIC_OVERFLOW", message + "." + alternative + " " + BYPASS, "22003");
  }

  /** Overflow of tinyint/smallint arithmetic, which Spark reports with the operands. */
  public static QuiverArithmeticException binaryOverflow(String left, String symbol, String right, String tryFunction) {
    return new QuiverArithmeticException("BINARY_ARITHMETIC_OVERFLOW", left + " " + symbol + " " + right
        + " caused overflow. Use `" + tryFunction + "` to ignore overflow problem and return NULL.", "22003");
  }

  public static QuiverArithmeticException divideByZero() {
    return QuiverArithmeticException.divideByZero();
  }

  /** A decimal result that needs more digits than its type has. */
  public static QuiverArithmeticException decimalOutOfRange(BigDecimal value, int precision, int scale) {
    return new QuiverArithmeticException("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        value.toPlainString() + " cannot be represented as Decimal(" + precision + ", " + scale + "). "
            + "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL "
            + "instead.", "22003");
  }

  /** A numeric cast whose value does not fit the target type. */
  public static QuiverArithmeticException castOverflow(String sqlValue, DataType from, DataType to) {
    return new QuiverArithmeticException("CAST_OVERFLOW", "The value " + sqlValue + " of the type \""
        + from.sql() + "\" cannot be cast to \"" + to.sql() + "\" due to an overflow. Use `try_cast` to tolerate "
        + "overflow and return NULL instead. " + BYPASS, "22003");
  }

  /** A string that is not a number of the target type (CAST_INVALID_INPUT). */
  public static QuiverNumberFormatException invalidNumber(String value, DataType to) {
    return QuiverNumberFormatException.invalidCast(value, "STRING", to.sql());
  }

  /** A string that is not a boolean (CAST_INVALID_INPUT; Spark raises a runtime error). */
  public static QuiverException invalidBoolean(String value) {
    return new QuiverException("CAST_INVALID_INPUT", "The value '" + value + "' of the type \"STRING\" cannot be "
        + "cast to \"BOOLEAN\" because it is malformed. Correct the value as per the syntax, or change its target "
        + "type. Use `try_cast` to tolerate malformed input and return NULL instead. " + BYPASS, "22018", null);
  }

  /** A string that is not a date or timestamp (CAST_INVALID_INPUT). */
  public static QuiverDateTimeException invalidDateTime(String value, DataType to) {
    return QuiverDateTimeException.invalidCast(value, to.sql());
  }

  /** Text that does not match a datetime pattern given to to_date/to_timestamp. */
  public static QuiverDateTimeException cannotParseTimestamp(String message) {
    return new QuiverDateTimeException("CANNOT_PARSE_TIMESTAMP", message + ". Use `try_to_timestamp` to tolerate "
        + "invalid input string and return NULL instead.", "22007");
  }

  /** A date or timestamp outside the supported range. */
  public static QuiverDateTimeException datetimeOverflow(String what) {
    return new QuiverDateTimeException("DATETIME_OVERFLOW", "Datetime operation overflow: " + what + ".", "22008");
  }

  public static QuiverException invalidArrayIndex(int index, int size) {
    return new QuiverException("INVALID_ARRAY_INDEX", "The index " + index + " is out of bounds. The array has "
        + size + " elements. Use the SQL function `get()` to tolerate accessing element at invalid index and "
        + "return NULL instead. " + BYPASS, "22003", null);
  }

  /** An argument value a function cannot work with (a bad regex, a bad datetime pattern). */
  public static QuiverException invalidParameter(String function, String parameter, String problem) {
    return new QuiverException("INVALID_PARAMETER_VALUE", "The value of parameter(s) " + parameter + " in `"
        + function + "` is invalid: " + problem, "22023", null);
  }
}
