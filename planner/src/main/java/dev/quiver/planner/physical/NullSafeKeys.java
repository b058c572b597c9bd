package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;

/** The value a null-safe join key stands in for null with (paired with an isnull key, so no false matches). */
final class NullSafeKeys {
  private NullSafeKeys() {}

  /** A non-null value of {@code t}, or null for types (nested ones) that cannot be hash-join keys this way. */
  static Literal defaultValue(DataType t) {
    if (t instanceof IntegerType || t instanceof DateType) {
      return new Literal(0, t);
    }
    if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
      return new Literal(0L, t);
    }
    if (t instanceof DoubleType) {
      return new Literal(0.0, t);
    }
    if (t instanceof FloatType) {
      return new Literal(0.0f, t);
    }
    if (t instanceof ShortType) {
      return new Literal((short) 0, t);
    }
    if (t instanceof ByteType) {
      return new Literal((byte) 0, t);
    }
    if (t instanceof StringType) {
      return new Literal("", t);
    }
    if (t instanceof BooleanType) {
      return Literal.FALSE;
    }
    if (t instanceof BinaryType) {
      return new Literal(new byte[0], t);
    }
    if (t instanceof DecimalType d) {
      return new Literal(java.math.BigDecimal.ZERO.setScale(d.scale()), t);
    }
    return null;
  }
}
