package dev.quiver.formats;

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
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The one mapping between Quiver's types and Arrow's. Every module that builds vectors goes through it:
 * boolean is Bit, integers are signed Int of their width, float/double are FloatingPoint, string is Utf8,
 * binary is Binary, date is Date(DAY) (days since epoch), timestamp is Timestamp(MICROSECOND, "UTC"),
 * timestamp_ntz is Timestamp(MICROSECOND, no zone), decimal(p,s) is Decimal(p, s, 128), arrays are List
 * (child "element"), maps are Map of entries (key, value), structs are Struct.
 */
public final class ArrowTypes {
  private ArrowTypes() {}

  public static final String UTC = "UTC";

  public static Schema toArrowSchema(StructType schema) {
    List<Field> fields = new ArrayList<>(schema.length());
    for (StructField f : schema.fieldList()) {
      fields.add(toArrowField(f.name(), f.dataType(), f.nullable()));
    }
    return new Schema(fields);
  }

  public static Field toArrowField(String name, DataType type, boolean nullable) {
    if (type instanceof ArrayType a) {
      Field element = toArrowField("element", a.elementType(), a.containsNull());
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
    }
    if (type instanceof MapType m) {
      Field key = toArrowField("key", m.keyType(), false);
      Field value = toArrowField("value", m.valueType(), m.valueContainsNull());
      Field entries = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null), List.of(key, value));
      return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entries));
    }
    if (type instanceof StructType s) {
      List<Field> children = new ArrayList<>();
      for (StructField f : s.fieldList()) {
        children.add(toArrowField(f.name(), f.dataType(), f.nullable()));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    return new Field(name, new FieldType(nullable, toArrowType(type), null), null);
  }

  /** The Arrow type of an atomic Quiver type. */
  public static ArrowType toArrowType(DataType type) {
    if (type instanceof BooleanType) {
      return ArrowType.Bool.INSTANCE;
    }
    if (type instanceof ByteType) {
      return new ArrowType.Int(8, true);
    }
    if (type instanceof ShortType) {
      return new ArrowType.Int(16, true);
    }
    if (type instanceof IntegerType) {
      return new ArrowType.Int(32, true);
    }
    if (type instanceof LongType) {
      return new ArrowType.Int(64, true);
    }
    if (type instanceof FloatType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    }
    if (type instanceof DoubleType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    }
    if (type instanceof StringType) {
      return ArrowType.Utf8.INSTANCE;
    }
    if (type instanceof BinaryType) {
      return ArrowType.Binary.INSTANCE;
    }
    if (type instanceof DateType) {
      return new ArrowType.Date(DateUnit.DAY);
    }
    if (type instanceof TimestampType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC);
    }
    if (type instanceof TimestampNTZType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    }
    if (type instanceof DecimalType d) {
      return new ArrowType.Decimal(d.precision(), d.scale(), 128);
    }
    if (type instanceof NullType) {
      return ArrowType.Null.INSTANCE;
    }
    throw new IllegalArgumentException("No Arrow type for " + type.simpleString());
  }

  public static StructType fromArrowSchema(Schema schema) {
    List<StructField> fields = new ArrayList<>();
    for (Field f : schema.getFields()) {
      fields.add(new StructField(f.getName(), fromArrowField(f), f.isNullable()));
    }
    return StructType.of(fields);
  }

  public static DataType fromArrowField(Field field) {
    ArrowType t = field.getType();
    if (t instanceof ArrowType.List || t instanceof ArrowType.LargeList) {
      Field element = field.getChildren().get(0);
      return new ArrayType(fromArrowField(element), element.isNullable());
    }
    if (t instanceof ArrowType.Map) {
      Field entries = field.getChildren().get(0);
      Field value = entries.getChildren().get(1);
      return new MapType(fromArrowField(entries.getChildren().get(0)), fromArrowField(value), value.isNullable());
    }
    if (t instanceof ArrowType.Struct) {
      List<StructField> fields = new ArrayList<>();
      for (Field c : field.getChildren()) {
        fields.add(new StructField(c.getName(), fromArrowField(c), c.isNullable()));
      }
      return StructType.of(fields);
    }
    if (t instanceof ArrowType.Bool) {
      return DataTypes.BooleanType;
    }
    if (t instanceof ArrowType.Int i) {
      switch (i.getBitWidth()) {
        case 8:
          return DataTypes.ByteType;
        case 16:
          return DataTypes.ShortType;
        case 32:
          return i.getIsSigned() ? DataTypes.IntegerType : DataTypes.LongType;
        default:
          return i.getIsSigned() ? DataTypes.LongType : new DecimalType(20, 0);
      }
    }
    if (t instanceof ArrowType.FloatingPoint fp) {
      return fp.getPrecision() == FloatingPointPrecision.DOUBLE ? DataTypes.DoubleType : DataTypes.FloatType;
    }
    if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8) {
      return DataTypes.StringType;
    }
    if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.FixedSizeBinary) {
      return DataTypes.BinaryType;
    }
    if (t instanceof ArrowType.Date) {
      return DataTypes.DateType;
    }
    if (t instanceof ArrowType.Timestamp ts) {
      return ts.getTimezone() == null ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
    }
    if (t instanceof ArrowType.Decimal d) {
      return new DecimalType(d.getPrecision(), d.getScale());
    }
    if (t instanceof ArrowType.Null) {
      return DataTypes.NullType;
    }
    throw new IllegalArgumentException("Arrow type " + t + " of field '" + field.getName() + "' has no Quiver type");
  }
}
