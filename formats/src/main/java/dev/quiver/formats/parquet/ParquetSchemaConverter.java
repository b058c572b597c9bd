package dev.quiver.formats.parquet;

import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.ArrayType;
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
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Quiver (Spark) schemas to Parquet schemas and back, as Spark 4's ParquetSchemaConverter does in its
 * standard (non-legacy) mode, except that timestamps are written as INT64 TIMESTAMP(MICROS) rather than
 * Spark's default INT96.
 */
final class ParquetSchemaConverter {
  /** The message name Spark gives its Parquet schemas. */
  static final String MESSAGE_NAME = "spark_schema";

  private ParquetSchemaConverter() {}

  // ---------------------------------------------------------------- Quiver -> Parquet

  static MessageType toParquet(StructType schema) {
    if (schema.length() == 0) {
      throw emptySchema();
    }
    List<Type> fields = new ArrayList<>();
    for (StructField f : schema.fieldList()) {
      fields.add(field(f.name(), f.dataType(), f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED));
    }
    return new MessageType(MESSAGE_NAME, fields);
  }

  private static Type field(String name, DataType type, Repetition rep) {
    if (type instanceof BooleanType) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
    }
    if (type instanceof ByteType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(8, true)).named(name);
    }
    if (type instanceof ShortType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(16, true)).named(name);
    }
    if (type instanceof IntegerType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
    }
    if (type instanceof LongType) {
      return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
    }
    if (type instanceof FloatType) {
      return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
    }
    if (type instanceof DoubleType) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
    }
    if (type instanceof StringType) {
      return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
    }
    if (type instanceof BinaryType) {
      return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
    }
    if (type instanceof DateType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
    }
    if (type instanceof TimestampType) {
      return Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
    }
    if (type instanceof TimestampNTZType) {
      return Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name);
    }
    if (type instanceof DecimalType d) {
      LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
      if (d.precision() <= 9) {
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(name);
      }
      if (d.precision() <= 18) {
        return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).as(dec)
          .length(minBytesForPrecision(d.precision())).named(name);
    }
    if (type instanceof ArrayType a) {
      Type element = field("element", a.elementType(), a.containsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED);
      return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(element).named("list")).named(name);
    }
    if (type instanceof MapType m) {
      Type key = field("key", m.keyType(), Repetition.REQUIRED);
      Type value = field("value", m.valueType(), m.valueContainsNull() ? Repetition.OPTIONAL : Repetition.REQUIRED);
      return Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
          .addField(Types.repeatedGroup().addField(key).addField(value).named("key_value")).named(name);
    }
    if (type instanceof StructType s) {
      if (s.length() == 0) {
        throw emptySchema();
      }
      List<Type> children = new ArrayList<>();
      for (StructField f : s.fieldList()) {
        children.add(field(f.name(), f.dataType(), f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED));
      }
      return new GroupType(rep, name, children);
    }
    if (type instanceof NullType) {
      throw new QuiverException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The Parquet datasource doesn't support the "
          + "column `" + name + "` of the type \"VOID\". Cast the column to a concrete type before writing.",
          "0A000", null);
    }
    throw new QuiverException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "The Parquet datasource doesn't support the "
        + "column `" + name + "` of the type \"" + type.sql() + "\".", "0A000", null);
  }

  /** The fewest bytes of a two's complement integer that hold every unscaled value of this precision. */
  static int minBytesForPrecision(int precision) {
    BigInteger limit = BigInteger.TEN.pow(precision);
    int bytes = 1;
    while (BigInteger.TWO.pow(8 * bytes - 1).compareTo(limit) < 0) {
      bytes++;
    }
    return bytes;
  }

  private static QuiverException emptySchema() {
    return new QuiverException("EMPTY_SCHEMA_NOT_SUPPORTED_FOR_DATASOURCE", "The Parquet datasource does not "
        + "support writing empty or nested empty schemas. Please make sure the data schema has at least one or "
        + "more column(s).", "0A000", null);
  }

  // ---------------------------------------------------------------- Parquet -> Quiver

  /**
   * The Quiver schema of a Parquet file schema, with each field's nullability as the file declares it
   * (schema inference makes everything nullable afterwards, as Spark does).
   */
  static StructType toQuiver(MessageType schema, boolean binaryAsString) {
    return struct(schema, binaryAsString);
  }

  private static StructType struct(GroupType g, boolean binaryAsString) {
    List<StructField> fields = new ArrayList<>();
    for (Type t : g.getFields()) {
      if (t.isRepetition(Repetition.REPEATED)) {
        // A repeated field outside LIST/MAP is a required list of required elements.
        fields.add(new StructField(t.getName(), new ArrayType(convert(t, binaryAsString), false), false));
      } else {
        fields.add(new StructField(t.getName(), convert(t, binaryAsString), t.isRepetition(Repetition.OPTIONAL)));
      }
    }
    return StructType.of(fields);
  }

  private static DataType convert(Type t, boolean binaryAsString) {
    if (t.isPrimitive()) {
      return primitive(t.asPrimitiveType(), binaryAsString);
    }
    GroupType g = t.asGroupType();
    LogicalTypeAnnotation logical = g.getLogicalTypeAnnotation();
    if (logical == null) {
      if (g.getFieldCount() == 0) {
        throw illegal(g);
      }
      return struct(g, binaryAsString);
    }
    if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      if (g.getFieldCount() != 1 || !g.getType(0).isRepetition(Repetition.REPEATED)) {
        throw illegal(g);
      }
      Type repeated = g.getType(0);
      if (isElementType(repeated, g.getName())) {
        return new ArrayType(convert(repeated, binaryAsString), false);
      }
      Type element = repeated.asGroupType().getType(0);
      return new ArrayType(convert(element, binaryAsString), element.isRepetition(Repetition.OPTIONAL));
    }
    if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      if (g.getFieldCount() != 1 || g.getType(0).isPrimitive()
          || !g.getType(0).isRepetition(Repetition.REPEATED) || g.getType(0).asGroupType().getFieldCount() != 2) {
        throw illegal(g);
      }
      GroupType kv = g.getType(0).asGroupType();
      Type value = kv.getType(1);
      return new MapType(convert(kv.getType(0), binaryAsString), convert(value, binaryAsString),
          value.isRepetition(Repetition.OPTIONAL));
    }
    throw new QuiverException("PARQUET_TYPE_NOT_RECOGNIZED", "Unrecognized Parquet type: " + describe(g) + ".",
        "42846", null);
  }

  private static DataType primitive(PrimitiveType t, boolean binaryAsString) {
    LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.UnknownLogicalTypeAnnotation) {
      return DataTypes.NullType;
    }
    switch (t.getPrimitiveTypeName()) {
      case BOOLEAN:
        return DataTypes.BooleanType;
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case INT32:
        if (logical == null) {
          return DataTypes.IntegerType;
        }
        if (logical instanceof IntLogicalTypeAnnotation i) {
          int bits = i.getBitWidth();
          if (i.isSigned()) {
            return bits == 8 ? DataTypes.ByteType : bits == 16 ? DataTypes.ShortType : bits == 32
                ? DataTypes.IntegerType : fail(illegal(t));
          }
          return bits == 8 ? DataTypes.ShortType : bits == 16 ? DataTypes.IntegerType : bits == 32
              ? DataTypes.LongType : fail(illegal(t));
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return DataTypes.DateType;
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          return decimal(t, d, 9);
        }
        if (logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
          throw notSupported(t);
        }
        throw illegal(t);
      case INT64:
        if (logical == null) {
          return DataTypes.LongType;
        }
        if (logical instanceof IntLogicalTypeAnnotation i) {
          if (i.getBitWidth() != 64) {
            throw illegal(t);
          }
          return i.isSigned() ? DataTypes.LongType : new DecimalType(20, 0);
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          return decimal(t, d, 18);
        }
        if (logical instanceof TimestampLogicalTypeAnnotation ts) {
          // Spark 4 refuses NANOS; Quiver reads them truncated to microseconds, which is what DuckDB and
          // pandas users expect of a TIMESTAMP_NS column.
          return ts.isAdjustedToUTC() ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
        }
        throw illegal(t);
      case INT96:
        return DataTypes.TimestampType;
      case BINARY:
        if (logical == null) {
          return binaryAsString ? DataTypes.StringType : DataTypes.BinaryType;
        }
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return DataTypes.StringType;
        }
        if (logical instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
          return DataTypes.BinaryType;
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          return decimal(t, d, -1);
        }
        throw illegal(t);
      case FIXED_LEN_BYTE_ARRAY:
        if (logical == null) {
          return DataTypes.BinaryType;
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          return decimal(t, d, maxPrecisionForBytes(t.getTypeLength()));
        }
        if (logical instanceof LogicalTypeAnnotation.IntervalLogicalTypeAnnotation) {
          throw notSupported(t);
        }
        throw illegal(t);
      default:
        throw illegal(t);
    }
  }

  private static DataType decimal(PrimitiveType t, DecimalLogicalTypeAnnotation d, int maxPrecision) {
    int p = d.getPrecision();
    int s = d.getScale();
    if (p < 1 || p > DecimalType.MAX_PRECISION || (maxPrecision >= 0 && p > maxPrecision) || s < 0 || s > p) {
      throw new QuiverException("Invalid decimal precision or scale in Parquet type " + describe(t) + ": "
          + t.getPrimitiveTypeName() + " cannot hold decimal(" + p + "," + s + ")"
          + (maxPrecision >= 0 ? " (at most " + maxPrecision + " digits)" : "") + ".");
    }
    return new DecimalType(p, s);
  }

  private static int maxPrecisionForBytes(int bytes) {
    // floor(log10(2^(8 * bytes - 1) - 1)), capped at what a Quiver decimal can hold.
    BigInteger max = BigInteger.TWO.pow(8 * Math.max(bytes, 1) - 1).subtract(BigInteger.ONE);
    return Math.min(DecimalType.MAX_PRECISION, max.toString().length() - 1);
  }

  private static DataType fail(QuiverException e) {
    throw e;
  }

  private static QuiverException illegal(Type t) {
    return new QuiverException("PARQUET_TYPE_ILLEGAL", "Illegal Parquet type: " + describe(t) + ".", "42846", null);
  }

  private static QuiverException notSupported(Type t) {
    return new QuiverException("PARQUET_TYPE_NOT_SUPPORTED", "Parquet type not yet supported: " + describe(t) + ".",
        "42846", null);
  }

  /** {@code INT64 (TIMESTAMP(MICROS,true))}, as Spark names Parquet types in errors. */
  static String describe(Type t) {
    if (t.isPrimitive()) {
      PrimitiveType p = t.asPrimitiveType();
      String name = p.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
          ? "FIXED_LEN_BYTE_ARRAY(" + p.getTypeLength() + ")" : p.getPrimitiveTypeName().name();
      return p.getLogicalTypeAnnotation() == null ? name : name + " (" + p.getLogicalTypeAnnotation() + ")";
    }
    return t.toString().replaceAll("\\s+", " ").trim();
  }

  /**
   * Parquet's backward-compatibility rules for lists: whether the repeated field of a LIST group is the
   * element itself (two-level lists of old writers) rather than a wrapper around it.
   */
  static boolean isElementType(Type repeated, String parentName) {
    return repeated.isPrimitive()
        || repeated.asGroupType().getFieldCount() > 1
        || repeated.getName().equals("array")
        || repeated.getName().equals(parentName + "_tuple");
  }

  /** Every field, element and map value nullable, as Spark makes the schemas of files it reads. */
  static StructType asNullable(StructType s) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : s.fieldList()) {
      fields.add(new StructField(f.name(), asNullable(f.dataType()), true, f.metadata()));
    }
    return StructType.of(fields);
  }

  private static DataType asNullable(DataType t) {
    if (t instanceof StructType s) {
      return asNullable(s);
    }
    if (t instanceof ArrayType a) {
      return new ArrayType(asNullable(a.elementType()), true);
    }
    if (t instanceof MapType m) {
      return new MapType(asNullable(m.keyType()), asNullable(m.valueType()), true);
    }
    return t;
  }
}
