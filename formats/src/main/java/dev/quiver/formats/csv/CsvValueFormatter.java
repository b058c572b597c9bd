package dev.quiver.formats.csv;

import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
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
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The text Spark writes for a non-null value of one column type: numbers as Java prints them
 * ({@code Double.toString}, so {@code 1.0E10}, {@code NaN}, {@code Infinity}), decimals in plain notation,
 * {@code true}/{@code false}, dates and timestamps in the dateFormat/timestampFormat patterns (timestamps in the
 * timeZone option's zone), binary as its bytes read as UTF-8. The vector is the column of the batch being
 * written; its class is checked once per batch by the writer.
 */
abstract class CsvValueFormatter {
  abstract String format(FieldVector vector, int row);

  static CsvValueFormatter forType(String column, DataType type, CsvDateTimes dateTimes) {
    if (type instanceof StringType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return new String(((VarCharVector) v).get(row), StandardCharsets.UTF_8);
        }
      };
    }
    if (type instanceof BinaryType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return new String(((VarBinaryVector) v).get(row), StandardCharsets.UTF_8);
        }
      };
    }
    if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return Long.toString(((BaseIntVector) v).getValueAsLong(row));
        }
      };
    }
    if (type instanceof DoubleType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return Double.toString(((Float8Vector) v).get(row));
        }
      };
    }
    if (type instanceof FloatType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return Float.toString(((Float4Vector) v).get(row));
        }
      };
    }
    if (type instanceof DecimalType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return ((DecimalVector) v).getObject(row).toPlainString();
        }
      };
    }
    if (type instanceof BooleanType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return ((BitVector) v).get(row) != 0 ? "true" : "false";
        }
      };
    }
    if (type instanceof DateType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return dateTimes.formatDate(((DateDayVector) v).get(row));
        }
      };
    }
    if (type instanceof TimestampType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return dateTimes.formatTimestamp(((TimeStampVector) v).get(row));
        }
      };
    }
    if (type instanceof TimestampNTZType) {
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return dateTimes.formatLocalTimestamp(((TimeStampVector) v).get(row));
        }
      };
    }
    if (type instanceof NullType) {
      // Every value of a void column is null, so this is never asked for a value.
      return new CsvValueFormatter() {
        @Override
        String format(FieldVector v, int row) {
          return null;
        }
      };
    }
    throw CsvValueConverter.unsupportedType(column, type);
  }
}
