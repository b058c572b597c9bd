package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The intermediate state each aggregate keeps between the PARTIAL and FINAL phases — the contract between
 * the planner (which names these columns) and the executor (which fills and merges them). Aliases use the
 * layout of their {@link AggregateFunction#canonical() canonical} function. T is the type of the (first)
 * argument, O the type of max_by/min_by's ordering argument.
 * <ul>
 *   <li>COUNT, COUNT_IF: [count bigint, never null];</li>
 *   <li>SUM: [sum] (null until a non-null input);</li>
 *   <li>AVG: [sum (double, or the decimal sum type), count bigint];</li>
 *   <li>MIN, MAX: [value T]; BOOL_AND, BOOL_OR (EVERY, SOME, ANY): [value boolean], as Spark replaces them
 *       by min and max over booleans;</li>
 *   <li>FIRST, LAST (FIRST_VALUE, LAST_VALUE, ANY_VALUE): [value T, valueSet boolean];</li>
 *   <li>STDDEV_SAMP, VAR_SAMP, STDDEV_POP, VAR_POP: [n double, mean double, m2 double] (Welford's
 *       algorithm, merged with Chan's formula, as Spark's CentralMomentAgg);</li>
 *   <li>COVAR_SAMP, COVAR_POP: [n, xAvg, yAvg, ck] doubles; CORR: [n, xAvg, yAvg, ck, xMk, yMk] doubles
 *       (Spark's Covariance and PearsonCorrelation buffers, merged by the same formulas);</li>
 *   <li>COLLECT_LIST (ARRAY_AGG): [values array&lt;T&gt; without nulls, never null] in input order;
 *       COLLECT_SET and APPROX_COUNT_DISTINCT: [values array&lt;T&gt;, never null], the distinct non-null
 *       values seen (Spark keeps a serialized hash set, or a HyperLogLog++ sketch for the latter: Quiver
 *       counts distinct values exactly, so its buffer holds them);</li>
 *   <li>MAX_BY, MIN_BY: [value T, ordering O]: the value of the row holding the extreme ordering so far; a
 *       null ordering means no row yet (rows with a null ordering are skipped).</li>
 * </ul>
 */
public final class AggregateBuffers {
  private AggregateBuffers() {}

  public static List<DataType> bufferTypes(AggregateCall call) {
    DataType input = call.args().isEmpty() ? DataTypes.NullType : call.args().get(0).dataType();
    DataType d = DataTypes.DoubleType;
    switch (call.function().canonical()) {
      case COUNT:
      case COUNT_IF:
        return List.of(DataTypes.LongType);
      case SUM:
        return List.of(call.dataType());
      case AVG:
        return List.of(input instanceof DecimalType ? AggregateFunction.SUM.resultType(input) : d,
            DataTypes.LongType);
      case MIN:
      case MAX:
        return List.of(input);
      case BOOL_AND:
      case BOOL_OR:
        return List.of(DataTypes.BooleanType);
      case FIRST:
      case LAST:
        return List.of(input, DataTypes.BooleanType);
      case STDDEV_SAMP:
      case VAR_SAMP:
      case STDDEV_POP:
      case VAR_POP:
        return List.of(d, d, d);
      case COVAR_SAMP:
      case COVAR_POP:
        return List.of(d, d, d, d);
      case CORR:
        return List.of(d, d, d, d, d, d);
      case COLLECT_LIST:
      case COLLECT_SET:
      case APPROX_COUNT_DISTINCT:
        return List.of(new ArrayType(input, false));
      case MAX_BY:
      case MIN_BY:
        return List.of(input, call.args().get(1).dataType());
      default:
        throw new IllegalArgumentException("No buffer layout for " + call.function());
    }
  }

  private static List<String> bufferNames(AggregateCall call) {
    switch (call.function().canonical()) {
      case COUNT:
      case COUNT_IF:
        return List.of("count");
      case SUM:
        return List.of("sum");
      case AVG:
        return List.of("sum", "count");
      case MIN:
        return List.of("min");
      case MAX:
        return List.of("max");
      case BOOL_AND:
      case BOOL_OR:
        return List.of("value");
      case FIRST:
        return List.of("first", "valueSet");
      case LAST:
        return List.of("last", "valueSet");
      case COVAR_SAMP:
      case COVAR_POP:
        return List.of("n", "xAvg", "yAvg", "ck");
      case CORR:
        return List.of("n", "xAvg", "yAvg", "ck", "xMk", "yMk");
      case COLLECT_LIST:
      case COLLECT_SET:
      case APPROX_COUNT_DISTINCT:
        return List.of("buffer");
      case MAX_BY:
      case MIN_BY:
        return List.of("valueWithExtremumOrdering", "extremumOrdering");
      default:
        return List.of("n", "avg", "m2");
    }
  }

  /** Whether the buffer columns of {@code call} are never null (counts and collections). */
  private static boolean neverNull(AggregateCall call) {
    switch (call.function().canonical()) {
      case COUNT:
      case COUNT_IF:
      case COLLECT_LIST:
      case COLLECT_SET:
      case APPROX_COUNT_DISTINCT:
        return true;
      default:
        return false;
    }
  }

  /** Fresh buffer attributes for the aggregates, flattened in order. */
  public static List<AttributeReference> attributesFor(List<AggregateCall> calls) {
    List<AttributeReference> out = new ArrayList<>();
    for (AggregateCall c : calls) {
      List<DataType> types = bufferTypes(c);
      List<String> names = bufferNames(c);
      for (int i = 0; i < types.size(); i++) {
        out.add(AttributeReference.create(names.get(i), types.get(i), !neverNull(c)));
      }
    }
    return out;
  }
}
