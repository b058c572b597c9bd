package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.vectors.Fill;
import dev.quiver.sql.types.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A literal, or a subtree that reads no column ({@code 1 + 2}, {@code CAST('2024-01-01' AS DATE)},
 * {@code current_date()}). The value is computed lazily, the first time some row needs it, so an ANSI error
 * in a constant branch nobody takes is never raised; after that it is cached for the task.
 */
public final class ConstantEvaluator extends Evaluator {
  private final Evaluator inner;
  private final java.util.function.Function<EvalContext, Object> compute;
  private Object value;
  private boolean computed;

  /** A literal: the value is known. */
  public ConstantEvaluator(DataType type, Object value) {
    super(type);
    this.inner = null;
    this.compute = null;
    this.value = value;
    this.computed = true;
  }

  /** A value fixed per query but known only at run time ({@code current_date()}). */
  public ConstantEvaluator(DataType type, java.util.function.Function<EvalContext, Object> compute) {
    super(type);
    this.inner = null;
    this.compute = compute;
  }

  /** A row-independent subtree, evaluated once on a one-row batch without columns. */
  ConstantEvaluator(Evaluator inner) {
    super(inner.dataType());
    this.inner = inner;
    this.compute = null;
  }

  @Override
  public boolean isConstant() {
    return true;
  }

  @Override
  public Object constant(EvalContext ctx) {
    if (!computed && compute != null) {
      value = compute.apply(ctx);
      computed = true;
    }
    if (!computed) {
      try (Batch one = new Batch(List.of(), 1); FieldVector v = inner.evaluate(one, ctx)) {
        value = InternalValues.read(v, 0);
      }
      computed = true;
    }
    return value;
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    return Fill.of(dataType(), n == 0 ? null : constant(ctx), n, ctx.allocator());
  }

  @Override
  public void close() {
    if (inner != null) {
      inner.close();
    }
  }
}
