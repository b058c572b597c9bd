package dev.quiver.sql.types;

/** A fixed-point decimal with at most 38 digits, {@code scale} of them after the point. */
public final class DecimalType extends DataType {
  private static final long serialVersionUID = 1L;

  public static final int MAX_PRECISION = 38;
  public static final int MAX_SCALE = 38;
  /** decimal(38,18): what BigDecimal values become when no type is given. */
  public static final DecimalType SYSTEM_DEFAULT = new DecimalType(MAX_PRECISION, 18);
  /** decimal(10,0): what the bare name {@code decimal} means. */
  public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

  private final int precision;
  private final int scale;

  public DecimalType(int precision, int scale) {
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new IllegalArgumentException("Decimal precision " + precision + " is out of range 1.." + MAX_PRECISION);
    }
    if (scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "Decimal scale " + scale + " must be between 0 and the precision " + precision);
    }
    this.precision = precision;
    this.scale = scale;
  }

  public DecimalType() {
    this(10, 0);
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  @Override
  public String typeName() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public int defaultSize() {
    return precision <= 18 ? 8 : 16;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public String toString() {
    return "DecimalType(" + precision + "," + scale + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecimalType d && d.precision == precision && d.scale == scale;
  }

  @Override
  public int hashCode() {
    return 31 * precision + scale;
  }
}
