package dev.quiver.planner.expressions;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Equality and hashing of internal values, where byte[] compares by content, also inside the lists and maps
 * that arrays, structs and maps read as (a binary field's byte[] has an identity hashCode and equals).
 */
public final class Values {
  private Values() {}

  public static boolean equal(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!equal(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return x.size() == y.size() && equal(List.copyOf(x.entrySet()), List.copyOf(y.entrySet()));
    }
    if (a instanceof Map.Entry<?, ?> x && b instanceof Map.Entry<?, ?> y) {
      return equal(x.getKey(), y.getKey()) && equal(x.getValue(), y.getValue());
    }
    return Objects.equals(a, b);
  }

  public static int hash(Object v) {
    if (v instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    if (v instanceof List<?> list) {
      int h = 1;
      for (Object e : list) {
        h = 31 * h + hash(e);
      }
      return h;
    }
    if (v instanceof Map<?, ?> map) {
      int h = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        h += hash(e.getKey()) ^ hash(e.getValue());
      }
      return h;
    }
    return Objects.hashCode(v);
  }
}
