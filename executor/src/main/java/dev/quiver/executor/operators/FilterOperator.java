package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.task.TaskContext;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;

/** Keeps the rows where the condition is true (not false, not null); batches that keep everything pass through. */
public final class FilterOperator implements Operator {
  private final Operator child;
  private final VectorEvaluator condition;
  private final TaskContext ctx;
  private int[] selection = new int[0];

  public FilterOperator(Operator child, VectorEvaluator condition, TaskContext ctx) {
    this.child = child;
    this.condition = condition;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    while (true) {
      Batch in = child.next();
      if (in == null) {
        return null;
      }
      int n = in.rowCount();
      int kept = 0;
      try (BitVector mask = (BitVector) condition.evaluate(in, ctx.evalContext())) {
        if (selection.length < n) {
          selection = new int[Math.max(n, selection.length * 2)];
        }
        ArrowBuf valid = mask.getValidityBuffer();
        ArrowBuf values = mask.getDataBuffer();
        for (int i = 0; i < n; i++) {
          if ((BitVectorHelper.get(valid, i) & BitVectorHelper.get(values, i)) != 0) {
            selection[kept++] = i;
          }
        }
      } catch (RuntimeException e) {
        in.close();
        throw e;
      }
      if (kept == n) {
        return in;
      }
      try (in) {
        if (kept > 0) {
          return Gather.gather(in, selection, kept, ctx.allocator());
        }
      }
    }
  }

  @Override
  public void close() {
    child.close();
  }
}
