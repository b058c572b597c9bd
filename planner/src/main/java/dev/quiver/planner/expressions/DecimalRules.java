package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;

/** Spark's result precision and scale for decimal arithmetic, with precision loss allowed (the default). */
public final class DecimalRules {
  private DecimalRules() {}

  public static final int MINIMUM_ADJUSTED_SCALE = 6;

  public static DecimalType resultType(ArithmeticOp op, DecimalType a, DecimalType b) {
    int p1 = a.precision();
    int s1 = a.scale();
    int p2 = b.precision();
    int s2 = b.scale();
    switch (op) {
      case ADD:
      case SUBTRACT: {
        int scale = Math.max(s1, s2);
        return bounded(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
      }
      case MULTIPLY:
        return bounded(p1 + p2 + 1, s1 + s2);
      case DIVIDE: {
        int scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
        return bounded(p1 - s1 + s2 + scale, scale);
      }
      case REMAINDER: {
        int scale = Math.max(s1, s2);
        return bounded(Math.min(p1 - s1, p2 - s2) + scale, scale);
      }
      default:
        throw new IllegalArgumentException("No decimal result type for " + op);
    }
  }

  /** Fits (precision, scale) into 38 digits, giving up scale but keeping at least 6 fractional digits. */
  public static DecimalType bounded(int precision, int scale) {
    if (precision <= DecimalType.MAX_PRECISION) {
      return new DecimalType(Math.max(precision, 1), scale);
    }
    int intDigits = precision - scale;
    int minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
    int adjustedScale = Math.max(DecimalType.MAX_PRECISION - intDigits, minScale);
    return new DecimalType(DecimalType.MAX_PRECISION, adjustedScale);
  }

  /** The decimal type that holds every value of an integral type exactly (int is decimal(10,0)). */
  public static DecimalType forIntegral(DataType t) {
    if (t.equals(DataTypes.ByteType)) {
      return new DecimalType(3, 0);
    }
    if (t.equals(DataTypes.ShortType)) {
      return new DecimalType(5, 0);
    }
    if (t.equals(DataTypes.IntegerType)) {
      return new DecimalType(10, 0);
    }
    if (t.equals(DataTypes.LongType)) {
      return new DecimalType(20, 0);
    }
    throw new IllegalArgumentException("Not an integral type: " + t.simpleString());
  }
}
