package dev.quiver.sql.types;

/** Spark's {@code TimestampNTZType}. Use the singleton {@link DataTypes#TimestampNTZType}. */
public final class TimestampNTZType extends DataType {
  private static final long serialVersionUID = 1L;
  static final TimestampNTZType INSTANCE = new TimestampNTZType();

  private TimestampNTZType() {}

  @Override
  public String typeName() {
    return "timestamp_ntz";
  }

  @Override
  public int defaultSize() {
    return 8;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
