package dev.quiver.sql.types;

/** Spark's {@code FloatType}. Use the singleton {@link DataTypes#FloatType}. */
public final class FloatType extends DataType {
  private static final long serialVersionUID = 1L;
  static final FloatType INSTANCE = new FloatType();

  private FloatType() {}

  @Override
  public String typeName() {
    return "float";
  }

  @Override
  public int defaultSize() {
    return 4;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
