package dev.quiver.sql;

/** Spark's RowFactory: {@code RowFactory.create(values...)}. */
public final class RowFactory {
  private RowFactory() {}

  public static Row create(Object... values) {
    return new GenericRow(values);
  }
}
