package dev.quiver.sql.expressions;

import dev.quiver.sql.Column;
import java.util.List;

/** Spark's Window: the entry points that create a {@link WindowSpec}. */
public final class Window {
  private Window() {}

  public static WindowSpec spec() {
    return new WindowSpec(List.of(), List.of(), null);
  }

  public static WindowSpec partitionBy(String colName, String... colNames) {
    return spec().partitionBy(colName, colNames);
  }

  public static WindowSpec partitionBy(Column... cols) {
    return spec().partitionBy(cols);
  }

  public static WindowSpec orderBy(String colName, String... colNames) {
    return spec().orderBy(colName, colNames);
  }

  public static WindowSpec orderBy(Column... cols) {
    return spec().orderBy(cols);
  }

  public static WindowSpec rowsBetween(long start, long end) {
    return spec().rowsBetween(start, end);
  }

  public static WindowSpec rangeBetween(long start, long end) {
    return spec().rangeBetween(start, end);
  }

  public static long unboundedPreceding() {
    return Long.MIN_VALUE;
  }

  public static long unboundedFollowing() {
    return Long.MAX_VALUE;
  }

  public static long currentRow() {
    return 0;
  }
}
