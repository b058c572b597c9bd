package dev.quiver.sql.types;

/** Spark's {@code DateType}. Use the singleton {@link DataTypes#DateType}. */
public final class DateType extends DataType {
  private static final long serialVersionUID = 1L;
  static final DateType INSTANCE = new DateType();

  private DateType() {}

  @Override
  public String typeName() {
    return "date";
  }

  @Override
  public int defaultSize() {
    return 4;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
