package dev.quiver.sql.types;

/** Spark's {@code LongType}. Use the singleton {@link DataTypes#LongType}. */
public final class LongType extends DataType {
  private static final long serialVersionUID = 1L;
  static final LongType INSTANCE = new LongType();

  private LongType() {}

  @Override
  public String typeName() {
    return "long";
  }

  @Override
  public String simpleString() {
    return "bigint";
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
