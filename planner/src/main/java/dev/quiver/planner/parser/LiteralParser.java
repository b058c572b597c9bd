package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Turns literal tokens into typed literals with Spark's rules: a plain integer is an int if it fits, else a
 * bigint, else a decimal; {@code 1.5} is DECIMAL(2,1); {@code 1e3} a double; suffixes L, S, Y, D, F and BD
 * choose the type; {@code DATE '...'}, {@code TIMESTAMP '...'} and {@code X'...'} are typed constructors.
 */
final class LiteralParser {
  private LiteralParser() {}

  /** The literal of a number token, negated when a minus sign stood right before it. */
  static Literal number(String sql, Token token, boolean negative) {
    String text = token.text();
    String upper = text.toUpperCase(Locale.ROOT);
    String sign = negative ? "-" : "";
    if (upper.endsWith("BD")) {
      return decimal(sql, token, sign + text.substring(0, text.length() - 2));
    }
    char suffix = upper.charAt(upper.length() - 1);
    String body = sign + text.substring(0, text.length() - (Character.isLetter(suffix) ? 1 : 0));
    switch (suffix) {
      case 'D':
        return new Literal(fractional(sql, token, body, Double.MAX_VALUE, "double"), DataTypes.DoubleType);
      case 'F':
        return new Literal((float) fractional(sql, token, body, Float.MAX_VALUE, "float"), DataTypes.FloatType);
      case 'L':
        return new Literal(integral(sql, token, body, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"), DataTypes.LongType);
      case 'S':
        return new Literal((short) integral(sql, token, body, Short.MIN_VALUE, Short.MAX_VALUE, "smallint"),
            DataTypes.ShortType);
      case 'Y':
        return new Literal((byte) integral(sql, token, body, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint"),
            DataTypes.ByteType);
      default:
        break;
    }
    if (upper.contains("E")) {
      return new Literal(fractional(sql, token, body, Double.MAX_VALUE, "double"), DataTypes.DoubleType);
    }
    if (upper.contains(".")) {
      return decimal(sql, token, body);
    }
    BigInteger value = new BigInteger(body);
    if (value.bitLength() < 32) {
      return Literal.of(value.intValue());
    }
    if (value.bitLength() < 64) {
      return Literal.of(value.longValue());
    }
    return decimal(sql, token, body);
  }

  private static long integral(String sql, Token token, String body, long min, long max, String type) {
    BigInteger value = new BigInteger(body);
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw ParseErrors.numericOutOfRange(sql, token, body, type, Long.toString(min), Long.toString(max));
    }
    return value.longValue();
  }

  private static double fractional(String sql, Token token, String body, double max, String type) {
    BigDecimal value = new BigDecimal(body);
    if (value.abs().compareTo(new BigDecimal(max)) > 0) {
      String maxText = type.equals("float") ? Float.toString((float) max) : Double.toString(max);
      throw ParseErrors.numericOutOfRange(sql, token, body, type, "-" + maxText, maxText);
    }
    return value.doubleValue();
  }

  /** DECIMAL(max(precision, scale), scale) of the digits as written: 1.50 is DECIMAL(3,2), 0.5 DECIMAL(1,1). */
  private static Literal decimal(String sql, Token token, String body) {
    BigDecimal value = new BigDecimal(body);
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
    int precision = Math.max(value.precision(), value.scale());
    if (precision > DecimalType.MAX_PRECISION) {
      throw ParseErrors.decimalPrecision(sql, token, precision);
    }
    return new Literal(value, new DecimalType(precision, value.scale()));
  }

  /**
   * {@code DATE '2024-01-01'}, {@code TIMESTAMP '2024-01-01 10:00:00'} (read in {@code zone} unless the text
   * names one), {@code TIMESTAMP_NTZ '...'} and {@code X'0A'}; {@code at} is the type word, for errors.
   */
  static Literal typed(String sql, Token at, String value, ZoneId zone) {
    String type = at.keyword();
    switch (type) {
      case "DATE": {
        Integer days = DateTimeValues.parseDate(value);
        if (days == null) {
          throw ParseErrors.invalidTypedLiteral(sql, at, type, value);
        }
        return new Literal(days, DataTypes.DateType);
      }
      case "TIMESTAMP":
      case "TIMESTAMP_LTZ": {
        Long micros = DateTimeValues.parseTimestamp(value, zone);
        if (micros == null) {
          throw ParseErrors.invalidTypedLiteral(sql, at, type, value);
        }
        return new Literal(micros, DataTypes.TimestampType);
      }
      case "TIMESTAMP_NTZ": {
        Long micros = DateTimeValues.parseTimestamp(value, ZoneOffset.UTC);
        if (micros == null) {
          throw ParseErrors.invalidTypedLiteral(sql, at, type, value);
        }
        return new Literal(micros, DataTypes.TimestampNTZType);
      }
      case "X":
        return new Literal(hex(sql, at, value), DataTypes.BinaryType);
      default:
        throw ParseErrors.unsupported(sql, at, type + " literals");
    }
  }

  /** Hex digits to bytes; an odd count is read with a leading zero, as Spark does. */
  private static byte[] hex(String sql, Token at, String value) {
    String digits = value.length() % 2 == 0 ? value : "0" + value;
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(digits.charAt(2 * i), 16);
      int lo = Character.digit(digits.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw ParseErrors.invalidTypedLiteral(sql, at, "X", value);
      }
      out[i] = (byte) (hi * 16 + lo);
    }
    return out;
  }
}
