package dev.quiver.planner.expressions;

import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;

/** The built-in aggregate functions and their result types, as Spark types them. */
public enum AggregateFunction {
  COUNT("count"),
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max"),
  FIRST("first"),
  LAST("last"),
  STDDEV_SAMP("stddev"),
  VAR_SAMP("variance");

  private final String prettyName;

  AggregateFunction(String prettyName) {
    this.prettyName = prettyName;
  }

  public String prettyName() {
    return prettyName;
  }

  public DataType resultType(DataType input) {
    switch (this) {
      case COUNT:
        return DataTypes.LongType;
      case SUM:
        if (input instanceof DecimalType d) {
          return new DecimalType(Math.min(DecimalType.MAX_PRECISION, d.precision() + 10), d.scale());
        }
        if (input.equals(DataTypes.FloatType) || input.equals(DataTypes.DoubleType)) {
          return DataTypes.DoubleType;
        }
        return DataTypes.LongType;
      case AVG:
        if (input instanceof DecimalType d) {
          return new DecimalType(Math.min(DecimalType.MAX_PRECISION, d.precision() + 4),
              Math.min(DecimalType.MAX_SCALE, d.scale() + 4));
        }
        return DataTypes.DoubleType;
      case STDDEV_SAMP:
      case VAR_SAMP:
        return DataTypes.DoubleType;
      default:
        return input;
    }
  }

  /** Whether the input must be numeric (after implicit casts). */
  public boolean needsNumericInput() {
    return this == SUM || this == AVG || this == STDDEV_SAMP || this == VAR_SAMP;
  }
}
