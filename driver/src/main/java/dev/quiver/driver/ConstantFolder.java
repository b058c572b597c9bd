package dev.quiver.driver;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.ExpressionCompiler;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.optimizer.ConstantEvaluator;
import dev.quiver.sql.QuiverThrowable;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Constant folding with the executor's own kernels, evaluated over a one-row batch: folded values are
 * exactly what execution would compute. An expression that raises (1/0 under ANSI) is left unfolded, so the
 * error appears only if a query really evaluates it.
 */
final class ConstantFolder implements ConstantEvaluator {
  private final BufferAllocator allocator;
  private final ZoneId zone;
  private final long queryStartMicros;

  ConstantFolder(BufferAllocator allocator, ZoneId zone, long queryStartMicros) {
    this.allocator = allocator;
    this.zone = zone;
    this.queryStartMicros = queryStartMicros;
  }

  @Override
  public Optional<Literal> evaluate(Expression foldable) {
    try (BufferAllocator child = allocator.newChildAllocator("constant-folding", 0, 16L << 20)) {
      VectorEvaluator evaluator = ExpressionCompiler.compile(foldable);
      try (Batch one = new Batch(List.of(), 1);
          FieldVector v = evaluator.evaluate(one, new EvalContext(child, zone, queryStartMicros))) {
        return Optional.of(new Literal(InternalValues.read(v, 0), foldable.dataType()));
      }
    } catch (RuntimeException e) {
      if (e instanceof QuiverThrowable || e instanceof ArithmeticException || e instanceof IllegalArgumentException
          || e instanceof UnsupportedOperationException || e instanceof IllegalStateException) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
