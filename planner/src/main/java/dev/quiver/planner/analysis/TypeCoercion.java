package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.DecimalRules;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import java.util.List;
import java.util.Optional;

/** Spark's (ANSI) rules for finding a common type of two values and for implicit casts. */
public final class TypeCoercion {
  private TypeCoercion() {}

  public static boolean isIntegral(DataType t) {
    return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
  }

  public static boolean isFractional(DataType t) {
    return t instanceof FloatType || t instanceof DoubleType;
  }

  public static boolean isNumeric(DataType t) {
    return isIntegral(t) || isFractional(t) || t instanceof DecimalType;
  }

  public static boolean isDatetime(DataType t) {
    return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
  }

  /** Types whose values are single scalars (not arrays, maps or structs). */
  public static boolean isAtomic(DataType t) {
    return !(t instanceof ArrayType || t instanceof MapType || t instanceof StructType);
  }

  /** Byte < short < int < long < float < double: Spark's numeric precedence. */
  private static int numericRank(DataType t) {
    if (t instanceof ByteType) {
      return 1;
    }
    if (t instanceof ShortType) {
      return 2;
    }
    if (t instanceof IntegerType) {
      return 3;
    }
    if (t instanceof LongType) {
      return 4;
    }
    if (t instanceof FloatType) {
      return 6;
    }
    if (t instanceof DoubleType) {
      return 7;
    }
    return -1;
  }

  /** The narrowest numeric type both sides widen to, decimals included; empty if either is not numeric. */
  public static Optional<DataType> widerNumeric(DataType a, DataType b) {
    if (!isNumeric(a) || !isNumeric(b)) {
      return Optional.empty();
    }
    if (a.equals(b)) {
      return Optional.of(a);
    }
    if (a instanceof DecimalType || b instanceof DecimalType) {
      if (isFractional(a) || isFractional(b)) {
        return Optional.of(DataTypes.DoubleType);
      }
      DecimalType da = a instanceof DecimalType d ? d : DecimalRules.forIntegral(a);
      DecimalType db = b instanceof DecimalType d ? d : DecimalRules.forIntegral(b);
      return Optional.of(widerDecimal(da, db));
    }
    return Optional.of(numericRank(a) >= numericRank(b) ? a : b);
  }

  public static DecimalType widerDecimal(DecimalType a, DecimalType b) {
    int scale = Math.max(a.scale(), b.scale());
    int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
    return DecimalRules.bounded(range + scale, scale);
  }

  /**
   * {@code left op right} with its operands cast as the analyzer casts the operator's (a date plus or minus
   * days becomes date_add/date_sub); an operand of the wrong type is Spark's BINARY_OP_WRONG_TYPE naming
   * {@code shownAs}.
   */
  public static Expression coerceArithmetic(ArithmeticOp op, Expression left, Expression right, Expression shownAs) {
    return ExpressionCoercion.arithmetic(new BinaryArithmetic(op, left, right), shownAs);
  }

  /** Whether a map occurs anywhere in {@code t} (maps have no order, so Spark cannot hash or compare them). */
  public static boolean containsMap(DataType t) {
    if (t instanceof MapType) {
      return true;
    }
    if (t instanceof ArrayType a) {
      return containsMap(a.elementType());
    }
    if (t instanceof StructType s) {
      for (dev.quiver.sql.types.StructField f : s.fields()) {
        if (containsMap(f.dataType())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The common type for values that meet in one column (coalesce, CASE branches, IN lists, union). Nulls
   * take the other side's type; numbers widen; strings absorb other atomic types; dates widen to timestamps.
   */
  public static Optional<DataType> wider(DataType a, DataType b) {
    if (a.equals(b)) {
      return Optional.of(a);
    }
    if (a instanceof NullType) {
      return Optional.of(b);
    }
    if (b instanceof NullType) {
      return Optional.of(a);
    }
    Optional<DataType> numeric = widerNumeric(a, b);
    if (numeric.isPresent()) {
      return numeric;
    }
    if (isDatetime(a) && isDatetime(b)) {
      if (a instanceof TimestampType || b instanceof TimestampType) {
        return Optional.of(DataTypes.TimestampType);
      }
      return Optional.of(DataTypes.TimestampNTZType);
    }
    if ((a instanceof StringType && isAtomic(b) && !(b instanceof BinaryType) && !(b instanceof BooleanType))
        || (b instanceof StringType && isAtomic(a) && !(a instanceof BinaryType) && !(a instanceof BooleanType))) {
      return Optional.of(DataTypes.StringType);
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return wider(x.elementType(), y.elementType())
          .map(e -> new ArrayType(e, x.containsNull() || y.containsNull()));
    }
    if (a instanceof StructType x && b instanceof StructType y && x.length() == y.length()) {
      dev.quiver.sql.types.StructField[] fields = new dev.quiver.sql.types.StructField[x.length()];
      for (int i = 0; i < x.length(); i++) {
        Optional<DataType> w = wider(x.apply(i).dataType(), y.apply(i).dataType());
        if (w.isEmpty()) {
          return Optional.empty();
        }
        fields[i] = new dev.quiver.sql.types.StructField(x.apply(i).name(), w.get(),
            x.apply(i).nullable() || y.apply(i).nullable());
      }
      return Optional.of(new StructType(fields));
    }
    return Optional.empty();
  }

  public static Optional<DataType> wider(List<DataType> types) {
    Optional<DataType> acc = Optional.of(DataTypes.NullType);
    for (DataType t : types) {
      acc = acc.flatMap(a -> wider(a, t));
      if (acc.isEmpty()) {
        return acc;
      }
    }
    return acc;
  }

  /**
   * The type both sides of a comparison are cast to. Unlike {@link #wider}, a string compared with a
   * number, date or timestamp is cast to that type (an ANSI cast: malformed strings raise).
   */
  public static Optional<DataType> comparisonType(DataType a, DataType b) {
    if (a instanceof StringType && isAtomic(b) && !(b instanceof StringType) && !(b instanceof NullType)) {
      return Optional.of(b instanceof DecimalType ? DataTypes.DoubleType : b);
    }
    if (b instanceof StringType && isAtomic(a) && !(a instanceof StringType) && !(a instanceof NullType)) {
      return Optional.of(a instanceof DecimalType ? DataTypes.DoubleType : a);
    }
    return wider(a, b);
  }

  /** Whether the analyzer may insert a cast from {@code from} to {@code to} on its own. */
  public static boolean canImplicitCast(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType) {
      return true;
    }
    if (isNumeric(from) && isNumeric(to)) {
      return widerNumeric(from, to).map(w -> w.equals(to) || isFractional(to)).orElse(false)
          || to instanceof DecimalType;
    }
    if (to instanceof StringType) {
      return isAtomic(from) && !(from instanceof BinaryType);
    }
    if (from instanceof StringType) {
      return isNumeric(to) || isDatetime(to) || to instanceof BooleanType || to instanceof BinaryType;
    }
    if (from instanceof DateType && (to instanceof TimestampType || to instanceof TimestampNTZType)) {
      return true;
    }
    if ((from instanceof TimestampType || from instanceof TimestampNTZType) && to instanceof DateType) {
      return true;
    }
    return false;
  }
}
