package dev.quiver.executor.expressions;

import dev.quiver.sql.types.DataType;

/**
 * Base of every evaluator the compiler builds. Kernels ask their children whether they are constant so that
 * {@code column op literal} runs against a Java value instead of a broadcast vector.
 */
public abstract class Evaluator implements VectorEvaluator {
  private final DataType type;

  protected Evaluator(DataType type) {
    this.type = type;
  }

  @Override
  public final DataType dataType() {
    return type;
  }

  /** True when every row has the same value: a literal, or a subtree that reads no column. */
  public boolean isConstant() {
    return false;
  }

  /**
   * The value of a constant evaluator in internal form (null for SQL NULL), computed at most once. Only ask
   * when some row needs the value: computing it may raise the expression's ANSI error.
   */
  public Object constant(EvalContext ctx) {
    throw new IllegalStateException(getClass().getSimpleName() + " is not constant");
  }
}
