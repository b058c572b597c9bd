package dev.quiver.executor.expressions;

import dev.quiver.sql.types.DataType;

/** Building blocks for kernels that compile small evaluators of their own (e.g. element casts). */
public final class Evaluators {
  private Evaluators() {}

  /** Reads input column {@code ordinal}. */
  public static Evaluator column(int ordinal, DataType type) {
    return new ColumnEvaluator(ordinal, type);
  }

  /** A constant known at compile time. */
  public static Evaluator constant(DataType type, Object value) {
    return new ConstantEvaluator(type, value);
  }
}
