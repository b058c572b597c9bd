package dev.quiver.executor.operators.aggregate;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.sql.types.BinaryType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.ByteType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.IntegerType;
import dev.quiver.sql.types.LongType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.ShortType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.TimestampNTZType;
import dev.quiver.sql.types.TimestampType;
import org.apache.arrow.memory.BufferAllocator;

/** Picks the state implementation for an aggregate call from its function and argument type. */
public final class AggregateStates {
  private AggregateStates() {}

  public static AggregateState create(AggregateCall call, BufferAllocator allocator) {
    AggregateFunction f = call.function().canonical();
    DataType input = call.args().isEmpty() ? null : call.args().get(0).dataType();
    switch (f) {
      case COUNT:
        return new CountState(allocator);
      case COUNT_IF:
        return new CountState(true, allocator);
      case SUM:
        if (input instanceof DecimalType d) {
          return new DecimalSumState(false, (DecimalType) f.resultType(d), (DecimalType) f.resultType(d), allocator);
        }
        if (input instanceof DoubleType || input instanceof FloatType) {
          return new DoubleSumState(allocator);
        }
        if (isIntegral(input) || input instanceof NullType) {
          return new LongSumState(allocator);
        }
        break;
      case AVG:
        if (input instanceof DecimalType d) {
          return new DecimalSumState(true, (DecimalType) AggregateFunction.SUM.resultType(d),
              (DecimalType) f.resultType(d), allocator);
        }
        if (isIntegral(input) || input instanceof DoubleType || input instanceof FloatType
            || input instanceof NullType) {
          return new DoubleAvgState(allocator);
        }
        break;
      case STDDEV_SAMP:
      case VAR_SAMP:
      case STDDEV_POP:
      case VAR_POP:
        if (isNumeric(input)) {
          return new VarianceState(f == AggregateFunction.STDDEV_SAMP || f == AggregateFunction.STDDEV_POP,
              f == AggregateFunction.STDDEV_POP || f == AggregateFunction.VAR_POP, allocator);
        }
        break;
      case COVAR_POP:
      case COVAR_SAMP:
      case CORR:
        if (isNumeric(input) && isNumeric(call.args().get(1).dataType())) {
          return new CoMomentState(f == AggregateFunction.CORR ? CoMomentState.Kind.CORR
              : f == AggregateFunction.COVAR_SAMP ? CoMomentState.Kind.COVAR_SAMP : CoMomentState.Kind.COVAR_POP,
              allocator);
        }
        break;
      case BOOL_AND:
      case BOOL_OR:
        if (input instanceof BooleanType) {
          return new FixedMinMaxState(f == AggregateFunction.BOOL_OR, input, allocator);
        }
        break;
      case MIN:
      case MAX:
        if (input instanceof NullType) {
          return new NullInputState(call);
        }
        if (isFixedWidth(input)) {
          return new FixedMinMaxState(f == AggregateFunction.MAX, input, allocator);
        }
        if (input instanceof StringType || input instanceof BinaryType) {
          return new BytesMinMaxState(f == AggregateFunction.MAX, input, allocator);
        }
        break;
      case FIRST:
      case LAST:
        if (input instanceof NullType) {
          return new NullInputState(call);
        }
        if (isFixedWidth(input)) {
          return new FixedFirstLastState(f == AggregateFunction.LAST, call.ignoreNulls(), input, allocator);
        }
        if (input instanceof StringType || input instanceof BinaryType) {
          return new BytesFirstLastState(f == AggregateFunction.LAST, call.ignoreNulls(), input, allocator);
        }
        return new GenericFirstLastState(f == AggregateFunction.LAST, call.ignoreNulls(), input, allocator);
      case COLLECT_LIST:
        return new CollectState(CollectState.Kind.LIST, input, allocator);
      case COLLECT_SET:
        return new CollectState(CollectState.Kind.SET, input, allocator);
      case APPROX_COUNT_DISTINCT:
        return new CollectState(CollectState.Kind.COUNT_DISTINCT, input, allocator);
      case MAX_BY:
      case MIN_BY:
        return new ByOrderingState(f == AggregateFunction.MAX_BY, input, call.args().get(1).dataType(), allocator);
      default:
        break;
    }
    throw new PlanningException("Internal error: the executor has no " + call.function().prettyName() + " over "
        + (input == null ? "no argument" : input.simpleString()) + " (the analyzer should have rejected "
        + call.sql() + ")");
  }

  private static boolean isNumeric(DataType t) {
    return isIntegral(t) || t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType
        || t instanceof NullType;
  }

  static boolean isIntegral(DataType t) {
    return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
  }

  static boolean isFixedWidth(DataType t) {
    return isIntegral(t) || t instanceof FloatType || t instanceof DoubleType || t instanceof BooleanType
        || t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType
        || t instanceof DecimalType;
  }
}
