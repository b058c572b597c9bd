package dev.quiver.sql;

import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A Row holding its values, optionally with a schema (rows from DataFrames have one). Immutable. */
public final class GenericRow implements Row {
  private static final long serialVersionUID = 1L;

  private final Object[] values;
  private final StructType schema;

  public GenericRow(Object[] values, StructType schema) {
    this.values = values.clone();
    this.schema = schema;
  }

  public GenericRow(Object[] values) {
    this(values, null);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Object get(int i) {
    if (i < 0 || i >= values.length) {
      throw new ArrayIndexOutOfBoundsException("Row index " + i + " is out of range: the row has " + values.length
          + " values");
    }
    return values[i];
  }

  @Override
  public List<Object> toList() {
    return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
  }

  @Override
  public Row copy() {
    return this;
  }

  /**
   * Spark's form ({@code Row.mkString("[", ",", "]")}): {@code [Alice,34,null]}; nested rows in brackets,
   * arrays as {@code ArraySeq(...)}, maps as {@code Map(k -> v)}, and binary values as the JVM prints a
   * {@code byte[]} ({@code [B@1b6d3586}), exactly as Spark's Row does.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(text(values[i]));
    }
    return sb.append(']').toString();
  }

  static String text(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("ArraySeq(");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(text(l.get(i)));
      }
      return sb.append(')').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("Map(");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(text(e.getKey())).append(" -> ").append(text(e.getValue()));
      }
      return sb.append(')').toString();
    }
    return String.valueOf(v);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Row r) || r.size() != size()) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      Object a = values[i];
      Object b = r.get(i);
      if (a instanceof byte[] x && b instanceof byte[] y) {
        if (!Arrays.equals(x, y)) {
          return false;
        }
      } else if (a == null ? b != null : !a.equals(b)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (Object v : values) {
      h = h * 31 + (v instanceof byte[] b ? Arrays.hashCode(b) : java.util.Objects.hashCode(v));
    }
    return h;
  }
}
