package dev.quiver.planner.functions;

import dev.quiver.planner.analysis.TypeCoercion;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;

/**
 * What one argument position of a function accepts, and the implicit cast that brings an acceptable
 * argument to the type the kernel expects. Returns null when the argument cannot be accepted.
 */
@FunctionalInterface
public interface ArgumentRule {
  Expression coerce(Expression arg);

  /** The type name used in the mismatch message ("STRING", "NUMERIC"). */
  default String expected() {
    return "ANY";
  }

  static ArgumentRule named(String expected, ArgumentRule rule) {
    return new ArgumentRule() {
      @Override
      public Expression coerce(Expression arg) {
        return rule.coerce(arg);
      }

      @Override
      public String expected() {
        return expected;
      }
    };
  }

  ArgumentRule ANY = named("ANY", arg -> arg);

  /** Any atomic value becomes a string (numbers, dates, booleans print as Spark casts them). */
  ArgumentRule STRING = named("STRING", arg -> {
    DataType t = arg.dataType();
    if (t instanceof StringType) {
      return arg;
    }
    return TypeCoercion.isAtomic(t) && !(t instanceof BinaryType) ? Cast.implicit(arg, DataTypes.StringType) : null;
  });

  ArgumentRule STRING_OR_BINARY = named("STRING or BINARY", arg -> {
    DataType t = arg.dataType();
    if (t instanceof StringType || t instanceof BinaryType) {
      return arg;
    }
    return STRING.coerce(arg);
  });

  /** Integral values (and numeric strings) become int. */
  ArgumentRule INT = named("INT", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isIntegral(t) || t instanceof NullType || t instanceof StringType) {
      return Cast.implicit(arg, DataTypes.IntegerType);
    }
    return null;
  });

  ArgumentRule LONG = named("BIGINT", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isIntegral(t) || t instanceof NullType || t instanceof StringType) {
      return Cast.implicit(arg, DataTypes.LongType);
    }
    return null;
  });

  ArgumentRule DOUBLE = named("DOUBLE", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isNumeric(t) || t instanceof NullType || t instanceof StringType) {
      return Cast.implicit(arg, DataTypes.DoubleType);
    }
    return null;
  });

  /** Numbers keep their type; strings and nulls become double. */
  ArgumentRule NUMERIC = named("NUMERIC", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isNumeric(t)) {
      return arg;
    }
    if (t instanceof NullType || t instanceof StringType) {
      return Cast.implicit(arg, DataTypes.DoubleType);
    }
    return null;
  });

  ArgumentRule BOOLEAN = named("BOOLEAN", arg -> {
    DataType t = arg.dataType();
    if (t instanceof BooleanType) {
      return arg;
    }
    return t instanceof NullType ? Cast.implicit(arg, DataTypes.BooleanType) : null;
  });

  /** Dates stay; timestamps and strings become dates. */
  ArgumentRule DATE = named("DATE", arg -> {
    DataType t = arg.dataType();
    if (t instanceof DateType) {
      return arg;
    }
    if (t instanceof TimestampType || t instanceof TimestampNTZType || t instanceof StringType
        || t instanceof NullType) {
      return Cast.implicit(arg, DataTypes.DateType);
    }
    return null;
  });

  /** Timestamps stay; dates and strings become timestamps. */
  ArgumentRule TIMESTAMP = named("TIMESTAMP", arg -> {
    DataType t = arg.dataType();
    if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      return arg;
    }
    if (t instanceof DateType || t instanceof StringType || t instanceof NullType) {
      return Cast.implicit(arg, DataTypes.TimestampType);
    }
    return null;
  });

  ArgumentRule ARRAY_OR_MAP = named("ARRAY or MAP", arg -> {
    DataType t = arg.dataType();
    return t instanceof ArrayType || t instanceof MapType ? arg : null;
  });

  ArgumentRule ARRAY = named("ARRAY", arg -> arg.dataType() instanceof ArrayType ? arg : null);

  ArgumentRule FLOATING = named("DOUBLE or FLOAT", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isFractional(t)) {
      return arg;
    }
    if (TypeCoercion.isNumeric(t) || t instanceof NullType || t instanceof StringType) {
      return Cast.implicit(arg, DataTypes.DoubleType);
    }
    return null;
  });

  /** Binary stays; strings and NULL become binary (their UTF-8 bytes), as Spark's implicit cast does. */
  ArgumentRule BINARY = named("BINARY", arg -> {
    DataType t = arg.dataType();
    if (t instanceof BinaryType) {
      return arg;
    }
    return t instanceof StringType || t instanceof NullType ? Cast.implicit(arg, DataTypes.BinaryType) : null;
  });

  /** hex's input: integral values become bigint; strings and binary stay; other atomic values print as strings. */
  ArgumentRule HEX_INPUT = named("BIGINT or BINARY or STRING", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isIntegral(t) || t instanceof NullType) {
      return Cast.implicit(arg, DataTypes.LongType);
    }
    return STRING_OR_BINARY.coerce(arg);
  });

  /** Timestamps with the session time zone: timestamp_ntz, dates and strings are cast to TIMESTAMP. */
  ArgumentRule TIMESTAMP_LTZ = named("TIMESTAMP", arg -> {
    DataType t = arg.dataType();
    if (t instanceof TimestampType) {
      return arg;
    }
    if (t instanceof TimestampNTZType || t instanceof DateType || t instanceof StringType || t instanceof NullType) {
      return Cast.implicit(arg, DataTypes.TimestampType);
    }
    return null;
  });

  /** unix_timestamp's time: strings (parsed with the format), dates and timestamps stay as they are. */
  ArgumentRule DATETIME_OR_STRING = named("STRING or DATE or TIMESTAMP or TIMESTAMP_NTZ", arg -> {
    DataType t = arg.dataType();
    if (t instanceof StringType || t instanceof DateType || t instanceof TimestampType
        || t instanceof TimestampNTZType) {
      return arg;
    }
    return t instanceof NullType ? Cast.implicit(arg, DataTypes.StringType) : null;
  });

  /** format_number's second argument: a count of decimal places (int) or a DecimalFormat pattern (string). */
  ArgumentRule INT_OR_STRING = named("INT or STRING", arg -> {
    DataType t = arg.dataType();
    if (t instanceof StringType) {
      return arg;
    }
    if (TypeCoercion.isIntegral(t) || t instanceof NullType) {
      return Cast.implicit(arg, DataTypes.IntegerType);
    }
    return null;
  });

  /** A random seed: an integral value (or NULL, meaning 0), as bigint. Foldability is checked by the function. */
  ArgumentRule SEED = named("INT or BIGINT", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isIntegral(t) || t instanceof NullType) {
      return Cast.implicit(arg, DataTypes.LongType);
    }
    return null;
  });

  /** Keeps decimals and integral types; anything else numeric becomes double. */
  ArgumentRule EXACT_OR_DOUBLE = named("NUMERIC", arg -> {
    DataType t = arg.dataType();
    if (TypeCoercion.isIntegral(t) || t instanceof DecimalType) {
      return arg;
    }
    return DOUBLE.coerce(arg);
  });
}
