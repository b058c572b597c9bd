package dev.quiver.sql.types;

/** Spark's {@code IntegerType}. Use the singleton {@link DataTypes#IntegerType}. */
public final class IntegerType extends DataType {
  private static final long serialVersionUID = 1L;
  static final IntegerType INSTANCE = new IntegerType();

  private IntegerType() {}

  @Override
  public String typeName() {
    return "integer";
  }

  @Override
  public String simpleString() {
    return "int";
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
