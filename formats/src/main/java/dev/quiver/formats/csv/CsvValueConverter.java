package dev.quiver.formats.csv;

import dev.quiver.sql.QuiverException;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Turns the text of one CSV field into a value of one column type, written straight into that column's Arrow
 * vector. The conversions are Spark's: integers with {@code Integer.parseInt} and friends (no trimming),
 * float/double with the nanValue/positiveInf/negativeInf texts and then {@code Double.parseDouble}, decimals
 * with grouping commas removed and rounded HALF_UP to the scale (too many digits is an error), booleans
 * {@code true}/{@code false} in any case, dates and timestamps as {@link CsvDateTimes} reads them, binary as
 * the text's UTF-8 bytes. A converter is bound to the vector of each new batch.
 */
abstract class CsvValueConverter {
  /** Targets the vector of the next batch. */
  abstract void bind(FieldVector vector);

  /**
   * Writes the value of {@code text} (never null) at {@code row}; false, with the row set to null, when the
   * text is not a value of the type.
   */
  abstract boolean convert(String text, int row);

  abstract void setNull(int row);

  /** The converter for a column of {@code type}; complex types are rejected as Spark's CSV source does. */
  static CsvValueConverter forType(String column, DataType type, CsvOptions options, CsvDateTimes dateTimes) {
    if (type instanceof StringType) {
      return new Utf8();
    }
    if (type instanceof IntegerType) {
      return new Int32();
    }
    if (type instanceof LongType) {
      return new Int64();
    }
    if (type instanceof DoubleType) {
      return new Float64(options);
    }
    if (type instanceof BooleanType) {
      return new Bool();
    }
    if (type instanceof DateType) {
      return new Date(dateTimes);
    }
    if (type instanceof TimestampType) {
      return new Timestamp(dateTimes);
    }
    if (type instanceof TimestampNTZType) {
      return new LocalTimestamp(dateTimes);
    }
    if (type instanceof DecimalType d) {
      return new Decimal(d);
    }
    if (type instanceof FloatType) {
      return new Float32(options);
    }
    if (type instanceof ShortType) {
      return new Int16();
    }
    if (type instanceof ByteType) {
      return new Int8();
    }
    if (type instanceof BinaryType) {
      return new Binary();
    }
    if (type instanceof NullType) {
      return new Null();
    }
    throw unsupportedType(column, type);
  }

  static QuiverException unsupportedType(String column, DataType type) {
    return new QuiverException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The CSV datasource doesn't support the "
        + "column `" + column + "` of the type \"" + type.sql() + "\". Store it as a string (e.g. with to_json) "
        + "or use Parquet.", "0A000", null);
  }

  /** The common part: the typed vector of the current batch. */
  private abstract static class Typed<V extends FieldVector> extends CsvValueConverter {
    private final Class<V> vectorClass;
    V vector;

    Typed(Class<V> vectorClass) {
      this.vectorClass = vectorClass;
    }

    @Override
    final void bind(FieldVector v) {
      if (!vectorClass.isInstance(v)) {
        throw new IllegalArgumentException("Column '" + v.getName() + "' is a " + v.getClass().getSimpleName()
            + ", expected a " + vectorClass.getSimpleName());
      }
      vector = vectorClass.cast(v);
    }

    @Override
    final void setNull(int row) {
      vector.setNull(row);
    }

    /** Marks the row null and reports the failure, for the catch blocks of convert. */
    final boolean failed(int row) {
      vector.setNull(row);
      return false;
    }
  }

  private static final class Utf8 extends Typed<VarCharVector> {
    Utf8() {
      super(VarCharVector.class);
    }

    @Override
    boolean convert(String text, int row) {
      vector.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
      return true;
    }
  }

  private static final class Binary extends Typed<VarBinaryVector> {
    Binary() {
      super(VarBinaryVector.class);
    }

    @Override
    boolean convert(String text, int row) {
      vector.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
      return true;
    }
  }

  private static final class Int8 extends Typed<TinyIntVector> {
    Int8() {
      super(TinyIntVector.class);
    }

    @Override
    boolean convert(String text, int row) {
      try {
        vector.setSafe(row, Byte.parseByte(text));
        return true;
      } catch (NumberFormatException e) {
        return failed(row);
      }
    }
  }

  private static final class Int16 extends Typed<SmallIntVector> {
    Int16() {
      super(SmallIntVector.class);
    }

    @Override
    boolean convert(String text, int row) {
      try {
        vector.setSafe(row, Short.parseShort(text));
        return true;
      } catch (NumberFormatException e) {
        return failed(row);
      }
    }
  }

  private static final class Int32 extends Typed<IntVector> {
    Int32() {
      super(IntVector.class);
    }

    @Override
    boolean convert(String text, int row) {
      try {
        vector.setSafe(row, Integer.parseInt(text));
        return true;
      } catch (NumberFormatException e) {
        return failed(row);
      }
    }
  }

  private static final class Int64 extends Typed<BigIntVector> {
    Int64() {
      super(BigIntVector.class);
    }

    @Override
    boolean convert(String text, int row) {
      try {
        vector.setSafe(row, Long.parseLong(text));
        return true;
      } catch (NumberFormatException e) {
        return failed(row);
      }
    }
  }

  private static final class Float32 extends Typed<Float4Vector> {
    private final String nan;
    private final String posInf;
    private final String negInf;

    Float32(CsvOptions o) {
      super(Float4Vector.class);
      nan = o.nanValue;
      posInf = o.positiveInf;
      negInf = o.negativeInf;
    }

    @Override
    boolean convert(String text, int row) {
      float v;
      if (text.equals(nan)) {
        v = Float.NaN;
      } else if (text.equals(negInf)) {
        v = Float.NEGATIVE_INFINITY;
      } else if (text.equals(posInf)) {
        v = Float.POSITIVE_INFINITY;
      } else {
        try {
          v = Float.parseFloat(text);
        } catch (NumberFormatException e) {
          return failed(row);
        }
      }
      vector.setSafe(row, v);
      return true;
    }
  }

  private static final class Float64 extends Typed<Float8Vector> {
    private final String nan;
    private final String posInf;
    private final String negInf;

    Float64(CsvOptions o) {
      super(Float8Vector.class);
      nan = o.nanValue;
      posInf = o.positiveInf;
      negInf = o.negativeInf;
    }

    @Override
    boolean convert(String text, int row) {
      double v;
      if (text.equals(nan)) {
        v = Double.NaN;
      } else if (text.equals(negInf)) {
        v = Double.NEGATIVE_INFINITY;
      } else if (text.equals(posInf)) {
        v = Double.POSITIVE_INFINITY;
      } else {
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return failed(row);
        }
      }
      vector.setSafe(row, v);
      return true;
    }
  }

  private static final class Decimal extends Typed<DecimalVector> {
    private final int precision;
    private final int scale;

    Decimal(DecimalType type) {
      super(DecimalVector.class);
      precision = type.precision();
      scale = type.scale();
    }

    @Override
    boolean convert(String text, int row) {
      BigDecimal v;
      try {
        // Spark (locale en-US) drops grouping commas: "1,234.5" is 1234.5.
        v = new BigDecimal(text.indexOf(',') < 0 ? text : text.replace(",", ""))
            .setScale(scale, RoundingMode.HALF_UP);
      } catch (NumberFormatException | ArithmeticException e) {
        return failed(row);
      }
      if (v.precision() > precision) {
        return failed(row);
      }
      vector.setSafe(row, v);
      return true;
    }
  }

  private static final class Bool extends Typed<BitVector> {
    Bool() {
      super(BitVector.class);
    }

    @Override
    boolean convert(String text, int row) {
      if (text.equalsIgnoreCase("true")) {
        vector.setSafe(row, 1);
        return true;
      }
      if (text.equalsIgnoreCase("false")) {
        vector.setSafe(row, 0);
        return true;
      }
      return failed(row);
    }
  }

  private static final class Date extends Typed<DateDayVector> {
    private final CsvDateTimes dateTimes;

    Date(CsvDateTimes dateTimes) {
      super(DateDayVector.class);
      this.dateTimes = dateTimes;
    }

    @Override
    boolean convert(String text, int row) {
      try {
        vector.setSafe(row, dateTimes.parseDate(text));
        return true;
      } catch (DateTimeException | ArithmeticException e) {
        return failed(row);
      }
    }
  }

  private static final class Timestamp extends Typed<TimeStampMicroTZVector> {
    private final CsvDateTimes dateTimes;

    Timestamp(CsvDateTimes dateTimes) {
      super(TimeStampMicroTZVector.class);
      this.dateTimes = dateTimes;
    }

    @Override
    boolean convert(String text, int row) {
      try {
        vector.setSafe(row, dateTimes.parseTimestamp(text));
        return true;
      } catch (DateTimeException | ArithmeticException e) {
        return failed(row);
      }
    }
  }

  private static final class LocalTimestamp extends Typed<TimeStampMicroVector> {
    private final CsvDateTimes dateTimes;

    LocalTimestamp(CsvDateTimes dateTimes) {
      super(TimeStampMicroVector.class);
      this.dateTimes = dateTimes;
    }

    @Override
    boolean convert(String text, int row) {
      try {
        vector.setSafe(row, dateTimes.parseLocalTimestamp(text));
        return true;
      } catch (DateTimeException | ArithmeticException e) {
        return failed(row);
      }
    }
  }

  /** A column of type void: every value reads as null. */
  private static final class Null extends CsvValueConverter {
    @Override
    void bind(FieldVector vector) {}

    @Override
    boolean convert(String text, int row) {
      return true;
    }

    @Override
    void setNull(int row) {}
  }
}
