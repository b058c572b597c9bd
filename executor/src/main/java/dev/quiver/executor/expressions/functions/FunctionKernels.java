package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kernel of every scalar function in {@link dev.quiver.planner.functions.FunctionRegistry}, by the same
 * name. The analyzer has coerced the arguments to exactly the types each kernel expects.
 */
public final class FunctionKernels {
  private static final Map<String, FunctionFactory> FACTORIES = new TreeMap<>();

  static {
    StringFunctions.register(FACTORIES);
    RegexFunctions.register(FACTORIES);
    MathFunctions.register(FACTORIES);
    NullFunctions.register(FACTORIES);
    DateFunctions.register(FACTORIES);
    CollectionFunctions.register(FACTORIES);
    TryFunctions.register(FACTORIES);
    HashFunctions.register(FACTORIES);
    TextFunctions.register(FACTORIES);
    DateTimeFunctions.register(FACTORIES);
    ConstructorFunctions.register(FACTORIES);
    NondeterministicFunctions.register(FACTORIES);
  }

  private FunctionKernels() {}

  public static Evaluator compile(ScalarFunction f, ChildCompiler cc) {
    FunctionFactory factory = FACTORIES.get(f.name());
    if (factory == null) {
      throw new PlanningException("Internal error: no executor kernel for the function `" + f.name()
          + "`; every function in the planner's FunctionRegistry needs one in FunctionKernels.");
    }
    return factory.create(f, cc);
  }

  /** Functions that never raise an error for valid input (errors of their arguments are the arguments'). */
  private static final Set<String> SAFE = Set.of(
      "upper", "lower", "initcap", "trim", "ltrim", "rtrim", "reverse", "length", "concat", "concat_ws",
      "substring", "lpad", "rpad", "instr", "locate", "startswith", "endswith", "contains",
      "isnan", "nanvl", "greatest", "least", "coalesce", "nvl", "nullif", "typeof",
      "year", "quarter", "month", "dayofmonth", "dayofweek", "dayofyear", "weekofyear", "hour", "minute",
      "second", "datediff", "date_add", "date_sub", "last_day", "months_between", "current_date",
      "current_timestamp", "size", "array_contains", "sqrt", "cbrt", "exp", "ln", "log10", "log2", "pow",
      "signum", "floor", "ceil",
      // the try_* functions turn their own errors into nulls
      "try_add", "try_subtract", "try_multiply", "try_divide", "try_mod", "try_cast",
      "md5", "sha", "sha1", "sha2", "crc32", "hash", "xxhash64", "base64", "hex", "unhex", "ascii", "chr", "char",
      "levenshtein",
      "substring_index", "translate", "trim_chars", "ltrim_chars", "rtrim_chars", "btrim", "left", "right",
      "date_trunc", "trunc", "dayname", "monthname",
      "array", "array_size", "struct", "named_struct", "try_element_at", "sort_array");

  /**
   * Whether a call can never raise an error for any row: a safe function, or a pattern function whose
   * constant pattern is valid (so LIKE 'x%' may run on rows Spark would skip, saving a gather).
   */
  public static boolean cannotFail(ScalarFunction f) {
    if (SAFE.contains(f.name())) {
      return true;
    }
    if (f.name().equals("like") && f.args().get(1) instanceof Literal l && l.value() instanceof String p) {
      try {
        LikePattern.compile(p);
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
    if (f.name().equals("rlike") && f.args().get(1) instanceof Literal l && l.value() instanceof String p) {
      try {
        java.util.regex.Pattern.compile(p);
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  /** The names with a kernel (the registry's scalar names minus the window-only ones). */
  public static Set<String> names() {
    return Collections.unmodifiableSet(FACTORIES.keySet());
  }
}
