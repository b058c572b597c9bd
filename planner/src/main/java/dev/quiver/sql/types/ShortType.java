package dev.quiver.sql.types;

/** Spark's {@code ShortType}. Use the singleton {@link DataTypes#ShortType}. */
public final class ShortType extends DataType {
  private static final long serialVersionUID = 1L;
  static final ShortType INSTANCE = new ShortType();

  private ShortType() {}

  @Override
  public String typeName() {
    return "short";
  }

  @Override
  public String simpleString() {
    return "smallint";
  }

  @Override
  public int defaultSize() {
    return 2;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
