package dev.quiver.sql.types;

/** Spark's {@code ByteType}. Use the singleton {@link DataTypes#ByteType}. */
public final class ByteType extends DataType {
  private static final long serialVersionUID = 1L;
  static final ByteType INSTANCE = new ByteType();

  private ByteType() {}

  @Override
  public String typeName() {
    return "byte";
  }

  @Override
  public String simpleString() {
    return "tinyint";
  }

  @Override
  public int defaultSize() {
    return 1;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
