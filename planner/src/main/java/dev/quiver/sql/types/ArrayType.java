package dev.quiver.sql.types;

/** A list of values of one element type; {@code containsNull} says whether elements may be null. */
public final class ArrayType extends DataType {
  private static final long serialVersionUID = 1L;

  private final DataType elementType;
  private final boolean containsNull;

  public ArrayType(DataType elementType, boolean containsNull) {
    this.elementType = java.util.Objects.requireNonNull(elementType, "elementType");
    this.containsNull = containsNull;
  }

  public DataType elementType() {
    return elementType;
  }

  public boolean containsNull() {
    return containsNull;
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public String simpleString() {
    return "array<" + elementType.simpleString() + ">";
  }

  @Override
  public String catalogString() {
    return "array<" + elementType.catalogString() + ">";
  }

  @Override
  public String sql() {
    return "ARRAY<" + elementType.sql() + ">";
  }

  @Override
  public int defaultSize() {
    return elementType.defaultSize();
  }

  @Override
  public String toString() {
    return "ArrayType(" + elementType + "," + containsNull + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayType a && a.elementType.equals(elementType) && a.containsNull == containsNull;
  }

  @Override
  public int hashCode() {
    return elementType.hashCode() * 31 + (containsNull ? 1 : 0);
  }
}
