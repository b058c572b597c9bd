package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.task.TaskContext;
import java.util.List;

/** Reads shared broadcast batches as an ordinary input: hands out zero-copy slices the caller may close. */
public final class BroadcastScanOperator implements Operator {
  private final List<Batch> shared;
  private final TaskContext ctx;
  private int index;

  public BroadcastScanOperator(List<Batch> shared, TaskContext ctx) {
    this.shared = shared;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    while (index < shared.size()) {
      Batch b = shared.get(index++);
      if (b.rowCount() > 0) {
        return Gather.slice(b, 0, b.rowCount(), ctx.allocator());
      }
    }
    return null;
  }

  @Override
  public void close() {
    index = shared.size();
  }
}
