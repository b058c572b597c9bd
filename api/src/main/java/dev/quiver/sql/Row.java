package dev.quiver.sql;

import dev.quiver.sql.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * One row of a result, as Spark's Row: values by position ({@link #get(int)}, typed getters), by name when
 * the row has a schema ({@link #getAs(String)}), and Spark's text form {@code [a,b,c]}. Dates are
 * {@link java.sql.Date}, timestamps {@link java.sql.Timestamp}, decimals {@link BigDecimal}, arrays
 * {@link List}, maps {@link Map} and structs nested Rows.
 */
public interface Row extends Serializable {
  int size();

  default int length() {
    return size();
  }

  /** The schema, or null for rows built by {@link RowFactory#create}. */
  StructType schema();

  Object get(int i);

  default boolean isNullAt(int i) {
    return get(i) == null;
  }

  default boolean anyNull() {
    for (int i = 0; i < size(); i++) {
      if (isNullAt(i)) {
        return true;
      }
    }
    return false;
  }

  default Object apply(int i) {
    return get(i);
  }

  @SuppressWarnings("unchecked")
  default <T> T getAs(int i) {
    return (T) get(i);
  }

  default <T> T getAs(String fieldName) {
    return getAs(fieldIndex(fieldName));
  }

  /** Position of a field by name; needs a schema. */
  default int fieldIndex(String name) {
    StructType s = schema();
    if (s == null) {
      throw new UnsupportedOperationException("fieldIndex on a Row without schema is undefined: create the row "
          + "from a DataFrame, or use positions.");
    }
    return s.fieldIndex(name);
  }

  default boolean getBoolean(int i) {
    return (Boolean) nonNull(i);
  }

  default byte getByte(int i) {
    return (Byte) nonNull(i);
  }

  default short getShort(int i) {
    return (Short) nonNull(i);
  }

  default int getInt(int i) {
    return (Integer) nonNull(i);
  }

  default long getLong(int i) {
    return (Long) nonNull(i);
  }

  default float getFloat(int i) {
    return (Float) nonNull(i);
  }

  default double getDouble(int i) {
    return (Double) nonNull(i);
  }

  default String getString(int i) {
    return (String) get(i);
  }

  default BigDecimal getDecimal(int i) {
    return (BigDecimal) get(i);
  }

  default Date getDate(int i) {
    return (Date) get(i);
  }

  default Timestamp getTimestamp(int i) {
    return (Timestamp) get(i);
  }

  default java.time.LocalDate getLocalDate(int i) {
    Object v = get(i);
    return v == null ? null : v instanceof Date d ? d.toLocalDate() : (java.time.LocalDate) v;
  }

  default java.time.Instant getInstant(int i) {
    Object v = get(i);
    return v == null ? null : v instanceof Timestamp t ? t.toInstant() : (java.time.Instant) v;
  }

  @SuppressWarnings("unchecked")
  default <T> List<T> getList(int i) {
    return (List<T>) get(i);
  }

  @SuppressWarnings("unchecked")
  default <K, V> Map<K, V> getJavaMap(int i) {
    return (Map<K, V>) get(i);
  }

  default Row getStruct(int i) {
    return (Row) get(i);
  }

  /** A primitive getter on a null value fails as Spark's does, naming the position. */
  private Object nonNull(int i) {
    Object v = get(i);
    if (v == null) {
      throw new NullPointerException("Value at index " + i + " is null");
    }
    return v;
  }

  /** All values as a list (Spark's toSeq). */
  List<Object> toList();

  Row copy();

  /** Spark's {@code mkString}: values joined by {@code sep}. */
  default String mkString(String sep) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < size(); i++) {
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(GenericRow.text(get(i)));
    }
    return sb.toString();
  }

  default String mkString() {
    return mkString("");
  }
}
