package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The intermediate state each aggregate keeps between the PARTIAL and FINAL phases — the contract between
 * the planner (which names these columns) and the executor (which fills and merges them):
 * COUNT [count bigint]; SUM [sum] (null until a non-null input); AVG [sum (double, or the decimal sum type),
 * count bigint]; MIN/MAX [value]; FIRST/LAST [value, valueSet boolean]; STDDEV_SAMP/VAR_SAMP [n double,
 * mean double, m2 double] (Welford's algorithm).
 */
public final class AggregateBuffers {
  private AggregateBuffers() {}

  public static List<DataType> bufferTypes(AggregateCall call) {
    DataType input = call.args().isEmpty() ? DataTypes.NullType : call.args().get(0).dataType();
    switch (call.function()) {
      case COUNT:
        return List.of(DataTypes.LongType);
      case SUM:
        return List.of(call.dataType());
      case AVG:
        return List.of(input instanceof dev.quiver.sql.types.DecimalType
            ? dev.quiver.planner.expressions.AggregateFunction.SUM.resultType(input) : DataTypes.DoubleType,
            DataTypes.LongType);
      case MIN:
      case MAX:
        return List.of(input);
      case FIRST:
      case LAST:
        return List.of(input, DataTypes.BooleanType);
      case STDDEV_SAMP:
      case VAR_SAMP:
        return List.of(DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType);
      default:
        throw new IllegalArgumentException("No buffer layout for " + call.function());
    }
  }

  private static List<String> bufferNames(AggregateCall call) {
    switch (call.function()) {
      case COUNT:
        return List.of("count");
      case SUM:
        return List.of("sum");
      case AVG:
        return List.of("sum", "count");
      case MIN:
        return List.of("min");
      case MAX:
        return List.of("max");
      case FIRST:
        return List.of("first", "valueSet");
      case LAST:
        return List.of("last", "valueSet");
      default:
        return List.of("n", "avg", "m2");
    }
  }

  /** Fresh buffer attributes for the aggregates, flattened in order. */
  public static List<AttributeReference> attributesFor(List<AggregateCall> calls) {
    List<AttributeReference> out = new ArrayList<>();
    for (AggregateCall c : calls) {
      List<DataType> types = bufferTypes(c);
      List<String> names = bufferNames(c);
      for (int i = 0; i < types.size(); i++) {
        boolean nullable = !(c.function() == dev.quiver.planner.expressions.AggregateFunction.COUNT);
        out.add(AttributeReference.create(names.get(i), types.get(i), nullable));
      }
    }
    return out;
  }
}
