package dev.quiver.executor.expressions.kernels;

import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Spark's ordering and equality on single internal values, for the paths that handle values one at a time
 * (nested types, IN over non-constant lists, greatest/least): NaN equals NaN and sorts above every number,
 * -0.0 equals 0.0, strings compare by code point (the order of their UTF-8 bytes), arrays and structs
 * element by element with nulls first.
 */
public final class ValueOrdering {
  private ValueOrdering() {}

  @SuppressWarnings("unchecked")
  public static int compare(Object a, Object b, DataType type) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (type instanceof DoubleType || type instanceof FloatType) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return x == y ? 0 : Double.compare(x, y);
    }
    if (type instanceof StringType) {
      return compareStrings((String) a, (String) b);
    }
    if (type instanceof BinaryType) {
      return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
    }
    if (type instanceof ArrayType at) {
      List<Object> x = (List<Object>) a;
      List<Object> y = (List<Object>) b;
      int m = Math.min(x.size(), y.size());
      for (int i = 0; i < m; i++) {
        int c = compare(x.get(i), y.get(i), at.elementType());
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (type instanceof StructType st) {
      List<Object> x = (List<Object>) a;
      List<Object> y = (List<Object>) b;
      for (int i = 0; i < st.length(); i++) {
        int c = compare(x.get(i), y.get(i), st.apply(i).dataType());
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
    if (type instanceof MapType) {
      return equal(a, b, type) ? 0 : 1;
    }
    if (a instanceof BigDecimal x) {
      return x.compareTo((BigDecimal) b);
    }
    if (a instanceof Boolean x) {
      return Boolean.compare(x, (Boolean) b);
    }
    if (a instanceof Number x) {
      return Long.compare(x.longValue(), ((Number) b).longValue());
    }
    return ((Comparable<Object>) a).compareTo(b);
  }

  @SuppressWarnings("unchecked")
  public static boolean equal(Object a, Object b, DataType type) {
    if (a == null || b == null) {
      return a == b;
    }
    if (type instanceof MapType mt) {
      Map<Object, Object> x = (Map<Object, Object>) a;
      Map<Object, Object> y = (Map<Object, Object>) b;
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<Map.Entry<Object, Object>> i = x.entrySet().iterator();
      Iterator<Map.Entry<Object, Object>> j = y.entrySet().iterator();
      while (i.hasNext()) {
        Map.Entry<Object, Object> p = i.next();
        Map.Entry<Object, Object> q = j.next();
        if (!equal(p.getKey(), q.getKey(), mt.keyType()) || !equal(p.getValue(), q.getValue(), mt.valueType())) {
          return false;
        }
      }
      return true;
    }
    return compare(a, b, type) == 0;
  }

  /** Code point order, which is the unsigned order of the UTF-8 bytes. */
  public static int compareStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
