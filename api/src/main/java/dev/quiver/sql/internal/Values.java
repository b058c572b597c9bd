package dev.quiver.sql.internal;

import dev.quiver.sql.GenericRow;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.Row;
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
import dev.quiver.planner.values.DateTimeValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the Java values users see in Rows (Spark's external types: java.sql.Date, Timestamp,
 * BigDecimal, List, Map, Row) and Quiver's internal forms (days, microseconds, Lists for structs).
 */
public final class Values {
  private Values() {}

  /** Internal value of {@code type} to the Java value a Row holds. */
  public static Object toExternal(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof DateType) {
      return Date.valueOf(LocalDate.ofEpochDay(((Number) v).intValue()));
    }
    if (type instanceof TimestampType) {
      return Timestamp.from(DateTimeValues.toInstant(((Number) v).longValue()));
    }
    if (type instanceof TimestampNTZType) {
      return LocalDateTime.ofInstant(DateTimeValues.toInstant(((Number) v).longValue()), ZoneOffset.UTC);
    }
    if (type instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(toExternal(e, a.elementType()));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(toExternal(e.getKey(), m.keyType()), toExternal(e.getValue(), m.valueType()));
      }
      return java.util.Collections.unmodifiableMap(out);
    }
    if (type instanceof StructType s) {
      List<?> fields = (List<?>) v;
      Object[] out = new Object[s.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = toExternal(fields.get(i), s.apply(i).dataType());
      }
      return new GenericRow(out, s);
    }
    return v;
  }

  public static Row toRow(Object[] internal, StructType schema) {
    Object[] out = new Object[internal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = toExternal(internal[i], schema.apply(i).dataType());
    }
    return new GenericRow(out, schema);
  }

  /**
   * A Row's value for a field of {@code type} in internal form. Types must match as Spark requires (an
   * Integer is not a valid value of a bigint column); the error names the field and both types.
   */
  public static Object toInternal(Object v, DataType type, String field) {
    if (v == null) {
      return null;
    }
    if (type instanceof IntegerType) {
      return expect(v, Integer.class, type, field);
    }
    if (type instanceof LongType) {
      return expect(v, Long.class, type, field);
    }
    if (type instanceof DoubleType) {
      return expect(v, Double.class, type, field);
    }
    if (type instanceof StringType) {
      return expect(v, String.class, type, field);
    }
    if (type instanceof BooleanType) {
      return expect(v, Boolean.class, type, field);
    }
    if (type instanceof FloatType) {
      return expect(v, Float.class, type, field);
    }
    if (type instanceof ShortType) {
      return expect(v, Short.class, type, field);
    }
    if (type instanceof ByteType) {
      return expect(v, Byte.class, type, field);
    }
    if (type instanceof BinaryType) {
      return expect(v, byte[].class, type, field);
    }
    if (type instanceof DecimalType d) {
      BigDecimal b;
      if (v instanceof BigDecimal x) {
        b = x;
      } else if (v instanceof java.math.BigInteger x) {
        b = new BigDecimal(x);
      } else {
        throw invalid(v, type, field);
      }
      BigDecimal scaled = b.setScale(d.scale(), RoundingMode.HALF_UP);
      if (scaled.precision() > d.precision()) {
        throw new QuiverException("NUMERIC_VALUE_OUT_OF_RANGE", "The value " + b.toPlainString() + " of field '"
            + field + "' cannot be represented as " + d.simpleString() + ".", "22003", null);
      }
      return scaled;
    }
    if (type instanceof DateType) {
      if (v instanceof Date d) {
        return (int) d.toLocalDate().toEpochDay();
      }
      if (v instanceof LocalDate d) {
        return (int) d.toEpochDay();
      }
      throw invalid(v, type, field);
    }
    if (type instanceof TimestampType) {
      if (v instanceof Timestamp t) {
        return DateTimeValues.fromInstant(t.toInstant());
      }
      if (v instanceof Instant i) {
        return DateTimeValues.fromInstant(i);
      }
      throw invalid(v, type, field);
    }
    if (type instanceof TimestampNTZType) {
      if (v instanceof LocalDateTime t) {
        return DateTimeValues.fromInstant(t.toInstant(ZoneOffset.UTC));
      }
      throw invalid(v, type, field);
    }
    if (type instanceof ArrayType a) {
      Iterable<?> items;
      if (v instanceof List<?> l) {
        items = l;
      } else if (v instanceof Object[] arr) {
        items = java.util.Arrays.asList(arr);
      } else {
        throw invalid(v, type, field);
      }
      List<Object> out = new ArrayList<>();
      for (Object e : items) {
        out.add(toInternal(e, a.elementType(), field + ".element"));
      }
      return out;
    }
    if (type instanceof MapType m) {
      if (!(v instanceof Map<?, ?> map)) {
        throw invalid(v, type, field);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(toInternal(e.getKey(), m.keyType(), field + ".key"),
            toInternal(e.getValue(), m.valueType(), field + ".value"));
      }
      return out;
    }
    if (type instanceof StructType s) {
      if (!(v instanceof Row r)) {
        throw invalid(v, type, field);
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < s.length(); i++) {
        StructField f = s.apply(i);
        out.add(toInternal(r.get(i), f.dataType(), field + "." + f.name()));
      }
      return out;
    }
    if (type instanceof NullType) {
      throw invalid(v, type, field);
    }
    throw invalid(v, type, field);
  }

  private static Object expect(Object v, Class<?> cls, DataType type, String field) {
    if (!cls.isInstance(v)) {
      throw invalid(v, type, field);
    }
    return v;
  }

  private static QuiverException invalid(Object v, DataType type, String field) {
    return new QuiverException("INVALID_EXTERNAL_TYPE", "The value " + v + " (" + v.getClass().getName()
        + ") of field '" + field + "' is not a valid external type for the schema type " + type.simpleString()
        + ". Use " + externalName(type) + ".", null, null);
  }

  static String externalName(DataType t) {
    if (t instanceof IntegerType) {
      return "java.lang.Integer";
    }
    if (t instanceof LongType) {
      return "java.lang.Long";
    }
    if (t instanceof DoubleType) {
      return "java.lang.Double";
    }
    if (t instanceof FloatType) {
      return "java.lang.Float";
    }
    if (t instanceof ShortType) {
      return "java.lang.Short";
    }
    if (t instanceof ByteType) {
      return "java.lang.Byte";
    }
    if (t instanceof BooleanType) {
      return "java.lang.Boolean";
    }
    if (t instanceof StringType) {
      return "java.lang.String";
    }
    if (t instanceof DateType) {
      return "java.sql.Date or java.time.LocalDate";
    }
    if (t instanceof TimestampType) {
      return "java.sql.Timestamp or java.time.Instant";
    }
    if (t instanceof DecimalType) {
      return "java.math.BigDecimal";
    }
    if (t instanceof ArrayType) {
      return "a java.util.List";
    }
    if (t instanceof MapType) {
      return "a java.util.Map";
    }
    if (t instanceof StructType) {
      return "a Row";
    }
    return "a value of the column's type";
  }
}
