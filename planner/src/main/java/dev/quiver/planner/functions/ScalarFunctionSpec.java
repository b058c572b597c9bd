package dev.quiver.planner.functions;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.DataType;
import java.util.List;

/**
 * What the planner knows of a built-in scalar function: how to check and coerce its arguments, its result
 * type and nullability, and how Spark names a call of it. The executor holds the matching kernel.
 */
public interface ScalarFunctionSpec {
  /** The registry name, lower case: {@code upper}, {@code date_add}. */
  String name();

  /**
   * Checks the resolved arguments and returns them with implicit casts inserted so that the kernel sees
   * exactly the types it expects. Throws an AnalysisException naming the function and the bad argument.
   */
  List<Expression> coerce(List<Expression> args);

  /** The result type, given coerced arguments. */
  DataType resultType(List<Expression> args);

  /** Whether a call may return null, given coerced arguments. By default: when any argument may be null. */
  default boolean nullable(List<Expression> args) {
    for (Expression a : args) {
      if (a.nullable()) {
        return true;
      }
    }
    return false;
  }

  /** The generated column name of a call, from the pretty SQL of its arguments. */
  default String sql(List<String> args) {
    return name() + "(" + String.join(", ", args) + ")";
  }

  /** False for functions whose value changes between calls on the same input (rand, uuid). */
  default boolean deterministic() {
    return true;
  }

  /** True for functions fixed per query rather than per input, such as current_date. */
  default boolean contextDependent() {
    return false;
  }

  /** True for ranking functions that are only valid inside a window: row_number, rank, dense_rank. */
  default boolean windowOnly() {
    return false;
  }
}
