package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.keys.RowComparator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;

/**
 * Sorts all rows of its input partition: buffers the input, sorts row indexes on the evaluated keys, then
 * emits the rows in order in batches. Holds the partition in memory (no spill yet): exceeding the task's
 * memory budget is reported as such.
 */
public final class SortOperator implements Operator {
  private final Operator child;
  private final SortKeys keys;
  private final TaskContext ctx;
  private Batch all;
  private int[] order;
  private int emitted;

  public SortOperator(Operator child, List<SortOrder> sortOrder, List<AttributeReference> input, TaskContext ctx) {
    this.child = child;
    this.keys = new SortKeys(sortOrder, input);
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (order == null) {
      sortInput();
    }
    if (all == null || emitted >= all.rowCount()) {
      return null;
    }
    int n = Math.min(ctx.batchSize(), all.rowCount() - emitted);
    int[] idx = new int[n];
    System.arraycopy(order, emitted, idx, 0, n);
    emitted += n;
    return Gather.gather(all, idx, n, ctx.allocator());
  }

  private void sortInput() {
    List<Batch> batches = new ArrayList<>();
    try {
      Batch b;
      while ((b = child.next()) != null) {
        batches.add(b);
        ctx.checkCancelled();
      }
      if (batches.isEmpty()) {
        order = new int[0];
        return;
      }
      all = batches.size() == 1 ? batches.remove(0) : Gather.concat(batches, ctx.allocator());
    } catch (OutOfMemoryException e) {
      throw TaskMemory.exceeded("Sort", ctx, e);
    } finally {
      batches.forEach(Batch::close);
    }
    int n = all.rowCount();
    order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<FieldVector> k = keys.evaluate(all, ctx);
    try {
      RowComparator cmp = keys.comparator(k, k);
      IntSorter.sort(order, 0, n, cmp::compare);
    } finally {
      k.forEach(FieldVector::close);
    }
  }

  @Override
  public void close() {
    if (all != null) {
      all.close();
      all = null;
    }
    child.close();
  }
}
