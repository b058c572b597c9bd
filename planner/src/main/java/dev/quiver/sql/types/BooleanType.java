package dev.quiver.sql.types;

/** Spark's {@code BooleanType}. Use the singleton {@link DataTypes#BooleanType}. */
public final class BooleanType extends DataType {
  private static final long serialVersionUID = 1L;
  static final BooleanType INSTANCE = new BooleanType();

  private BooleanType() {}

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public int defaultSize() {
    return 1;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
