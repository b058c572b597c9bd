package dev.quiver.sql.types;

/** Spark's {@code NullType}. Use the singleton {@link DataTypes#NullType}. */
public final class NullType extends DataType {
  private static final long serialVersionUID = 1L;
  static final NullType INSTANCE = new NullType();

  private NullType() {}

  @Override
  public String typeName() {
    return "void";
  }

  @Override
  public int defaultSize() {
    return 1;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
