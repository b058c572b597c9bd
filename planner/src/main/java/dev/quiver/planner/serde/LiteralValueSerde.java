package dev.quiver.planner.serde;

import com.google.protobuf.ByteString;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.proto.LiteralValueProto;
import dev.quiver.proto.RowProto;
import dev.quiver.sql.types.ArrayType;
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
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values in Quiver's internal form (see {@link dev.quiver.planner.expressions.Literal}) to and from
 * {@code LiteralValueProto}, always against a known data type: the wire form is not self-describing (an
 * int32 may be a tinyint, smallint, int or date), and the type decides which Java class comes back.
 * Encoding insists on the internal form's class for the type: a value in another form is a bug upstream that
 * would otherwise surface as a ClassCastException inside a task on some worker.
 */
final class LiteralValueSerde {
  private static final LiteralValueProto NULL =
      LiteralValueProto.newBuilder().setNullValue(LiteralValueProto.NullValue.getDefaultInstance()).build();

  private LiteralValueSerde() {}

  // ------------------------------------------------------------------ encoding

  static LiteralValueProto toProto(Object value, DataType type) {
    if (value == null) {
      return NULL;
    }
    LiteralValueProto.Builder b = LiteralValueProto.newBuilder();
    if (type instanceof BooleanType) {
      return b.setBoolValue(as(value, Boolean.class, type)).build();
    } else if (type instanceof ByteType) {
      return b.setInt32Value(as(value, Byte.class, type)).build();
    } else if (type instanceof ShortType) {
      return b.setInt32Value(as(value, Short.class, type)).build();
    } else if (type instanceof IntegerType || type instanceof DateType) {
      return b.setInt32Value(as(value, Integer.class, type)).build();
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
      return b.setInt64Value(as(value, Long.class, type)).build();
    } else if (type instanceof FloatType) {
      return b.setFloatValue(as(value, Float.class, type)).build();
    } else if (type instanceof DoubleType) {
      return b.setDoubleValue(as(value, Double.class, type)).build();
    } else if (type instanceof StringType) {
      return b.setStringValue(as(value, String.class, type)).build();
    } else if (type instanceof BinaryType) {
      return b.setBytesValue(ByteString.copyFrom(as(value, byte[].class, type))).build();
    } else if (type instanceof DecimalType) {
      BigDecimal d = as(value, BigDecimal.class, type);
      return b.setDecimalValue(LiteralValueProto.DecimalValue.newBuilder()
          .setUnscaled(ByteString.copyFrom(d.unscaledValue().toByteArray())).setScale(d.scale())).build();
    } else if (type instanceof ArrayType a) {
      return b.setArrayValue(listToProto(as(value, List.class, type), a.elementType())).build();
    } else if (type instanceof StructType s) {
      return b.setStructValue(structToProto(as(value, List.class, type), s)).build();
    } else if (type instanceof MapType m) {
      return b.setMapValue(mapToProto(as(value, Map.class, type), m)).build();
    }
    // NullType holds only null, handled above; anything else is a type without a wire form.
    throw new IllegalArgumentException("A non-null value " + value + " cannot have the type " + type.simpleString()
        + " in Quiver's internal form.");
  }

  private static LiteralValueProto.ValueList listToProto(List<?> values, DataType elementType) {
    LiteralValueProto.ValueList.Builder b = LiteralValueProto.ValueList.newBuilder();
    for (Object v : values) {
      b.addValues(toProto(v, elementType));
    }
    return b.build();
  }

  private static LiteralValueProto.ValueList structToProto(List<?> values, StructType type) {
    List<StructField> fields = type.fieldList();
    if (values.size() != fields.size()) {
      throw new IllegalArgumentException("A value of " + type.simpleString() + " must hold " + fields.size()
          + " field values in Quiver's internal form, got " + values.size() + ": " + values);
    }
    LiteralValueProto.ValueList.Builder b = LiteralValueProto.ValueList.newBuilder();
    for (int i = 0; i < fields.size(); i++) {
      b.addValues(toProto(values.get(i), fields.get(i).dataType()));
    }
    return b.build();
  }

  private static LiteralValueProto.MapValue mapToProto(Map<?, ?> values, MapType type) {
    LiteralValueProto.MapValue.Builder b = LiteralValueProto.MapValue.newBuilder();
    for (Map.Entry<?, ?> e : values.entrySet()) {
      b.addEntries(LiteralValueProto.MapValue.Entry.newBuilder().setKey(toProto(e.getKey(), type.keyType()))
          .setValue(toProto(e.getValue(), type.valueType())));
    }
    return b.build();
  }

  private static <T> T as(Object value, Class<T> internal, DataType type) {
    if (!internal.isInstance(value)) {
      throw new IllegalArgumentException("A value of type " + type.simpleString() + " must be a "
          + internal.getSimpleName() + " in Quiver's internal form, got " + value.getClass().getName() + " ("
          + value + ").");
    }
    return internal.cast(value);
  }

  /** One value per type, as rows and partition values hold them. */
  static List<LiteralValueProto> valuesToProto(List<?> values, List<DataType> types, String what) {
    if (values.size() != types.size()) {
      throw new IllegalArgumentException(what + " must have one value per column (" + types.size() + "), got "
          + values.size() + ": " + values);
    }
    List<LiteralValueProto> out = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      out.add(toProto(values.get(i), types.get(i)));
    }
    return out;
  }

  static RowProto rowToProto(List<?> row, List<DataType> types) {
    return RowProto.newBuilder().addAllValues(valuesToProto(row, types, "A row")).build();
  }

  // ------------------------------------------------------------------ decoding

  static Object fromProto(LiteralValueProto p, DataType type) {
    LiteralValueProto.ValueCase c = p.getValueCase();
    if (c == LiteralValueProto.ValueCase.NULL_VALUE) {
      return null;
    }
    if (type instanceof BooleanType) {
      expect(c, LiteralValueProto.ValueCase.BOOL_VALUE, type);
      return p.getBoolValue();
    } else if (type instanceof ByteType) {
      expect(c, LiteralValueProto.ValueCase.INT32_VALUE, type);
      return (byte) inRange(p.getInt32Value(), Byte.MIN_VALUE, Byte.MAX_VALUE, type);
    } else if (type instanceof ShortType) {
      expect(c, LiteralValueProto.ValueCase.INT32_VALUE, type);
      return (short) inRange(p.getInt32Value(), Short.MIN_VALUE, Short.MAX_VALUE, type);
    } else if (type instanceof IntegerType || type instanceof DateType) {
      expect(c, LiteralValueProto.ValueCase.INT32_VALUE, type);
      return p.getInt32Value();
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
      expect(c, LiteralValueProto.ValueCase.INT64_VALUE, type);
      return p.getInt64Value();
    } else if (type instanceof FloatType) {
      expect(c, LiteralValueProto.ValueCase.FLOAT_VALUE, type);
      return p.getFloatValue();
    } else if (type instanceof DoubleType) {
      expect(c, LiteralValueProto.ValueCase.DOUBLE_VALUE, type);
      return p.getDoubleValue();
    } else if (type instanceof StringType) {
      expect(c, LiteralValueProto.ValueCase.STRING_VALUE, type);
      return p.getStringValue();
    } else if (type instanceof BinaryType) {
      expect(c, LiteralValueProto.ValueCase.BYTES_VALUE, type);
      return p.getBytesValue().toByteArray();
    } else if (type instanceof DecimalType) {
      expect(c, LiteralValueProto.ValueCase.DECIMAL_VALUE, type);
      LiteralValueProto.DecimalValue d = p.getDecimalValue();
      if (d.getUnscaled().isEmpty()) {
        throw new PlanDecodingException("LiteralValueProto.DecimalValue has no unscaled bytes");
      }
      return new BigDecimal(new BigInteger(d.getUnscaled().toByteArray()), d.getScale());
    } else if (type instanceof ArrayType a) {
      expect(c, LiteralValueProto.ValueCase.ARRAY_VALUE, type);
      return listFromProto(p.getArrayValue(), a.elementType());
    } else if (type instanceof StructType s) {
      expect(c, LiteralValueProto.ValueCase.STRUCT_VALUE, type);
      return structFromProto(p.getStructValue(), s);
    } else if (type instanceof MapType m) {
      expect(c, LiteralValueProto.ValueCase.MAP_VALUE, type);
      return mapFromProto(p.getMapValue(), m);
    } else if (type instanceof NullType) {
      throw new PlanDecodingException("LiteralValueProto of type void must be null, got the case " + c);
    }
    throw new PlanDecodingException("LiteralValueProto of type " + type.simpleString() + " has no decoding");
  }

  // ArrayList rather than List.of: elements and fields may be null.
  private static List<Object> listFromProto(LiteralValueProto.ValueList p, DataType elementType) {
    List<Object> out = new ArrayList<>(p.getValuesCount());
    for (LiteralValueProto v : p.getValuesList()) {
      out.add(fromProto(v, elementType));
    }
    return out;
  }

  private static List<Object> structFromProto(LiteralValueProto.ValueList p, StructType type) {
    List<StructField> fields = type.fieldList();
    if (p.getValuesCount() != fields.size()) {
      throw new PlanDecodingException("LiteralValueProto.struct_value has " + p.getValuesCount()
          + " values for the " + fields.size() + " fields of " + type.simpleString());
    }
    List<Object> out = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      out.add(fromProto(p.getValues(i), fields.get(i).dataType()));
    }
    return out;
  }

  // Insertion order is kept, as the executor's map reader produces it.
  private static Map<Object, Object> mapFromProto(LiteralValueProto.MapValue p, MapType type) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (LiteralValueProto.MapValue.Entry e : p.getEntriesList()) {
      out.put(fromProto(e.getKey(), type.keyType()), fromProto(e.getValue(), type.valueType()));
    }
    return out;
  }

  private static void expect(LiteralValueProto.ValueCase got, LiteralValueProto.ValueCase want, DataType type) {
    if (got != want) {
      if (got == LiteralValueProto.ValueCase.VALUE_NOT_SET) {
        throw PlanDecodingException.unknownCase("LiteralValueProto.value", got);
      }
      throw new PlanDecodingException("LiteralValueProto of type " + type.simpleString() + " must have the case "
          + want + ", got " + got);
    }
  }

  private static int inRange(int v, int min, int max, DataType type) {
    if (v < min || v > max) {
      throw new PlanDecodingException("LiteralValueProto.int32_value " + v + " is out of range for "
          + type.simpleString());
    }
    return v;
  }

  static List<Object> valuesFromProto(List<LiteralValueProto> values, List<DataType> types, String message) {
    if (values.size() != types.size()) {
      throw new PlanDecodingException(message + " has " + values.size() + " values for " + types.size()
          + " columns");
    }
    // ArrayList: values may be null.
    List<Object> out = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      out.add(fromProto(values.get(i), types.get(i)));
    }
    return out;
  }

  static List<Object> rowFromProto(RowProto p, List<DataType> types) {
    return valuesFromProto(p.getValuesList(), types, "RowProto");
  }

  static List<DataType> typesOf(StructType schema) {
    List<DataType> out = new ArrayList<>(schema.length());
    for (StructField f : schema.fieldList()) {
      out.add(f.dataType());
    }
    return out;
  }

  static List<DataType> typesOf(List<AttributeReference> attributes) {
    List<DataType> out = new ArrayList<>(attributes.size());
    for (AttributeReference a : attributes) {
      out.add(a.dataType());
    }
    return out;
  }
}
