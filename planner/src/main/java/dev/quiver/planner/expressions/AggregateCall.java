package dev.quiver.planner.expressions;

import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataType;
import java.util.List;

/**
 * An aggregate over the rows of a group: {@code count(DISTINCT age)}, {@code sum(salary)},
 * {@code corr(x, y)}. COUNT takes any number of arguments (counting rows where all are non-null); the
 * others take {@link AggregateFunction#arity()} arguments. {@code ignoreNulls} applies to the first/last
 * family (FIRST, LAST, FIRST_VALUE, LAST_VALUE, ANY_VALUE).
 */
public record AggregateCall(AggregateFunction function, List<Expression> args, boolean distinct,
    boolean ignoreNulls) implements Expression {

  public AggregateCall {
    args = List.copyOf(args);
    if (function != AggregateFunction.COUNT && args.size() != function.arity()) {
      throw new IllegalArgumentException(function.prettyName() + " takes exactly "
          + (function.arity() == 1 ? "one argument" : function.arity() + " arguments") + ", not " + args.size());
    }
  }

  public static AggregateCall of(AggregateFunction function, Expression... args) {
    return new AggregateCall(function, List.of(args), false, false);
  }

  /**
   * {@code approx_count_distinct(e, rsd)}: checks {@code rsd} as Spark's HyperLogLog++ does (its precision
   * {@code ceil(2 log2(1.106 / rsd))} must be at least 4, so rsd at most 39%) and drops it, since Quiver
   * counts exactly and Spark names the call {@code approx_count_distinct(e)} whatever the rsd.
   */
  public static AggregateCall approxCountDistinct(Expression e, double rsd) {
    checkRelativeSd(rsd);
    return new AggregateCall(AggregateFunction.APPROX_COUNT_DISTINCT, List.of(e), false, false);
  }

  /** Spark's requirement on approx_count_distinct's relative standard deviation. */
  public static void checkRelativeSd(double rsd) {
    double p = Math.ceil(2.0 * Math.log(1.106 / rsd) / Math.log(2.0));
    if (!(p >= 4)) {
      throw new QuiverException("INVALID_PARAMETER_VALUE", "requirement failed: HLL++ requires at least 4 bits "
          + "for addressing. Use a lower error, at most 39%.", "22023", null);
    }
  }

  @Override
  public List<Expression> children() {
    return args;
  }

  @Override
  public Expression withChildren(List<Expression> newChildren) {
    return new AggregateCall(function, newChildren, distinct, ignoreNulls);
  }

  @Override
  public DataType dataType() {
    return function.resultType(args.isEmpty() ? null : args.get(0).dataType());
  }

  @Override
  public boolean nullable() {
    return function.nullableResult();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visitAggregateCall(this);
  }
}
