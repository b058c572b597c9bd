package dev.quiver.sql.types;

import java.util.List;

/** Spark's factory of data types: the singletons and the create* methods. */
public final class DataTypes {
  private DataTypes() {}

  public static final DataType NullType = dev.quiver.sql.types.NullType.INSTANCE;
  public static final DataType BooleanType = dev.quiver.sql.types.BooleanType.INSTANCE;
  public static final DataType ByteType = dev.quiver.sql.types.ByteType.INSTANCE;
  public static final DataType ShortType = dev.quiver.sql.types.ShortType.INSTANCE;
  public static final DataType IntegerType = dev.quiver.sql.types.IntegerType.INSTANCE;
  public static final DataType LongType = dev.quiver.sql.types.LongType.INSTANCE;
  public static final DataType FloatType = dev.quiver.sql.types.FloatType.INSTANCE;
  public static final DataType DoubleType = dev.quiver.sql.types.DoubleType.INSTANCE;
  public static final DataType StringType = dev.quiver.sql.types.StringType.INSTANCE;
  public static final DataType BinaryType = dev.quiver.sql.types.BinaryType.INSTANCE;
  public static final DataType DateType = dev.quiver.sql.types.DateType.INSTANCE;
  public static final DataType TimestampType = dev.quiver.sql.types.TimestampType.INSTANCE;
  public static final DataType TimestampNTZType = dev.quiver.sql.types.TimestampNTZType.INSTANCE;

  public static ArrayType createArrayType(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
    return new ArrayType(elementType, containsNull);
  }

  public static MapType createMapType(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType, true);
  }

  public static MapType createMapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    return new MapType(keyType, valueType, valueContainsNull);
  }

  public static DecimalType createDecimalType(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  public static DecimalType createDecimalType() {
    return DecimalType.USER_DEFAULT;
  }

  public static StructField createStructField(String name, DataType dataType, boolean nullable) {
    return new StructField(name, dataType, nullable);
  }

  public static StructField createStructField(String name, DataType dataType, boolean nullable, Metadata metadata) {
    return new StructField(name, dataType, nullable, metadata);
  }

  public static StructType createStructType(List<StructField> fields) {
    return StructType.of(fields);
  }

  public static StructType createStructType(StructField[] fields) {
    return new StructType(fields);
  }
}
