package dev.quiver.sql.types;

/** Spark's {@code TimestampType}. Use the singleton {@link DataTypes#TimestampType}. */
public final class TimestampType extends DataType {
  private static final long serialVersionUID = 1L;
  static final TimestampType INSTANCE = new TimestampType();

  private TimestampType() {}

  @Override
  public String typeName() {
    return "timestamp";
  }

  @Override
  public int defaultSize() {
    return 8;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
