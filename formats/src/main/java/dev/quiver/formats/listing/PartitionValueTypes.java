package dev.quiver.formats.listing;

import dev.quiver.formats.commit.PartitionPaths;
import dev.quiver.planner.values.DateTimeValues;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types and values of partition directory values, as Spark's {@code PartitioningUtils} infers and converts
 * them. Inference tries, in order: int, long, decimal (whole numbers of up to 38 digits that fit no long),
 * double, timestamp ({@code yyyy-MM-dd HH:mm:ss[.S]}, at most one fraction digit, as Spark's partition
 * timestamp pattern), date ({@code yyyy-MM-dd}), else string; {@code __HIVE_DEFAULT_PARTITION__} is the null
 * type and does not vote. Values are returned in Quiver's internal form.
 */
final class PartitionValueTypes {
  private PartitionValueTypes() {}

  // Spark parses partition timestamps with "yyyy-MM-dd HH:mm:ss[.S]": a variable-length fraction of at most
  // one digit. A value written with more fraction digits is therefore inferred as a string, as in Spark.
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d))?");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  /** The type one directory value suggests; {@code raw} is still escaped, as it appears in the path. */
  static DataType infer(String raw, boolean typeInference) {
    if (!typeInference) {
      return raw.equals(PartitionPaths.DEFAULT_PARTITION_NAME) ? DataTypes.NullType : DataTypes.StringType;
    }
    if (parses(() -> Integer.parseInt(raw))) {
      return DataTypes.IntegerType;
    }
    if (parses(() -> Long.parseLong(raw))) {
      return DataTypes.LongType;
    }
    DecimalType decimal = wholeDecimal(raw);
    if (decimal != null) {
      return decimal;
    }
    if (parses(() -> Double.parseDouble(raw))) {
      return DataTypes.DoubleType;
    }
    if (isTimestamp(PartitionPaths.unescape(raw))) {
      return DataTypes.TimestampType;
    }
    if (isDate(raw)) {
      return DataTypes.DateType;
    }
    return raw.equals(PartitionPaths.DEFAULT_PARTITION_NAME) ? DataTypes.NullType : DataTypes.StringType;
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Spark infers a decimal only for whole numbers (scale exactly 0) of at most 38 digits. */
  private static DecimalType wholeDecimal(String raw) {
    BigDecimal d;
    try {
      d = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      return null;
    }
    // A negative scale (1e5) is rejected by Spark's decimal type, a positive one (1.5) by the inference rule.
    if (d.scale() != 0 || d.precision() > DecimalType.MAX_PRECISION) {
      return null;
    }
    return new DecimalType(d.precision(), 0);
  }

  private static boolean isTimestamp(String s) {
    Matcher m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isDate(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * The common type of two partition values' types (Spark's {@code findWiderTypeForPartitionColumn}): null
   * yields to anything; int widens to long, decimal or double; long to decimal; date to timestamp; a double
   * never merges with a long or a decimal (that would lose precision), and every other mix is a string.
   */
  static DataType wider(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof NullType) {
      return b;
    }
    if (b instanceof NullType) {
      return a;
    }
    if (a instanceof StringType || b instanceof StringType) {
      return DataTypes.StringType;
    }
    if (isIntegral(a) && isIntegral(b)) {
      return a instanceof LongType || b instanceof LongType ? DataTypes.LongType : DataTypes.IntegerType;
    }
    if ((a instanceof DoubleType && b instanceof IntegerType) || (a instanceof IntegerType && b instanceof DoubleType)) {
      return DataTypes.DoubleType;
    }
    if (a instanceof DecimalType || b instanceof DecimalType) {
      DecimalType da = asDecimal(a);
      DecimalType db = asDecimal(b);
      if (da == null || db == null) {
        return DataTypes.StringType;
      }
      int scale = Math.max(da.scale(), db.scale());
      int range = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
      return new DecimalType(Math.min(range + scale, DecimalType.MAX_PRECISION), scale);
    }
    if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private static boolean isIntegral(DataType t) {
    return t instanceof IntegerType || t instanceof LongType;
  }

  private static DecimalType asDecimal(DataType t) {
    if (t instanceof DecimalType d) {
      return d;
    }
    if (t instanceof IntegerType) {
      return new DecimalType(10, 0);
    }
    if (t instanceof LongType) {
      return new DecimalType(20, 0);
    }
    return null;
  }

  /**
   * Converts one directory value ({@code raw}, still escaped) to {@code type}, as Spark's
   * {@code castPartValueToDesiredType}: strings are unescaped, numbers are parsed as written, dates and
   * timestamps follow the string casts ({@code zone} for timestamps without offset). Null for the default
   * partition.
   *
   * @throws IllegalArgumentException when the value does not convert
   */
  static Object convert(DataType type, String raw, ZoneId zone) {
    if (raw.equals(PartitionPaths.DEFAULT_PARTITION_NAME) || type instanceof NullType) {
      return null;
    }
    try {
      if (type instanceof StringType) {
        return PartitionPaths.unescape(raw);
      }
      if (type instanceof IntegerType) {
        return Integer.parseInt(raw);
      }
      if (type instanceof LongType) {
        return Long.parseLong(raw);
      }
      if (type instanceof DoubleType) {
        return Double.parseDouble(raw);
      }
      if (type instanceof FloatType) {
        return (float) Double.parseDouble(raw);
      }
      if (type instanceof ShortType) {
        return (short) Integer.parseInt(raw);
      }
      if (type instanceof ByteType) {
        return (byte) Integer.parseInt(raw);
      }
      if (type instanceof DecimalType d) {
        BigDecimal v = new BigDecimal(raw).setScale(d.scale(), RoundingMode.HALF_UP);
        if (v.precision() - v.scale() > d.precision() - d.scale()) {
          throw new IllegalArgumentException("'" + raw + "' does not fit " + d.simpleString());
        }
        return v;
      }
      if (type instanceof DateType) {
        return require(DateTimeValues.parseDate(raw), raw);
      }
      if (type instanceof TimestampType) {
        return timestamp(raw, zone);
      }
      if (type instanceof TimestampNTZType) {
        return timestamp(raw, ZoneOffset.UTC);
      }
      if (type instanceof BooleanType) {
        String t = raw.toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
          return Boolean.valueOf(t);
        }
        throw new IllegalArgumentException("'" + raw + "' is not a boolean");
      }
      if (type instanceof BinaryType) {
        return raw.getBytes(StandardCharsets.UTF_8);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + raw + "' is not a valid " + type.simpleString(), e);
    }
    throw new QuiverException("The type " + type.simpleString() + " cannot be used for a partition column. "
        + "Use an atomic type such as int, string or date in the schema.");
  }

  private static Object timestamp(String raw, ZoneId zone) {
    Long micros = DateTimeValues.parseTimestamp(PartitionPaths.unescape(raw), zone);
    if (micros != null) {
      return micros;
    }
    // Spark falls back to reading the raw text as a date and taking its midnight.
    Integer days = require(DateTimeValues.parseDate(raw), raw);
    return DateTimeValues.dateToTimestamp(days, zone);
  }

  private static <T> T require(T value, String raw) {
    if (value == null) {
      throw new IllegalArgumentException("'" + raw + "' is malformed");
    }
    return value;
  }
}
