package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.NamedExpression;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.functions.FunctionRegistry;
import dev.quiver.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks up a function called by name: aggregates by their SQL names, scalars in the registry, filling
 * Spark's default arguments so that the call and its generated name match Spark's.
 */
final class FunctionResolution {
  private FunctionResolution() {}

  static Expression resolve(UnresolvedFunction f) {
    String name = f.name().toLowerCase(Locale.ROOT);
    List<Expression> args = new ArrayList<>(f.args());
    AggregateFunction agg = aggregate(name);
    if (agg != null) {
      return aggregateCall(agg, name, args, f.distinct());
    }
    if (f.distinct()) {
      throw new AnalysisException("DISTINCT is only allowed in aggregate functions, not in " + name + "().");
    }
    String target = name;
    switch (name) {
      case "trim":
      case "ltrim":
      case "rtrim":
        if (args.size() == 2) {
          // SQL's trim(trimStr, str): the characters come first (Spark 3's order).
          return new ScalarFunction(name + "_chars", List.of(args.get(1), args.get(0)));
        }
        break;
      case "unix_timestamp":
        if (args.isEmpty()) {
          args.add(new ScalarFunction("current_timestamp", List.of()));
        }
        if (args.size() == 1) {
          args.add(Literal.of(DEFAULT_TIMESTAMP_FORMAT));
        }
        break;
      case "to_unix_timestamp":
      case "from_unixtime":
        if (args.size() == 1) {
          args.add(Literal.of(DEFAULT_TIMESTAMP_FORMAT));
        }
        break;
      case "rand":
      case "randn":
        if (args.isEmpty()) {
          // Spark draws the seed once at analysis and hides it in the name: rand().
          args.add(Literal.of(RANDOM_SEEDS.nextLong()));
          args.add(Literal.TRUE);
        }
        break;
      case "struct":
        return new ScalarFunction("struct", structPairs(args));
      case "sort_array":
        if (args.size() == 1) {
          // Spark fills the default order into the call and its name: sort_array(a, true).
          args.add(Literal.TRUE);
        }
        break;

      case "round":
      case "bround":
        if (args.size() == 1) {
          args.add(Literal.of(0));
        }
        break;
      case "regexp_replace":
        if (args.size() == 3) {
          args.add(Literal.of(1));
        }
        break;
      case "split":
        if (args.size() == 2) {
          args.add(Literal.of(-1));
        }
        break;
      case "substring":
      case "substr":
        target = "substring";
        if (args.size() == 2) {
          args.add(Literal.of(Integer.MAX_VALUE));
        }
        break;
      case "locate":
        if (args.size() == 2) {
          args.add(Literal.of(1));
        }
        break;
      case "lpad":
      case "rpad":
        if (args.size() == 2) {
          args.add(Literal.of(" "));
        }
        break;
      case "power":
        target = "pow";
        break;
      case "ceiling":
        target = "ceil";
        break;
      case "day":
        target = "dayofmonth";
        break;
      case "ucase":
        target = "upper";
        break;
      case "lcase":
        target = "lower";
        break;
      case "char_length":
      case "character_length":
        target = "length";
        break;
      case "ifnull":
        target = "nvl";
        break;
      case "log":
        if (args.size() == 1) {
          target = "ln";
        }
        break;
      case "to_date":
        if (args.size() == 2) {
          target = "to_date_format";
        }
        break;
      case "to_timestamp":
        if (args.size() == 2) {
          target = "to_timestamp_format";
        }
        break;
      default:
        break;
    }
    return new ScalarFunction(FunctionRegistry.scalar(target).name(), args);
  }

  /** Spark's default pattern of unix_timestamp and from_unixtime (TimestampFormatter.defaultPattern). */
  static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";

  private static final java.util.Random RANDOM_SEEDS = new java.util.Random();

  /**
   * struct(a, b) as named_struct('a', a, 'b', b): a field is named after a named argument (a column or an
   * alias), a struct field access by the field, anything else {@code col<n>} (Spark's CreateStruct).
   */
  static List<Expression> structPairs(List<Expression> values) {
    List<Expression> out = new ArrayList<>(values.size() * 2);
    for (int i = 0; i < values.size(); i++) {
      Expression v = values.get(i);
      String fieldName;
      if (v instanceof NamedExpression n) {
        fieldName = n.name();
      } else if (v instanceof ExtractValue x && x.key() instanceof Literal l && l.value() instanceof String f
          && x.child().resolved() && x.child().dataType() instanceof dev.quiver.sql.types.StructType) {
        fieldName = f;
      } else {
        fieldName = "col" + (i + 1);
      }
      out.add(Literal.of(fieldName));
      out.add(v);
    }
    return out;
  }

  static AggregateFunction aggregate(String name) {
    switch (name) {
      case "count":
        return AggregateFunction.COUNT;
      case "sum":
        return AggregateFunction.SUM;
      case "avg":
      case "mean":
        return AggregateFunction.AVG;
      case "min":
        return AggregateFunction.MIN;
      case "max":
        return AggregateFunction.MAX;
      case "first":
        return AggregateFunction.FIRST;
      case "first_value":
        return AggregateFunction.FIRST_VALUE;
      case "last":
        return AggregateFunction.LAST;
      case "last_value":
        return AggregateFunction.LAST_VALUE;
      case "stddev":
      case "stddev_samp":
      case "std":
        return AggregateFunction.STDDEV_SAMP;
      case "variance":
      case "var_samp":
        return AggregateFunction.VAR_SAMP;
      case "stddev_pop":
        return AggregateFunction.STDDEV_POP;
      case "var_pop":
        return AggregateFunction.VAR_POP;
      case "collect_list":
        return AggregateFunction.COLLECT_LIST;
      case "array_agg":
        return AggregateFunction.ARRAY_AGG;
      case "collect_set":
        return AggregateFunction.COLLECT_SET;
      case "approx_count_distinct":
        return AggregateFunction.APPROX_COUNT_DISTINCT;
      case "corr":
        return AggregateFunction.CORR;
      case "covar_samp":
        return AggregateFunction.COVAR_SAMP;
      case "covar_pop":
        return AggregateFunction.COVAR_POP;
      case "any_value":
        return AggregateFunction.ANY_VALUE;
      case "count_if":
        return AggregateFunction.COUNT_IF;
      case "bool_and":
        return AggregateFunction.BOOL_AND;
      case "every":
        return AggregateFunction.EVERY;
      case "bool_or":
        return AggregateFunction.BOOL_OR;
      case "some":
        return AggregateFunction.SOME;
      case "any":
        return AggregateFunction.ANY;
      case "max_by":
        return AggregateFunction.MAX_BY;
      case "min_by":
        return AggregateFunction.MIN_BY;
      default:
        return null;
    }
  }

  /**
   * A call of aggregate {@code agg} (called {@code name}) with Spark's arities: {@code count(*)} counts rows;
   * the first/last family takes an optional ignoreNulls boolean literal, approx_count_distinct an optional
   * relative standard deviation literal (checked, then dropped: Quiver counts exactly, and Spark's name
   * omits it).
   */
  private static AggregateCall aggregateCall(AggregateFunction agg, String name, List<Expression> args,
      boolean distinct) {
    if (agg == AggregateFunction.COUNT) {
      if (args.size() == 1 && args.get(0) instanceof UnresolvedStar) {
        args.set(0, Literal.of(1));
      }
      return new AggregateCall(agg, args, distinct, false);
    }
    AggregateFunction base = agg.canonical();
    boolean optionalSecond = base == AggregateFunction.FIRST || base == AggregateFunction.LAST
        || base == AggregateFunction.APPROX_COUNT_DISTINCT;
    if (args.size() != agg.arity() && !(optionalSecond && args.size() == 2)) {
      String expected = optionalSecond ? "[1, 2]" : String.valueOf(agg.arity());
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `" + name + "` requires " + expected
          + " parameters but the actual number is " + args.size() + ".", "42605");
    }
    boolean ignoreNulls = false;
    if (optionalSecond && args.size() == 2) {
      Expression second = args.get(1);
      if (base == AggregateFunction.APPROX_COUNT_DISTINCT) {
        if (!(second instanceof Literal l && (l.value() instanceof Double || l.value() instanceof Float
            || l.value() instanceof java.math.BigDecimal))) {
          throw new AnalysisException("The second argument should be a double literal.");
        }
        AggregateCall.checkRelativeSd(((Number) ((Literal) second).value()).doubleValue());
      } else if (second instanceof Literal l && l.value() instanceof Boolean b) {
        ignoreNulls = b;
      } else {
        throw new AnalysisException("The second argument in " + name + " should be a boolean literal.");
      }
      args = args.subList(0, 1);
    }
    return new AggregateCall(agg, args, distinct, ignoreNulls);
  }
}
