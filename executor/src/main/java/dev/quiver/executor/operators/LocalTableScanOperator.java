package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Rows held in the plan: this task's contiguous slice of them, as batches. */
public final class LocalTableScanOperator implements Operator {
  private final List<AttributeReference> output;
  private final List<List<Object>> rows;
  private final TaskContext ctx;
  private int position;
  private final int end;

  public LocalTableScanOperator(List<AttributeReference> output, List<List<Object>> rows, int partition,
      int numPartitions, TaskContext ctx) {
    this.output = output;
    this.rows = rows;
    this.ctx = ctx;
    this.position = (int) ((long) partition * rows.size() / numPartitions);
    this.end = (int) ((long) (partition + 1) * rows.size() / numPartitions);
  }

  @Override
  public Batch next() {
    if (position >= end) {
      return null;
    }
    int n = Math.min(ctx.batchSize(), end - position);
    List<FieldVector> cols = new ArrayList<>(output.size());
    try {
      for (int c = 0; c < output.size(); c++) {
        FieldVector v = Vectors.create(output.get(c).name(), output.get(c).dataType(), n, ctx.allocator());
        cols.add(v);
        for (int i = 0; i < n; i++) {
          InternalValues.write(v, i, rows.get(position + i).get(c));
        }
        v.setValueCount(n);
      }
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
    position += n;
    return new Batch(cols, n);
  }

  @Override
  public void close() {
    position = end;
  }
}
