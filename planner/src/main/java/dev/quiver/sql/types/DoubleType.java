package dev.quiver.sql.types;

/** Spark's {@code DoubleType}. Use the singleton {@link DataTypes#DoubleType}. */
public final class DoubleType extends DataType {
  private static final long serialVersionUID = 1L;
  static final DoubleType INSTANCE = new DoubleType();

  private DoubleType() {}

  @Override
  public String typeName() {
    return "double";
  }

  @Override
  public int defaultSize() {
    return 8;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
