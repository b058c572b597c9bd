package dev.quiver.formats.parquet;

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
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigInteger;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Picks the converter for a Parquet leaf column and the Quiver type the caller wants it read as. Besides the
 * exact mappings of {@link ParquetSchemaConverter}, the widenings Spark 4's vectorized reader accepts are
 * allowed (int to long or double, float to double, date to timestamp_ntz, a decimal into one with at least
 * as many integer and fraction digits), so that a merged or user-given schema can read older files.
 */
final class LeafConverters {
  private LeafConverters() {}

  /** The converter, or null when the column cannot be read as {@code target}. */
  static LeafConverter create(PrimitiveType type, DataType target) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> target instanceof BooleanType ? new BooleanConverter() : null;
      case INT32 -> int32(logical, target);
      case INT64 -> int64(logical, target);
      case INT96 -> target instanceof TimestampType || target instanceof TimestampNTZType ? new Int96Converter() : null;
      case FLOAT -> target instanceof FloatType ? new FloatingConverter(FloatingConverter.Target.FLOAT)
          : target instanceof DoubleType ? new FloatingConverter(FloatingConverter.Target.FLOAT_TO_DOUBLE) : null;
      case DOUBLE -> target instanceof DoubleType ? new FloatingConverter(FloatingConverter.Target.DOUBLE) : null;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> bytes(logical, target);
    };
  }

  private static LeafConverter int32(LogicalTypeAnnotation logical, DataType target) {
    boolean plainInt = logical == null || logical instanceof IntLogicalTypeAnnotation;
    boolean unsigned32 = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned() && i.getBitWidth() == 32;
    if (target instanceof DecimalType d) {
      if (logical instanceof DecimalLogicalTypeAnnotation dl) {
        Long f = decimalFactor(dl.getPrecision(), dl.getScale(), d);
        return f == null ? null : new Int32Converter(Int32Converter.Target.DECIMAL, f);
      }
      Long f = plainInt && !unsigned32 ? decimalFactor(10, 0, d) : null;
      return f == null ? null : new Int32Converter(Int32Converter.Target.DECIMAL, f);
    }
    if (logical instanceof DateLogicalTypeAnnotation) {
      if (target instanceof DateType) {
        return new Int32Converter(Int32Converter.Target.INT, 1);
      }
      return target instanceof TimestampNTZType ? new Int32Converter(Int32Converter.Target.DATE_TO_MICROS, 1) : null;
    }
    if (!plainInt) {
      return null;
    }
    if (target instanceof IntegerType) {
      return unsigned32 ? null : new Int32Converter(Int32Converter.Target.INT, 1);
    }
    if (target instanceof LongType) {
      return new Int32Converter(unsigned32 ? Int32Converter.Target.UNSIGNED_LONG : Int32Converter.Target.LONG, 1);
    }
    if (target instanceof ShortType) {
      return new Int32Converter(Int32Converter.Target.SHORT, 1);
    }
    if (target instanceof ByteType) {
      return new Int32Converter(Int32Converter.Target.BYTE, 1);
    }
    if (target instanceof DoubleType) {
      return new Int32Converter(Int32Converter.Target.DOUBLE, 1);
    }
    if (target instanceof DateType && logical == null) {
      return new Int32Converter(Int32Converter.Target.INT, 1);
    }
    return null;
  }

  private static LeafConverter int64(LogicalTypeAnnotation logical, DataType target) {
    if (logical instanceof TimestampLogicalTypeAnnotation ts) {
      if (!(target instanceof TimestampType || target instanceof TimestampNTZType)) {
        return null;
      }
      Int64Converter.Target t = ts.getUnit() == TimeUnit.MICROS ? Int64Converter.Target.LONG
          : ts.getUnit() == TimeUnit.MILLIS ? Int64Converter.Target.MILLIS_TO_MICROS
          : Int64Converter.Target.NANOS_TO_MICROS;
      return new Int64Converter(t, 1);
    }
    boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    if (target instanceof DecimalType d) {
      if (logical instanceof DecimalLogicalTypeAnnotation dl) {
        Long f = decimalFactor(dl.getPrecision(), dl.getScale(), d);
        return f == null ? null : new Int64Converter(Int64Converter.Target.DECIMAL, f);
      }
      if (unsigned) {
        return d.scale() == 0 && d.precision() >= 20
            ? new Int64Converter(Int64Converter.Target.UNSIGNED_DECIMAL, 1) : null;
      }
      Long f = logical == null || logical instanceof IntLogicalTypeAnnotation ? decimalFactor(20, 0, d) : null;
      return f == null ? null : new Int64Converter(Int64Converter.Target.DECIMAL, f);
    }
    if (logical != null && !(logical instanceof IntLogicalTypeAnnotation) || unsigned) {
      return null;
    }
    if (target instanceof LongType) {
      return new Int64Converter(Int64Converter.Target.LONG, 1);
    }
    if (target instanceof DoubleType) {
      return new Int64Converter(Int64Converter.Target.DOUBLE, 1);
    }
    return null;
  }

  private static LeafConverter bytes(LogicalTypeAnnotation logical, DataType target) {
    if (logical instanceof DecimalLogicalTypeAnnotation dl) {
      if (!(target instanceof DecimalType d)) {
        return null;
      }
      BigInteger f = bigDecimalFactor(dl.getPrecision(), dl.getScale(), d);
      if (f == null) {
        return null;
      }
      return new BinaryDecimalConverter(f.equals(BigInteger.ONE) ? null : f);
    }
    if (target instanceof StringType || target instanceof BinaryType) {
      return new VarWidthConverter();
    }
    return null;
  }

  /**
   * 10^(target scale - file scale) when decimal(precision, scale) values fit the target without rounding,
   * else null. Null also when the factor does not fit a long (the long paths then cannot rescale).
   */
  private static Long decimalFactor(int precision, int scale, DecimalType target) {
    BigInteger f = bigDecimalFactor(precision, scale, target);
    return f == null || f.bitLength() > 62 ? null : f.longValue();
  }

  private static BigInteger bigDecimalFactor(int precision, int scale, DecimalType target) {
    if (target.scale() < scale || target.precision() - target.scale() < precision - scale) {
      return null;
    }
    return BigInteger.TEN.pow(target.scale() - scale);
  }
}
