package dev.quiver.planner.functions;

import static dev.quiver.planner.functions.ArgumentRule.ANY;
import static dev.quiver.planner.functions.ArgumentRule.ARRAY;
import static dev.quiver.planner.functions.ArgumentRule.ARRAY_OR_MAP;
import static dev.quiver.planner.functions.ArgumentRule.BINARY;
import static dev.quiver.planner.functions.ArgumentRule.BOOLEAN;
import static dev.quiver.planner.functions.ArgumentRule.DATE;
import static dev.quiver.planner.functions.ArgumentRule.DOUBLE;
import static dev.quiver.planner.functions.ArgumentRule.EXACT_OR_DOUBLE;
import static dev.quiver.planner.functions.ArgumentRule.DATETIME_OR_STRING;
import static dev.quiver.planner.functions.ArgumentRule.FLOATING;
import static dev.quiver.planner.functions.ArgumentRule.HEX_INPUT;
import static dev.quiver.planner.functions.ArgumentRule.INT;
import static dev.quiver.planner.functions.ArgumentRule.INT_OR_STRING;
import static dev.quiver.planner.functions.ArgumentRule.LONG;
import static dev.quiver.planner.functions.ArgumentRule.NUMERIC;
import static dev.quiver.planner.functions.ArgumentRule.SEED;
import static dev.quiver.planner.functions.ArgumentRule.STRING;
import static dev.quiver.planner.functions.ArgumentRule.STRING_OR_BINARY;
import static dev.quiver.planner.functions.ArgumentRule.TIMESTAMP;
import static dev.quiver.planner.functions.ArgumentRule.TIMESTAMP_LTZ;
import static dev.quiver.planner.functions.Builtin.fn;

import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every built-in scalar function the planner knows, by name. The executor's kernel registry must cover
 * exactly these names (a test checks it). Arities are exact: the API fills Spark's default arguments
 * (e.g. {@code round(x)} is {@code round(x, 0)}) so that generated names match Spark's.
 */
public final class FunctionRegistry {
  private static final Map<String, ScalarFunctionSpec> SCALARS = new TreeMap<>();

  private FunctionRegistry() {}

  private static void register(Builtin spec) {
    SCALARS.put(spec.name(), spec);
  }

  /** The spec for {@code name}; an AnalysisException naming similar functions if there is none. */
  public static ScalarFunctionSpec scalar(String name) {
    ScalarFunctionSpec spec = SCALARS.get(name.toLowerCase(Locale.ROOT));
    if (spec == null) {
      throw new AnalysisException("UNRESOLVED_ROUTINE",
          "Cannot resolve routine `" + name + "` on search path [`system`.`builtin`].", "42883");
    }
    return spec;
  }

  public static boolean isScalar(String name) {
    return SCALARS.containsKey(name.toLowerCase(Locale.ROOT));
  }

  public static Set<String> scalarNames() {
    return Collections.unmodifiableSet(SCALARS.keySet());
  }

  private static DataType roundType(List<Expression> args) {
    DataType t = args.get(0).dataType();
    if (t instanceof DecimalType d && args.size() > 1
        && args.get(1) instanceof dev.quiver.planner.expressions.Literal l && l.value() instanceof Integer scale) {
      int integerDigits = d.precision() - d.scale() + 1;
      if (scale < 0) {
        return new DecimalType(Math.min(integerDigits, DecimalType.MAX_PRECISION), 0);
      }
      int newScale = Math.min(d.scale(), scale);
      return new DecimalType(Math.min(integerDigits + newScale, DecimalType.MAX_PRECISION), newScale);
    }
    return t;
  }

  private static DataType floorCeilType(List<Expression> args) {
    DataType t = args.get(0).dataType();
    if (t instanceof DecimalType d) {
      return new DecimalType(Math.min(d.precision() - d.scale() + 1, DecimalType.MAX_PRECISION), 0);
    }
    return DataTypes.LongType;
  }

  private static Builtin tryArithmetic(String name, ArithmeticOp op) {
    return fn(name).args(ANY, ANY).then((self, args) -> SpecialRules.arithmetic(op, self, args))
        .returns(args -> SpecialRules.arithmeticType(op, args)).nullable(args -> true);
  }

  /** array(a, b): an array of the arguments' common type that may hold nulls if any argument may be null. */
  private static DataType arrayType(List<Expression> args) {
    boolean containsNull = false;
    for (Expression a : args) {
      containsNull |= a.nullable();
    }
    return new ArrayType(args.isEmpty() ? DataTypes.NullType : args.get(0).dataType(), containsNull);
  }

  static {
    // ---- strings
    register(fn("upper").args(STRING).returns(DataTypes.StringType));
    register(fn("lower").args(STRING).returns(DataTypes.StringType));
    register(fn("initcap").args(STRING).returns(DataTypes.StringType));
    register(fn("trim").args(STRING).returns(DataTypes.StringType));
    register(fn("ltrim").args(STRING).returns(DataTypes.StringType));
    register(fn("rtrim").args(STRING).returns(DataTypes.StringType));
    register(fn("reverse").args(STRING).returns(DataTypes.StringType));
    register(fn("length").args(STRING_OR_BINARY).returns(DataTypes.IntegerType));
    register(fn("concat").varargs(STRING, 0).returns(DataTypes.StringType));
    register(fn("concat_ws").args(STRING).varargs(ANY, 0).returns(DataTypes.StringType)
        .nullable(args -> args.get(0).nullable()));
    register(fn("substring").args(STRING, INT, INT).returns(DataTypes.StringType));
    register(fn("regexp_replace").args(STRING, STRING, STRING, INT).returns(DataTypes.StringType));
    register(fn("regexp_extract").args(STRING, STRING, INT).returns(DataTypes.StringType));
    register(fn("split").args(STRING, STRING, INT).returns(new ArrayType(DataTypes.StringType, false)));
    register(fn("lpad").args(STRING, INT, STRING).returns(DataTypes.StringType));
    register(fn("rpad").args(STRING, INT, STRING).returns(DataTypes.StringType));
    register(fn("instr").args(STRING, STRING).returns(DataTypes.IntegerType));
    register(fn("locate").args(STRING, STRING, INT).returns(DataTypes.IntegerType));
    register(fn("repeat").args(STRING, INT).returns(DataTypes.StringType));
    register(fn("startswith").args(STRING, STRING).returns(DataTypes.BooleanType));
    register(fn("endswith").args(STRING, STRING).returns(DataTypes.BooleanType));
    register(fn("contains").args(STRING, STRING).returns(DataTypes.BooleanType));
    register(fn("like").args(STRING, STRING).returns(DataTypes.BooleanType)
        .sql(a -> a.get(0) + " LIKE " + a.get(1)));
    register(fn("rlike").args(STRING, STRING).returns(DataTypes.BooleanType).pretty("RLIKE"));

    // ---- math
    register(fn("abs").args(NUMERIC).returns(args -> args.get(0).dataType()));
    register(fn("round").args(NUMERIC, INT).returns(FunctionRegistry::roundType));
    register(fn("bround").args(NUMERIC, INT).returns(FunctionRegistry::roundType));
    register(fn("floor").args(EXACT_OR_DOUBLE).returns(FunctionRegistry::floorCeilType).pretty("FLOOR"));
    register(fn("ceil").args(EXACT_OR_DOUBLE).returns(FunctionRegistry::floorCeilType).pretty("CEIL"));
    register(fn("sqrt").args(DOUBLE).returns(DataTypes.DoubleType).pretty("SQRT"));
    register(fn("cbrt").args(DOUBLE).returns(DataTypes.DoubleType).pretty("CBRT"));
    register(fn("exp").args(DOUBLE).returns(DataTypes.DoubleType).pretty("EXP"));
    register(fn("ln").args(DOUBLE).returns(DataTypes.DoubleType));
    register(fn("log10").args(DOUBLE).returns(DataTypes.DoubleType).pretty("LOG10"));
    register(fn("log2").args(DOUBLE).returns(DataTypes.DoubleType).pretty("LOG2"));
    register(fn("pow").args(DOUBLE, DOUBLE).returns(DataTypes.DoubleType).pretty("POWER"));
    register(fn("signum").args(DOUBLE).returns(DataTypes.DoubleType).pretty("SIGNUM"));
    register(fn("isnan").args(FLOATING).returns(DataTypes.BooleanType).neverNull());
    register(fn("nanvl").args(FLOATING, FLOATING).commonType());
    register(fn("greatest").varargs(ANY, 2).commonType().nullable(args -> {
      for (Expression a : args) {
        if (!a.nullable()) {
          return false;
        }
      }
      return true;
    }));
    register(fn("least").varargs(ANY, 2).commonType().nullable(args -> {
      for (Expression a : args) {
        if (!a.nullable()) {
          return false;
        }
      }
      return true;
    }));

    // ---- nulls and types
    register(fn("coalesce").varargs(ANY, 1).commonType().nullable(args -> {
      for (Expression a : args) {
        if (!a.nullable()) {
          return false;
        }
      }
      return true;
    }));
    register(fn("nvl").args(ANY, ANY).commonType().nullable(args -> args.get(0).nullable() && args.get(1).nullable()));
    register(fn("nullif").args(ANY, ANY).commonType().nullable(args -> true));
    register(fn("typeof").args(ANY).returns(DataTypes.StringType).neverNull());

    // ---- dates and times
    register(fn("year").args(DATE).returns(DataTypes.IntegerType));
    register(fn("quarter").args(DATE).returns(DataTypes.IntegerType));
    register(fn("month").args(DATE).returns(DataTypes.IntegerType));
    register(fn("dayofmonth").args(DATE).returns(DataTypes.IntegerType));
    register(fn("dayofweek").args(DATE).returns(DataTypes.IntegerType));
    register(fn("dayofyear").args(DATE).returns(DataTypes.IntegerType));
    register(fn("weekofyear").args(DATE).returns(DataTypes.IntegerType));
    register(fn("hour").args(TIMESTAMP).returns(DataTypes.IntegerType));
    register(fn("minute").args(TIMESTAMP).returns(DataTypes.IntegerType));
    register(fn("second").args(TIMESTAMP).returns(DataTypes.IntegerType));
    register(fn("to_date").args(ANY).returns(DataTypes.DateType));
    register(fn("to_date_format").args(STRING, STRING).returns(DataTypes.DateType)
        .sql(a -> "to_date(" + String.join(", ", a) + ")"));
    register(fn("to_timestamp").args(ANY).returns(DataTypes.TimestampType));
    register(fn("to_timestamp_format").args(STRING, STRING).returns(DataTypes.TimestampType)
        .sql(a -> "to_timestamp(" + String.join(", ", a) + ")"));
    register(fn("date_format").args(TIMESTAMP, STRING).returns(DataTypes.StringType));
    register(fn("date_add").args(DATE, INT).returns(DataTypes.DateType));
    register(fn("date_sub").args(DATE, INT).returns(DataTypes.DateType));
    register(fn("datediff").args(DATE, DATE).returns(DataTypes.IntegerType));
    register(fn("add_months").args(DATE, INT).returns(DataTypes.DateType));
    register(fn("last_day").args(DATE).returns(DataTypes.DateType));
    register(fn("months_between").args(TIMESTAMP, TIMESTAMP).returns(DataTypes.DoubleType));
    register(fn("current_date").returns(DataTypes.DateType).neverNull().fixedPerQuery());
    register(fn("current_timestamp").returns(DataTypes.TimestampType).neverNull().fixedPerQuery());

    // ---- collections
    register(fn("size").args(ARRAY_OR_MAP).returns(DataTypes.IntegerType));
    register(fn("array_contains").args(ARRAY, ANY).returns(DataTypes.BooleanType));

    // ---- null instead of ANSI errors
    register(tryArithmetic("try_add", ArithmeticOp.ADD));
    register(tryArithmetic("try_subtract", ArithmeticOp.SUBTRACT));
    register(tryArithmetic("try_multiply", ArithmeticOp.MULTIPLY));
    register(tryArithmetic("try_divide", ArithmeticOp.DIVIDE));
    register(tryArithmetic("try_mod", ArithmeticOp.REMAINDER));
    // try_cast(x AS t) is try_cast(x, 't'): the target's SQL text is a string literal (see SpecialRules).
    register(fn("try_cast").args(ANY, STRING).then(SpecialRules::tryCast).returns(SpecialRules::castTarget)
        .nullable(args -> true).sql(SpecialRules::tryCastSql));

    // ---- hashes and encodings
    register(fn("md5").args(BINARY).returns(DataTypes.StringType));
    register(fn("sha1").args(BINARY).returns(DataTypes.StringType));
    register(fn("sha").args(BINARY).returns(DataTypes.StringType));
    register(fn("sha2").args(BINARY, INT).returns(DataTypes.StringType).nullable(args -> true));
    register(fn("crc32").args(BINARY).returns(DataTypes.LongType));
    register(fn("hash").varargs(ANY, 1).then(SpecialRules::hashable).returns(DataTypes.IntegerType).neverNull());
    register(fn("xxhash64").varargs(ANY, 1).then(SpecialRules::hashable).returns(DataTypes.LongType).neverNull());
    register(fn("base64").args(BINARY).returns(DataTypes.StringType));
    register(fn("unbase64").args(STRING).returns(DataTypes.BinaryType));
    register(fn("hex").args(HEX_INPUT).returns(DataTypes.StringType));
    register(fn("unhex").args(STRING).returns(DataTypes.BinaryType).nullable(args -> true));
    register(fn("ascii").args(STRING).returns(DataTypes.IntegerType));
    register(fn("chr").args(LONG).returns(DataTypes.StringType));
    register(fn("char").args(LONG).returns(DataTypes.StringType));
    // levenshtein(a, b[, threshold]): -1 when the distance exceeds the threshold.
    register(fn("levenshtein").args(STRING, STRING, INT).optionalFrom(2).returns(DataTypes.IntegerType));

    // ---- more strings
    register(fn("format_number").args(NUMERIC, INT_OR_STRING).returns(DataTypes.StringType).nullable(args -> true));
    register(fn("format_string").args(STRING).varargs(ANY, 0).returns(DataTypes.StringType)
        .nullable(args -> args.get(0).nullable()));
    register(fn("printf").args(STRING).varargs(ANY, 0).returns(DataTypes.StringType)
        .nullable(args -> args.get(0).nullable()));
    register(fn("substring_index").args(STRING, STRING, INT).returns(DataTypes.StringType));
    register(fn("translate").args(STRING, STRING, STRING).returns(DataTypes.StringType));
    // trim(str, chars) and its one-sided forms; SQL's trim(chars, str) and TRIM(BOTH chars FROM str) land here.
    register(fn("trim_chars").args(STRING, STRING).returns(DataTypes.StringType)
        .sql(a -> "TRIM(BOTH " + a.get(1) + " FROM " + a.get(0) + ")"));
    register(fn("ltrim_chars").args(STRING, STRING).returns(DataTypes.StringType)
        .sql(a -> "TRIM(LEADING " + a.get(1) + " FROM " + a.get(0) + ")"));
    register(fn("rtrim_chars").args(STRING, STRING).returns(DataTypes.StringType)
        .sql(a -> "TRIM(TRAILING " + a.get(1) + " FROM " + a.get(0) + ")"));
    register(fn("btrim").args(STRING, STRING).optionalFrom(1).returns(DataTypes.StringType));
    register(fn("left").args(STRING, INT).returns(DataTypes.StringType));
    register(fn("right").args(STRING, INT).returns(DataTypes.StringType));

    // ---- more dates and times
    register(fn("unix_timestamp").args(DATETIME_OR_STRING, STRING).returns(DataTypes.LongType)
        .nullable(args -> true));
    register(fn("to_unix_timestamp").args(DATETIME_OR_STRING, STRING).returns(DataTypes.LongType)
        .nullable(args -> true));
    register(fn("from_unixtime").args(LONG, STRING).returns(DataTypes.StringType));
    register(fn("date_trunc").args(STRING, TIMESTAMP_LTZ).returns(DataTypes.TimestampType).nullable(args -> true));
    register(fn("trunc").args(DATE, STRING).returns(DataTypes.DateType).nullable(args -> true));
    register(fn("next_day").args(DATE, STRING).returns(DataTypes.DateType));
    register(fn("to_utc_timestamp").args(TIMESTAMP_LTZ, STRING).returns(DataTypes.TimestampType));
    register(fn("from_utc_timestamp").args(TIMESTAMP_LTZ, STRING).returns(DataTypes.TimestampType));
    register(fn("make_date").args(INT, INT, INT).returns(DataTypes.DateType));
    register(fn("dayname").args(DATE).returns(DataTypes.StringType));
    register(fn("monthname").args(DATE).returns(DataTypes.StringType));

    // ---- constructors
    register(fn("array").varargs(ANY, 0).commonType().returns(FunctionRegistry::arrayType).neverNull());
    register(fn("array_size").args(ARRAY).returns(DataTypes.IntegerType));
    // element_at(array, 1-based index) or element_at(map, key); try_element_at is null where it raises.
    register(fn("element_at").args(ARRAY_OR_MAP, ANY).then(SpecialRules::elementAt)
        .returns(SpecialRules::elementType).nullable(args -> true));
    register(fn("try_element_at").args(ARRAY_OR_MAP, ANY).then(SpecialRules::elementAt)
        .returns(SpecialRules::elementType).nullable(args -> true));
    register(fn("sort_array").args(ARRAY, BOOLEAN).returns(args -> args.get(0).dataType()));
    // struct(a, b) arrives as (name, value) pairs: the analyzer names the fields from the arguments.
    register(fn("struct").varargs(ANY, 0).then(SpecialRules::structPairs).returns(SpecialRules::structType)
        .neverNull().sql(SpecialRules::structSql));
    register(fn("named_struct").varargs(ANY, 0).then(SpecialRules::structPairs).returns(SpecialRules::structType)
        .neverNull());

    // ---- nondeterministic
    register(fn("monotonically_increasing_id").returns(DataTypes.LongType).neverNull().nondeterministic());
    register(fn("spark_partition_id").returns(DataTypes.IntegerType).neverNull().nondeterministic()
        .pretty("SPARK_PARTITION_ID"));
    register(fn("rand").args(SEED, BOOLEAN).optionalFrom(1).then(SpecialRules::constantSeed)
        .returns(DataTypes.DoubleType).neverNull().nondeterministic().sql(a -> SpecialRules.seededSql("rand", a)));
    register(fn("randn").args(SEED, BOOLEAN).optionalFrom(1).then(SpecialRules::constantSeed)
        .returns(DataTypes.DoubleType).neverNull().nondeterministic().sql(a -> SpecialRules.seededSql("randn", a)));

    // ---- window ranking
    register(fn("row_number").returns(DataTypes.IntegerType).neverNull().onlyInWindows());
    register(fn("rank").returns(DataTypes.IntegerType).neverNull().onlyInWindows());
    register(fn("dense_rank").returns(DataTypes.IntegerType).neverNull().onlyInWindows());
    register(fn("percent_rank").returns(DataTypes.DoubleType).neverNull().onlyInWindows());
    register(fn("ntile").args(INT).returns(DataTypes.IntegerType).nullable(args -> true).onlyInWindows());
    // ---- window offsets and distribution: lag/lead(input[, offset = 1[, default = NULL]]) read the row
    // `offset` rows before/after, ignoring the frame, and are named with Spark's defaults filled in
    // (lag(x, 1, NULL)); nth_value(input, n[, ignoreNulls]) reads the frame; cume_dist() counts peers.
    register(fn("lag").args(ANY, INT, ANY).optionalFrom(1).returns(args -> args.get(0).dataType())
        .nullable(args -> args.size() < 3 || args.get(2).nullable() || args.get(0).nullable())
        .sql(a -> "lag(" + a.get(0) + ", " + (a.size() > 1 ? a.get(1) : "1") + ", " + (a.size() > 2 ? a.get(2)
            : "NULL") + ")").onlyInWindows());
    register(fn("lead").args(ANY, INT, ANY).optionalFrom(1).returns(args -> args.get(0).dataType())
        .nullable(args -> args.size() < 3 || args.get(2).nullable() || args.get(0).nullable())
        .sql(a -> "lead(" + a.get(0) + ", " + (a.size() > 1 ? a.get(1) : "1") + ", " + (a.size() > 2 ? a.get(2)
            : "NULL") + ")").onlyInWindows());
    register(fn("nth_value").args(ANY, INT, ArgumentRule.BOOLEAN).optionalFrom(2)
        .returns(args -> args.get(0).dataType()).nullable(args -> true)
        .sql(a -> "nth_value(" + a.get(0) + ", " + a.get(1) + ")"
            + (a.size() > 2 && a.get(2).equalsIgnoreCase("true") ? " ignore nulls" : "")).onlyInWindows());
    register(fn("cume_dist").returns(DataTypes.DoubleType).neverNull().onlyInWindows());

  }
}
