package dev.quiver.planner.analysis;

import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructType;

/** Which explicit casts Spark allows under ANSI mode. */
public final class CastRules {
  private CastRules() {}

  public static boolean canCast(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType) {
      return true;
    }
    if (to instanceof StringType) {
      return true;
    }
    if (from instanceof StringType) {
      return TypeCoercion.isAtomic(to);
    }
    boolean fromNum = TypeCoercion.isNumeric(from);
    boolean toNum = TypeCoercion.isNumeric(to);
    if (fromNum && toNum) {
      return true;
    }
    if (from instanceof BooleanType && toNum || fromNum && to instanceof BooleanType) {
      return true;
    }
    if (TypeCoercion.isDatetime(from) && TypeCoercion.isDatetime(to)) {
      return true;
    }
    // Timestamps cast to and from numbers as seconds since the epoch; dates do not under ANSI.
    if (fromNum && !(to instanceof DateType) && TypeCoercion.isDatetime(to)) {
      return true;
    }
    if (TypeCoercion.isDatetime(from) && !(from instanceof DateType) && toNum) {
      return true;
    }
    if (from instanceof BinaryType) {
      return false;
    }
    if (to instanceof BinaryType) {
      return TypeCoercion.isIntegral(from);
    }
    if (from instanceof ArrayType a && to instanceof ArrayType b) {
      return canCast(a.elementType(), b.elementType());
    }
    if (from instanceof MapType a && to instanceof MapType b) {
      return canCast(a.keyType(), b.keyType()) && canCast(a.valueType(), b.valueType());
    }
    if (from instanceof StructType a && to instanceof StructType b && a.length() == b.length()) {
      for (int i = 0; i < a.length(); i++) {
        if (!canCast(a.apply(i).dataType(), b.apply(i).dataType())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
