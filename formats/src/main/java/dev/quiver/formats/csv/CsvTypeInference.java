package dev.quiver.formats.csv;

import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;

/**
 * The type of a CSV column from its values, as Spark 4's CSVInferSchema decides it. A value is tried as int,
 * long, decimal (only integers too big for a long: a decimal with a fraction is a double), double (or the
 * nanValue/positiveInf/negativeInf texts), date in exactly the date pattern (with {@code preferDate}, the
 * default), timestamp, boolean, else string; a column's type only widens (int, long, decimal, double; a
 * value that does not fit the type so far is tried from that type on). Types merge as Spark's: int+long is
 * long, integral or decimal with double is double, date with timestamp is string, anything else mixed is
 * string. Null, empty and nullValue texts do not vote; a column with no votes is string. Immutable.
 */
final class CsvTypeInference {
  private static final DecimalType INT_AS_DECIMAL = new DecimalType(10, 0);
  private static final DecimalType LONG_AS_DECIMAL = new DecimalType(20, 0);

  private final CsvDateTimes dateTimes;
  private final String nullValue;
  private final String nanValue;
  private final String positiveInf;
  private final String negativeInf;
  private final boolean preferDate;

  CsvTypeInference(CsvOptions options, CsvDateTimes dateTimes) {
    this.dateTimes = dateTimes;
    this.nullValue = options.nullValue;
    this.nanValue = options.nanValue;
    this.positiveInf = options.positiveInf;
    this.negativeInf = options.negativeInf;
    this.preferDate = options.preferDate;
  }

  /** The starting type of every column: no votes yet. */
  static DataType unknown() {
    return DataTypes.NullType;
  }

  /** The column type after seeing {@code text}, given the type so far. */
  DataType infer(DataType soFar, String text) {
    if (text == null || text.isEmpty() || text.equals(nullValue)) {
      return soFar;
    }
    DataType typeOfValue;
    if (soFar instanceof NullType || soFar instanceof IntegerType) {
      typeOfValue = tryInteger(text);
    } else if (soFar instanceof LongType) {
      typeOfValue = tryLong(text);
    } else if (soFar instanceof DecimalType) {
      typeOfValue = tryDecimal(text);
    } else if (soFar instanceof DoubleType) {
      typeOfValue = tryDouble(text);
    } else if (soFar instanceof DateType) {
      typeOfValue = tryDate(text);
    } else if (soFar instanceof TimestampType) {
      typeOfValue = tryTimestamp(text);
    } else if (soFar instanceof BooleanType) {
      typeOfValue = tryBoolean(text);
    } else {
      return DataTypes.StringType;
    }
    DataType merged = merge(soFar, typeOfValue);
    return merged == null ? DataTypes.StringType : merged;
  }

  /** The final type of a column: string when no value voted. */
  static DataType finish(DataType inferred) {
    return inferred instanceof NullType ? DataTypes.StringType : inferred;
  }

  private DataType tryInteger(String text) {
    try {
      Integer.parseInt(text);
      return DataTypes.IntegerType;
    } catch (NumberFormatException e) {
      return tryLong(text);
    }
  }

  private DataType tryLong(String text) {
    try {
      Long.parseLong(text);
      return DataTypes.LongType;
    } catch (NumberFormatException e) {
      return tryDecimal(text);
    }
  }

  private DataType tryDecimal(String text) {
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return tryDouble(text);
    }
    // Spark keeps decimals for integral values only (1.5 is a double), and only those a decimal type can hold.
    if (d.scale() == 0 && d.precision() <= DecimalType.MAX_PRECISION) {
      return new DecimalType(d.precision(), 0);
    }
    return tryDouble(text);
  }

  private DataType tryDouble(String text) {
    if (text.equals(nanValue) || text.equals(positiveInf) || text.equals(negativeInf)) {
      return DataTypes.DoubleType;
    }
    try {
      Double.parseDouble(text);
      return DataTypes.DoubleType;
    } catch (NumberFormatException e) {
      return preferDate ? tryDate(text) : tryTimestamp(text);
    }
  }

  private DataType tryDate(String text) {
    return dateTimes.isDate(text) ? DataTypes.DateType : tryTimestamp(text);
  }

  private DataType tryTimestamp(String text) {
    return dateTimes.isTimestamp(text) ? DataTypes.TimestampType : tryBoolean(text);
  }

  private static DataType tryBoolean(String text) {
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? DataTypes.BooleanType
        : DataTypes.StringType;
  }

  /** Spark's compatible type of two inferred types, or null when there is none (the column is a string). */
  static DataType merge(DataType a, DataType b) {
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
    if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) {
      return DataTypes.StringType;
    }
    int ra = numericRank(a);
    int rb = numericRank(b);
    if (ra > 0 && rb > 0) {
      return ra >= rb ? a : b;
    }
    if (a instanceof DoubleType && b instanceof DecimalType || a instanceof DecimalType && b instanceof DoubleType) {
      return DataTypes.DoubleType;
    }
    DecimalType da = asDecimal(a);
    DecimalType db = asDecimal(b);
    if (da != null && db != null) {
      int scale = Math.max(da.scale(), db.scale());
      int range = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
      return range + scale > DecimalType.MAX_PRECISION ? DataTypes.DoubleType : new DecimalType(range + scale, scale);
    }
    return null;
  }

  /** int < long < double; 0 for the others. */
  private static int numericRank(DataType t) {
    if (t instanceof IntegerType) {
      return 1;
    }
    if (t instanceof LongType) {
      return 2;
    }
    if (t instanceof DoubleType) {
      return 3;
    }
    return 0;
  }

  private static DecimalType asDecimal(DataType t) {
    if (t instanceof DecimalType d) {
      return d;
    }
    if (t instanceof IntegerType) {
      return INT_AS_DECIMAL;
    }
    if (t instanceof LongType) {
      return LONG_AS_DECIMAL;
    }
    return null;
  }
}
