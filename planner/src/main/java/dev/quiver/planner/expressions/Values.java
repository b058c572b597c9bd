package dev.quiver.planner.expressions;

import java.util.Arrays;
import java.util.Objects;

/** Equality and hashing of internal values, where byte[] compares by content. */
public final class Values {
  private Values() {}

  public static boolean equal(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return Objects.equals(a, b);
  }

  public static int hash(Object v) {
    return v instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(v);
  }
}
