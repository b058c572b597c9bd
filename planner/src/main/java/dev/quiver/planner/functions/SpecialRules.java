package dev.quiver.planner.functions;

import dev.quiver.planner.analysis.CastRules;
import dev.quiver.planner.analysis.TypeCoercion;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Argument checks and result types that look at several arguments at once: the operands of the try_*
 * arithmetic functions (coerced together, as Spark's Add/Subtract/Multiply/Divide in TRY mode), try_cast's
 * target type, hash inputs, struct field names and random seeds.
 */
final class SpecialRules {
  /** Parsed try_cast targets by their SQL text (the target travels in the plan as a string literal). */
  private static final Map<String, DataType> TYPES = new ConcurrentHashMap<>();

  private SpecialRules() {}

  // ------------------------------------------------------------------ try_add / try_subtract / ...

  /**
   * Both operands cast exactly as the analyzer casts the operator's (Spark's try_add is Add in TRY mode):
   * strings become bigint next to integers and double otherwise, division is double unless it involves
   * decimals and no floating point, a date plus or minus days stays a date; wrong types fail as the operator
   * does, naming the try_ call.
   */
  static List<Expression> arithmetic(ArithmeticOp op, Builtin self, List<Expression> args) {
    Expression coerced = TypeCoercion.coerceArithmetic(op, args.get(0), args.get(1),
        new ScalarFunction(self.name(), args));
    if (coerced instanceof BinaryArithmetic b) {
      return List.of(b.left(), b.right());
    }
    // date_add(date, days) / date_sub(date, days): back in the order of the call.
    List<Expression> moved = coerced.children();
    return args.get(0).dataType() instanceof DateType ? moved : List.of(moved.get(1), moved.get(0));
  }

  /** The result type of the coerced operands: that of the operator (a date moved by days stays a date). */
  static DataType arithmeticType(ArithmeticOp op, List<Expression> args) {
    if (args.get(0).dataType() instanceof DateType || args.get(1).dataType() instanceof DateType) {
      return DataTypes.DateType;
    }
    return new BinaryArithmetic(op, args.get(0), args.get(1)).dataType();
  }

  // ------------------------------------------------------------------ try_cast

  /** The SQL text try_cast carries for {@code type} (parsed back by {@link #castTarget}). */
  static String typeText(DataType type) {
    return type.sql();
  }

  /** The target type of a try_cast call: its second argument, a string literal holding the type's SQL text. */
  static DataType castTarget(List<Expression> args) {
    if (args.size() != 2 || !(args.get(1) instanceof Literal l) || !(l.value() instanceof String text)) {
      throw new AnalysisException("try_cast needs a value and a target type: try_cast(x AS INT).");
    }
    return TYPES.computeIfAbsent(text.toUpperCase(Locale.ROOT), t -> {
      try {
        return DataType.fromDDL(t);
      } catch (IllegalArgumentException e) {
        if (e.getCause() instanceof AnalysisException a) {
          throw a;
        }
        throw e;
      }
    });
  }

  /** try_cast accepts the pairs CAST accepts; other pairs fail analysis as Spark's cast does. */
  static List<Expression> tryCast(Builtin self, List<Expression> args) {
    DataType to = castTarget(args);
    DataType from = args.get(0).dataType();
    if (!CastRules.canCast(from, to)) {
      throw new AnalysisException("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", "Cannot resolve \"TRY_CAST("
          + ExpressionPrinter.sql(args.get(0)) + " AS " + to.sql() + ")\" due to data type mismatch: cannot cast \""
          + from.sql() + "\" to \"" + to.sql() + "\".", "42K09");
    }
    return args;
  }

  /** Spark's Cast.sql: {@code TRY_CAST(x AS INT)}; casts to nested types are named by their input alone. */
  static String tryCastSql(List<String> args) {
    String type = args.get(1);
    if (type.startsWith("ARRAY<") || type.startsWith("MAP<") || type.startsWith("STRUCT<")) {
      return args.get(0);
    }
    return "TRY_CAST(" + args.get(0) + " AS " + type + ")";
  }

  // ------------------------------------------------------------------ hash / xxhash64

  /** Spark refuses to hash maps (their entries have no order). */
  static List<Expression> hashable(Builtin self, List<Expression> args) {
    for (Expression a : args) {
      if (TypeCoercion.containsMap(a.dataType())) {
        throw self.dataTypeMismatch(args, "HASH_MAP_TYPE", "Input to the function `" + self.name()
            + "` cannot contain elements of the \"MAP\" type. In Spark, same maps may have different hashcode, "
            + "thus hash expressions are prohibited on \"MAP\" elements. To restore previous behavior set "
            + "\"spark.sql.legacy.allowHashOnMapType\" to \"true\".");
      }
    }
    return args;
  }

  // ------------------------------------------------------------------ struct / named_struct

  /** named_struct's arguments are (name, value) pairs whose names are constant strings. */
  static List<Expression> structPairs(Builtin self, List<Expression> args) {
    if (args.size() % 2 != 0) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `" + self.name() + "` requires 2n "
          + "(n > 0) parameters but the actual number is " + args.size() + ".", "42605");
    }
    for (int i = 0; i < args.size(); i += 2) {
      if (!(args.get(i) instanceof Literal l) || !(l.value() instanceof String)) {
        throw self.dataTypeMismatch(args, "CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING", "Only foldable \"STRING\" "
            + "expressions are allowed to appear at odd position, but they are [" + ExpressionPrinter.sql(args.get(i))
            + "].");
      }
    }
    return args;
  }

  /** The struct type of (name, value) pairs. */
  static DataType structType(List<Expression> args) {
    StructType t = new StructType();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      Object name = args.get(i) instanceof Literal l ? l.value() : null;
      Expression v = args.get(i + 1);
      t = t.add(String.valueOf(name), v.dataType(), v.nullable());
    }
    return t;
  }

  /** struct(a, b) is named by its values only, as Spark's CreateNamedStruct called through {@code struct}. */
  static String structSql(List<String> args) {
    StringBuilder sb = new StringBuilder("struct(");
    for (int i = 1; i < args.size(); i += 2) {
      if (i > 1) {
        sb.append(", ");
      }
      sb.append(args.get(i));
    }
    return sb.append(')').toString();
  }

  // ------------------------------------------------------------------ element_at / try_element_at

  /** An array is indexed by an int; a map by a key of its key type. */
  static List<Expression> elementAt(Builtin self, List<Expression> args) {
    Expression container = args.get(0);
    Expression key = args.get(1);
    DataType want = container.dataType() instanceof MapType m ? m.keyType() : DataTypes.IntegerType;
    if (key.dataType().equals(want)) {
      return args;
    }
    boolean castable = key.dataType() instanceof NullType || (container.dataType() instanceof MapType
        ? TypeCoercion.wider(key.dataType(), want).filter(want::equals).isPresent()
        : TypeCoercion.isIntegral(key.dataType()) || key.dataType() instanceof StringType);
    if (!castable) {
      throw self.mismatch(args, 1, want.sql());
    }
    return List.of(container, Cast.implicit(key, want));
  }

  /** The element type of the array, or the value type of the map. */
  static DataType elementType(List<Expression> args) {
    DataType t = args.get(0).dataType();
    return t instanceof MapType m ? m.valueType() : ((ArrayType) t).elementType();
  }

  // ------------------------------------------------------------------ rand / randn

  /** The seed of rand/randn must be a constant. */
  static List<Expression> constantSeed(Builtin self, List<Expression> args) {
    if (!args.isEmpty() && !args.get(0).foldable()) {
      throw self.dataTypeMismatch(args, "NON_FOLDABLE_INPUT", "the input `seed` should be a foldable \"INT\" or "
          + "\"BIGINT\" expression; however, got \"" + ExpressionPrinter.sql(args.get(0)) + "\".");
    }
    return args;
  }

  /** {@code rand(42)}; a seed chosen by Quiver (the second argument marks it) is hidden: {@code rand()}. */
  static String seededSql(String name, List<String> args) {
    return args.size() > 1 ? name + "()" : name + "(" + args.get(0) + ")";
  }
}
