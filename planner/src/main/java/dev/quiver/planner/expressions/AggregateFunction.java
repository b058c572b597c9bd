package dev.quiver.planner.expressions;

import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;

/**
 * The built-in aggregate functions and their result types, as Spark types them. Spark's aliases that Spark
 * names by the alias ({@code every(x)}, {@code first_value(x)}, {@code array_agg(x)}) are constants of their
 * own whose {@link #canonical()} is the function they compute, so that generated column names match Spark's
 * while the buffer layout and the executor's state are those of the canonical function.
 */
public enum AggregateFunction {
  COUNT("count"),
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max"),
  FIRST("first"),
  LAST("last"),
  STDDEV_SAMP("stddev"),
  VAR_SAMP("variance"),
  /** {@code array<T>} of the non-null inputs (containsNull = false); an empty array for no input. */
  COLLECT_LIST("collect_list"),
  /** Like COLLECT_LIST with duplicates removed; element order unspecified. */
  COLLECT_SET("collect_set"),
  /** Distinct non-null inputs, counted exactly (Spark estimates with HyperLogLog++; see AggregateBuffers). */
  APPROX_COUNT_DISTINCT("approx_count_distinct"),
  STDDEV_POP("stddev_pop"),
  VAR_POP("var_pop"),
  /** Pearson correlation of (x, y) pairs where both are non-null. */
  CORR("corr"),
  COVAR_SAMP("covar_samp"),
  COVAR_POP("covar_pop"),
  /** Some value of the group; computed as FIRST (with its ignoreNulls flag), as Spark replaces it. */
  ANY_VALUE("any_value"),
  /** The number of rows whose (boolean) argument is true. */
  COUNT_IF("count_if"),
  /** True when every non-null input is true (Spark's replacement: min over booleans). */
  BOOL_AND("bool_and"),
  /** True when some non-null input is true (Spark's replacement: max over booleans). */
  BOOL_OR("bool_or"),
  EVERY("every"),
  SOME("some"),
  ANY("any"),
  /** {@code max_by(x, ord)}: x of the row with the largest non-null ord (the first such row on ties). */
  MAX_BY("max_by"),
  /** {@code min_by(x, ord)}: x of the row with the smallest non-null ord (the first such row on ties). */
  MIN_BY("min_by"),
  FIRST_VALUE("first_value"),
  LAST_VALUE("last_value"),
  ARRAY_AGG("array_agg");

  private final String prettyName;

  AggregateFunction(String prettyName) {
    this.prettyName = prettyName;
  }

  public String prettyName() {
    return prettyName;
  }

  /**
   * The function this one computes: itself, or for a Spark alias named after the alias the aliased function
   * (EVERY is BOOL_AND, SOME and ANY are BOOL_OR, FIRST_VALUE is FIRST, LAST_VALUE is LAST, ARRAY_AGG is
   * COLLECT_LIST, ANY_VALUE is FIRST).
   */
  public AggregateFunction canonical() {
    switch (this) {
      case EVERY:
        return BOOL_AND;
      case SOME:
      case ANY:
        return BOOL_OR;
      case FIRST_VALUE:
      case ANY_VALUE:
        return FIRST;
      case LAST_VALUE:
        return LAST;
      case ARRAY_AGG:
        return COLLECT_LIST;
      default:
        return this;
    }
  }

  /** How many arguments a call takes: two for the pairwise functions, one for the rest (COUNT: any number). */
  public int arity() {
    switch (canonical()) {
      case CORR:
      case COVAR_SAMP:
      case COVAR_POP:
      case MAX_BY:
      case MIN_BY:
        return 2;
      default:
        return 1;
    }
  }

  /** The result type given the type of the (first) argument. */
  public DataType resultType(DataType input) {
    switch (canonical()) {
      case COUNT:
      case COUNT_IF:
      case APPROX_COUNT_DISTINCT:
        return DataTypes.LongType;
      case SUM:
        if (input instanceof DecimalType d) {
          return new DecimalType(Math.min(DecimalType.MAX_PRECISION, d.precision() + 10), d.scale());
        }
        if (input.equals(DataTypes.FloatType) || input.equals(DataTypes.DoubleType)) {
          return DataTypes.DoubleType;
        }
        return DataTypes.LongType;
      case AVG:
        if (input instanceof DecimalType d) {
          return new DecimalType(Math.min(DecimalType.MAX_PRECISION, d.precision() + 4),
              Math.min(DecimalType.MAX_SCALE, d.scale() + 4));
        }
        return DataTypes.DoubleType;
      case STDDEV_SAMP:
      case VAR_SAMP:
      case STDDEV_POP:
      case VAR_POP:
      case CORR:
      case COVAR_SAMP:
      case COVAR_POP:
        return DataTypes.DoubleType;
      case BOOL_AND:
      case BOOL_OR:
        return DataTypes.BooleanType;
      case COLLECT_LIST:
      case COLLECT_SET:
        return new ArrayType(input, false);
      default:
        return input;
    }
  }

  /** Whether a call may be null: not for the counts and the collections (an empty group gives 0 or []). */
  public boolean nullableResult() {
    switch (canonical()) {
      case COUNT:
      case COUNT_IF:
      case APPROX_COUNT_DISTINCT:
      case COLLECT_LIST:
      case COLLECT_SET:
        return false;
      default:
        return true;
    }
  }

  /** Whether the input must be numeric (after implicit casts). */
  public boolean needsNumericInput() {
    switch (canonical()) {
      case SUM:
      case AVG:
      case STDDEV_SAMP:
      case VAR_SAMP:
      case STDDEV_POP:
      case VAR_POP:
      case CORR:
      case COVAR_SAMP:
      case COVAR_POP:
        return true;
      default:
        return false;
    }
  }

  /** Whether the inputs are cast to double before aggregating (Spark's central-moment and co-moment family). */
  public boolean castsInputToDouble() {
    switch (canonical()) {
      case STDDEV_SAMP:
      case VAR_SAMP:
      case STDDEV_POP:
      case VAR_POP:
      case CORR:
      case COVAR_SAMP:
      case COVAR_POP:
        return true;
      default:
        return false;
    }
  }

  /** Whether the (first) argument must be a boolean. */
  public boolean needsBooleanInput() {
    AggregateFunction c = canonical();
    return c == COUNT_IF || c == BOOL_AND || c == BOOL_OR;
  }
}
