package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.task.TaskContext;

/** The first {@code limit} rows; stops pulling from its input once it has them. */
public final class LimitOperator implements Operator {
  private final Operator child;
  private final TaskContext ctx;
  private long remaining;

  public LimitOperator(Operator child, long limit, TaskContext ctx) {
    this.child = child;
    this.remaining = limit;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (remaining <= 0) {
      return null;
    }
    Batch in = child.next();
    if (in == null) {
      return null;
    }
    if (in.rowCount() <= remaining) {
      remaining -= in.rowCount();
      return in;
    }
    try (in) {
      int take = (int) remaining;
      remaining = 0;
      return Gather.slice(in, 0, take, ctx.allocator());
    }
  }

  @Override
  public void close() {
    child.close();
  }
}
