package dev.quiver.sql.types;

/** Spark's {@code StringType}. Use the singleton {@link DataTypes#StringType}. */
public final class StringType extends DataType {
  private static final long serialVersionUID = 1L;
  static final StringType INSTANCE = new StringType();

  private StringType() {}

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public int defaultSize() {
    return 20;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
