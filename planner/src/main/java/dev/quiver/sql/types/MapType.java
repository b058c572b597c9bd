package dev.quiver.sql.types;

/** A map from keys of one type to values of another; keys are never null. */
public final class MapType extends DataType {
  private static final long serialVersionUID = 1L;

  private final DataType keyType;
  private final DataType valueType;
  private final boolean valueContainsNull;

  public MapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    this.keyType = java.util.Objects.requireNonNull(keyType, "keyType");
    this.valueType = java.util.Objects.requireNonNull(valueType, "valueType");
    this.valueContainsNull = valueContainsNull;
  }

  public DataType keyType() {
    return keyType;
  }

  public DataType valueType() {
    return valueType;
  }

  public boolean valueContainsNull() {
    return valueContainsNull;
  }

  @Override
  public String typeName() {
    return "map";
  }

  @Override
  public String simpleString() {
    return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
  }

  @Override
  public String catalogString() {
    return "map<" + keyType.catalogString() + "," + valueType.catalogString() + ">";
  }

  @Override
  public String sql() {
    return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
  }

  @Override
  public int defaultSize() {
    return keyType.defaultSize() + valueType.defaultSize();
  }

  @Override
  public String toString() {
    return "MapType(" + keyType + "," + valueType + "," + valueContainsNull + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapType m && m.keyType.equals(keyType) && m.valueType.equals(valueType)
        && m.valueContainsNull == valueContainsNull;
  }

  @Override
  public int hashCode() {
    return (keyType.hashCode() * 31 + valueType.hashCode()) * 31 + (valueContainsNull ? 1 : 0);
  }
}
