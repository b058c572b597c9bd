package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
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
      if (agg == AggregateFunction.COUNT && args.size() == 1 && args.get(0) instanceof UnresolvedStar) {
        args.set(0, Literal.of(1));
      }
      if (agg != AggregateFunction.COUNT && args.size() != 1) {
        throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `" + name + "` requires 1 parameters "
            + "but the actual number is " + args.size() + ".", "42605");
      }
      return new AggregateCall(agg, args, f.distinct(), false);
    }
    if (f.distinct()) {
      throw new AnalysisException("DISTINCT is only allowed in aggregate functions, not in " + name + "().");
    }
    String target = name;
    switch (name) {
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
      case "first_value":
        return AggregateFunction.FIRST;
      case "last":
      case "last_value":
        return AggregateFunction.LAST;
      case "stddev":
      case "stddev_samp":
      case "std":
        return AggregateFunction.STDDEV_SAMP;
      case "variance":
      case "var_samp":
        return AggregateFunction.VAR_SAMP;
      default:
        return null;
    }
  }
}
