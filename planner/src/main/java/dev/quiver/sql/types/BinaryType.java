package dev.quiver.sql.types;

/** Spark's {@code BinaryType}. Use the singleton {@link DataTypes#BinaryType}. */
public final class BinaryType extends DataType {
  private static final long serialVersionUID = 1L;
  static final BinaryType INSTANCE = new BinaryType();

  private BinaryType() {}

  @Override
  public String typeName() {
    return "binary";
  }

  @Override
  public int defaultSize() {
    return 100;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
