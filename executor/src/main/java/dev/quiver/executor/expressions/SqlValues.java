package dev.quiver.executor.expressions;

import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Values as Spark's error messages print them (its {@code toSQLValue}): {@code 10L}, {@code 1.5D}, {@code 'a'}. */
public final class SqlValues {
  private SqlValues() {}

  public static String of(Object value, DataType type, ZoneId zone) {
    if (value == null) {
      return "NULL";
    }
    if (type instanceof LongType) {
      return value + "L";
    }
    if (type instanceof ShortType) {
      return value + "S";
    }
    if (type instanceof ByteType) {
      return value + "Y";
    }
    if (type instanceof DoubleType) {
      double d = ((Number) value).doubleValue();
      return Double.isNaN(d) || Double.isInfinite(d) ? "CAST('" + d + "' AS DOUBLE)" : d + "D";
    }
    if (type instanceof FloatType) {
      float f = ((Number) value).floatValue();
      return Float.isNaN(f) || Float.isInfinite(f) ? "CAST('" + f + "' AS FLOAT)" : f + "F";
    }
    if (type instanceof DecimalType) {
      return ((BigDecimal) value).toPlainString() + "BD";
    }
    if (type instanceof StringType) {
      return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (type instanceof DateType) {
      return "DATE '" + DateTimeValues.formatDate(((Number) value).intValue()) + "'";
    }
    if (type instanceof TimestampType) {
      return "TIMESTAMP '" + DateTimeValues.formatTimestamp(((Number) value).longValue(), zone) + "'";
    }
    if (type instanceof TimestampNTZType) {
      return "TIMESTAMP_NTZ '" + DateTimeValues.formatTimestamp(((Number) value).longValue(), ZoneOffset.UTC) + "'";
    }
    return String.valueOf(value);
  }
}
