package dev.quiver.planner.serde;

import dev.quiver.proto.DataTypeProto;
import dev.quiver.proto.StructFieldProto;
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
import dev.quiver.sql.types.Metadata;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/** Data types and schemas to and from {@code DataTypeProto}. Atomic types decode to the DataTypes singletons. */
public final class TypeSerde {
  private TypeSerde() {}

  public static byte[] toBytes(DataType type) {
    return toProto(type).toByteArray();
  }

  public static DataType fromBytes(byte[] bytes) {
    return fromProto(ProtoBytes.parse(bytes, DataTypeProto.parser(), "DataTypeProto"));
  }

  static DataTypeProto toProto(DataType type) {
    DataTypeProto.Builder b = DataTypeProto.newBuilder();
    if (type instanceof DecimalType d) {
      return b.setDecimal(DataTypeProto.Decimal.newBuilder().setPrecision(d.precision()).setScale(d.scale())).build();
    }
    if (type instanceof ArrayType a) {
      return b.setArray(DataTypeProto.Array.newBuilder().setElementType(toProto(a.elementType()))
          .setContainsNull(a.containsNull())).build();
    }
    if (type instanceof MapType m) {
      return b.setMap(DataTypeProto.Map.newBuilder().setKeyType(toProto(m.keyType()))
          .setValueType(toProto(m.valueType())).setValueContainsNull(m.valueContainsNull())).build();
    }
    if (type instanceof StructType s) {
      return b.setStruct(structToProto(s)).build();
    }
    return b.setAtomic(atomic(type)).build();
  }

  // DataType is not sealed, so an unknown subclass is caught here at runtime rather than by the compiler.
  private static DataTypeProto.Atomic atomic(DataType type) {
    if (type instanceof NullType) {
      return DataTypeProto.Atomic.NULL;
    } else if (type instanceof BooleanType) {
      return DataTypeProto.Atomic.BOOLEAN;
    } else if (type instanceof ByteType) {
      return DataTypeProto.Atomic.BYTE;
    } else if (type instanceof ShortType) {
      return DataTypeProto.Atomic.SHORT;
    } else if (type instanceof IntegerType) {
      return DataTypeProto.Atomic.INT;
    } else if (type instanceof LongType) {
      return DataTypeProto.Atomic.LONG;
    } else if (type instanceof FloatType) {
      return DataTypeProto.Atomic.FLOAT;
    } else if (type instanceof DoubleType) {
      return DataTypeProto.Atomic.DOUBLE;
    } else if (type instanceof StringType) {
      return DataTypeProto.Atomic.STRING;
    } else if (type instanceof BinaryType) {
      return DataTypeProto.Atomic.BINARY;
    } else if (type instanceof DateType) {
      return DataTypeProto.Atomic.DATE;
    } else if (type instanceof TimestampType) {
      return DataTypeProto.Atomic.TIMESTAMP;
    } else if (type instanceof TimestampNTZType) {
      return DataTypeProto.Atomic.TIMESTAMP_NTZ;
    }
    throw new IllegalArgumentException("The data type " + type + " has no protobuf form; add it to "
        + "quiver_types.proto and TypeSerde.");
  }

  static DataTypeProto.Struct structToProto(StructType s) {
    DataTypeProto.Struct.Builder b = DataTypeProto.Struct.newBuilder();
    for (StructField f : s.fieldList()) {
      b.addFields(StructFieldProto.newBuilder().setName(f.name()).setDataType(toProto(f.dataType()))
          .setNullable(f.nullable())
          // Sorted: Metadata's map has no stable order, and equal schemas should encode to equal bytes.
          .putAllMetadata(new java.util.TreeMap<>(f.metadata().asMap())));
    }
    return b.build();
  }

  static DataType fromProto(DataTypeProto p) {
    switch (p.getKindCase()) {
      case ATOMIC:
        return atomic(p.getAtomic());
      case DECIMAL:
        return PlanDecodingException.whileBuilding("DataTypeProto.Decimal",
            () -> new DecimalType(p.getDecimal().getPrecision(), p.getDecimal().getScale()));
      case ARRAY:
        return new ArrayType(fromProto(p.getArray().getElementType()), p.getArray().getContainsNull());
      case MAP:
        return new MapType(fromProto(p.getMap().getKeyType()), fromProto(p.getMap().getValueType()),
            p.getMap().getValueContainsNull());
      case STRUCT:
        return structFromProto(p.getStruct());
      default:
        throw PlanDecodingException.unknownCase("DataTypeProto.kind", p.getKindCase());
    }
  }

  private static DataType atomic(DataTypeProto.Atomic a) {
    switch (a) {
      case NULL:
        return DataTypes.NullType;
      case BOOLEAN:
        return DataTypes.BooleanType;
      case BYTE:
        return DataTypes.ByteType;
      case SHORT:
        return DataTypes.ShortType;
      case INT:
        return DataTypes.IntegerType;
      case LONG:
        return DataTypes.LongType;
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case STRING:
        return DataTypes.StringType;
      case BINARY:
        return DataTypes.BinaryType;
      case DATE:
        return DataTypes.DateType;
      case TIMESTAMP:
        return DataTypes.TimestampType;
      case TIMESTAMP_NTZ:
        return DataTypes.TimestampNTZType;
      default:
        throw PlanDecodingException.unknownEnum("DataTypeProto.atomic", a);
    }
  }

  static StructType structFromProto(DataTypeProto.Struct p) {
    List<StructField> fields = new ArrayList<>(p.getFieldsCount());
    for (StructFieldProto f : p.getFieldsList()) {
      fields.add(new StructField(f.getName(), fromProto(f.getDataType()), f.getNullable(),
          Metadata.of(f.getMetadataMap())));
    }
    return StructType.of(fields);
  }
}
