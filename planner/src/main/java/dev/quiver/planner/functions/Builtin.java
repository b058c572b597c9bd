package dev.quiver.planner.functions;

import dev.quiver.planner.analysis.TypeCoercion;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** A {@link ScalarFunctionSpec} assembled from per-argument rules; see {@link FunctionRegistry}. */
final class Builtin implements ScalarFunctionSpec {
  private final String name;
  private String prettyName;
  private final List<ArgumentRule> fixed = new ArrayList<>();
  private ArgumentRule variadic;
  private int minArgs;
  private boolean commonType;
  private Function<List<Expression>, DataType> result;
  private Predicate<List<Expression>> nullable;
  private Function<List<String>, String> sql;
  private boolean deterministic = true;
  private boolean contextDependent;
  private boolean windowOnly;
  private int optionalFrom = Integer.MAX_VALUE;
  private java.util.function.BiFunction<Builtin, List<Expression>, List<Expression>> post;

  private Builtin(String name) {
    this.name = name;
    this.prettyName = name;
  }

  static Builtin fn(String name) {
    return new Builtin(name);
  }

  Builtin args(ArgumentRule... rules) {
    fixed.addAll(List.of(rules));
    minArgs = Math.min(optionalFrom, fixed.size());
    return this;
  }

  /** Arguments from index {@code from} on may be left out. */
  Builtin optionalFrom(int from) {
    optionalFrom = from;
    minArgs = Math.min(from, fixed.size());
    return this;
  }

  /** Any number (at least {@code min}) of further arguments, each accepted by {@code rule}. */
  Builtin varargs(ArgumentRule rule, int min) {
    variadic = rule;
    minArgs = fixed.size() + min;
    return this;
  }

  /** All arguments are cast to their common (wider) type; the result has that type. */
  Builtin commonType() {
    commonType = true;
    result = args -> args.isEmpty() ? dev.quiver.sql.types.DataTypes.NullType : args.get(0).dataType();
    return this;
  }

  Builtin returns(DataType type) {
    result = args -> type;
    return this;
  }

  Builtin returns(Function<List<Expression>, DataType> rule) {
    result = rule;
    return this;
  }

  Builtin nullable(Predicate<List<Expression>> rule) {
    nullable = rule;
    return this;
  }

  Builtin neverNull() {
    nullable = args -> false;
    return this;
  }

  Builtin pretty(String display) {
    prettyName = display;
    return this;
  }

  Builtin sql(Function<List<String>, String> formatter) {
    sql = formatter;
    return this;
  }

  /**
   * A check or rewrite of the coerced arguments that per-argument rules cannot express (operands coerced
   * together, constant arguments, names); it may throw an AnalysisException built with {@link #mismatch}.
   */
  Builtin then(java.util.function.BiFunction<Builtin, List<Expression>, List<Expression>> rule) {
    post = rule;
    return this;
  }

  Builtin nondeterministic() {
    deterministic = false;
    return this;
  }

  Builtin fixedPerQuery() {
    contextDependent = true;
    return this;
  }

  Builtin onlyInWindows() {
    windowOnly = true;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Expression> coerce(List<Expression> args) {
    int max = variadic != null ? Integer.MAX_VALUE : fixed.size();
    if (args.size() < minArgs || args.size() > max) {
      String expected = variadic != null ? "at least " + minArgs
          : minArgs == fixed.size() ? String.valueOf(minArgs) : "[" + minArgs + ", " + fixed.size() + "]";
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
          "The `" + name + "` requires " + expected + " parameters but the actual number is " + args.size() + ".",
          "42605");
    }
    List<Expression> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      ArgumentRule rule = i < fixed.size() ? fixed.get(i) : variadic;
      Expression coerced = rule.coerce(args.get(i));
      if (coerced == null) {
        throw mismatch(args, i, rule.expected());
      }
      out.add(coerced);
    }
    if (commonType && !out.isEmpty()) {
      List<DataType> types = new ArrayList<>();
      for (Expression e : out) {
        types.add(e.dataType());
      }
      Optional<DataType> common = TypeCoercion.wider(types);
      if (common.isEmpty()) {
        List<String> names = new ArrayList<>();
        for (DataType t : types) {
          names.add("\"" + t.sql() + "\"");
        }
        throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES",
            "Cannot resolve \"" + callSql(args) + "\" due to data type mismatch: Input to `" + name
                + "` should all be the same type, but it's [" + String.join(", ", names) + "].", "42K09");
      }
      List<Expression> cast = new ArrayList<>();
      for (Expression e : out) {
        cast.add(Cast.implicit(e, common.get()));
      }
      out = cast;
    }
    if (post != null) {
      out = post.apply(this, out);
    }
    return out;
  }

  /** Spark's DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument {@code index} of the call. */
  AnalysisException mismatch(List<Expression> args, int index, String expected) {
    Expression bad = args.get(index);
    return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        "Cannot resolve \"" + callSql(args) + "\" due to data type mismatch: The " + ordinal(index + 1)
            + " parameter requires the \"" + expected + "\" type, however \"" + ExpressionPrinter.sql(bad)
            + "\" has the type \"" + bad.dataType().sql() + "\".", "42K09");
  }

  /** Spark's DATATYPE_MISMATCH.{@code subClass} for the call, with {@code detail} as the reason. */
  AnalysisException dataTypeMismatch(List<Expression> args, String subClass, String detail) {
    return new AnalysisException("DATATYPE_MISMATCH." + subClass,
        "Cannot resolve \"" + callSql(args) + "\" due to data type mismatch: " + detail, "42K09");
  }

  String callSql(List<Expression> args) {
    List<String> s = new ArrayList<>();
    for (Expression a : args) {
      s.add(ExpressionPrinter.sql(a));
    }
    return sql(s);
  }

  private static String ordinal(int n) {
    switch (n) {
      case 1:
        return "first";
      case 2:
        return "second";
      case 3:
        return "third";
      case 4:
        return "fourth";
      default:
        return n + "th";
    }
  }

  @Override
  public DataType resultType(List<Expression> args) {
    return result.apply(args);
  }

  @Override
  public boolean nullable(List<Expression> args) {
    return nullable != null ? nullable.test(args) : ScalarFunctionSpec.super.nullable(args);
  }

  @Override
  public String sql(List<String> args) {
    if (sql != null) {
      return sql.apply(args);
    }
    return prettyName + "(" + String.join(", ", args) + ")";
  }

  @Override
  public boolean deterministic() {
    return deterministic;
  }

  @Override
  public boolean contextDependent() {
    return contextDependent;
  }

  @Override
  public boolean windowOnly() {
    return windowOnly;
  }

  @Override
  public String toString() {
    return name.toLowerCase(Locale.ROOT);
  }
}
