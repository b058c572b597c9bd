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
@FunctionalInterface
interface CsvValueFormatter {
  String format(FieldVector vector, int row);

  static CsvValueFormatter forType(String column, DataType type, CsvDateTimes dateTimes) {
    if (type instanceof StringType) {
      return (v, row) -> new String(((VarCharVector) v).get(row), StandardCharsets.UTF_8);
    }
    if (type instanceof BinaryType) {
      return (v, row) -> new String(((VarBinaryVector) v).get(row), StandardCharsets.UTF_8);
    }
    if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType) {
      return (v, row) -> Long.toString(((BaseIntVector) v).getValueAsLong(row));
    }
    if (type instanceof DoubleType) {
      return (v, row) -> Double.toString(((Float8Vector) v).get(row));
    }
    if (type instanceof FloatType) {
      return (v, row) -> Float.toString(((Float4Vector) v).get(row));
    }
    if (type instanceof DecimalType) {
      return (v, row) -> ((DecimalVector) v).getObject(row).toPlainString();
    }
    if (type instanceof BooleanType) {
      return (v, row) -> ((BitVector) v).get(row) != 0 ? "true" : "false";
    }
    if (type instanceof DateType) {
      return (v, row) -> dateTimes.formatDate(((DateDayVector) v).get(row));
    }
    if (type instanceof TimestampType) {
      return (v, row) -> dateTimes.formatTimestamp(((TimeStampVector) v).get(row));
    }
    if (type instanceof TimestampNTZType) {
      return (v, row) -> dateTimes.formatLocalTimestamp(((TimeStampVector) v).get(row));
    }
    if (type instanceof NullType) {
      // Every value of a void column is null, so this is never asked for a value.
      return (v, row) -> null;
    }
    throw CsvValueConverter.unsupportedType(column, type);
  }
}
