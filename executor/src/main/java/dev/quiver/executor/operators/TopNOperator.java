package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.keys.RowComparator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The first {@code limit} rows of its input in sort order, holding at most about 2 x limit rows: input is
 * buffered and, whenever the buffer exceeds its bound, sorted and cut back to the best {@code limit} rows.
 */
public final class TopNOperator implements Operator {
  private final Operator child;
  private final int limit;
  private final SortKeys keys;
  private final TaskContext ctx;
  private Batch kept;
  private boolean done;
  private int emitted;

  public TopNOperator(Operator child, int limit, List<SortOrder> order, List<AttributeReference> input,
      TaskContext ctx) {
    this.child = child;
    this.limit = limit;
    this.keys = new SortKeys(order, input);
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (!done) {
      consume();
      done = true;
    }
    if (kept == null || emitted >= kept.rowCount()) {
      return null;
    }
    int n = Math.min(ctx.batchSize(), kept.rowCount() - emitted);
    Batch out = Gather.slice(kept, emitted, n, ctx.allocator());
    emitted += n;
    return out;
  }

  private void consume() {
    if (limit == 0) {
      return;
    }
    List<Batch> pending = new ArrayList<>();
    int pendingRows = 0;
    try {
      Batch b;
      while ((b = child.next()) != null) {
        pending.add(b);
        pendingRows += b.rowCount();
        if (pendingRows >= Math.max(limit, ctx.batchSize()) * 2) {
          compact(pending);
          pendingRows = kept.rowCount();
        }
      }
      compact(pending);
    } finally {
      pending.forEach(Batch::close);
    }
  }

  /** Sorts kept + pending rows and keeps the best {@code limit} of them in {@code kept}. */
  private void compact(List<Batch> pending) {
    if (pending.isEmpty()) {
      return;
    }
    List<Batch> all = new ArrayList<>();
    if (kept != null) {
      all.add(kept);
    }
    all.addAll(pending);
    Batch merged = all.size() == 1 ? all.get(0) : Gather.concat(all, ctx.allocator());
    if (merged != kept) {
      if (kept != null) {
        kept.close();
      }
      for (Batch p : pending) {
        if (p != merged) {
          p.close();
        }
      }
    }
    pending.clear();
    kept = null;
    try (Batch m = merged) {
      int n = m.rowCount();
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      List<FieldVector> k = keys.evaluate(m, ctx);
      try {
        RowComparator cmp = keys.comparator(k, k);
        IntSorter.sort(order, 0, n, cmp::compare);
      } finally {
        k.forEach(FieldVector::close);
      }
      int keep = Math.min(limit, n);
      kept = Gather.gather(m, order, keep, ctx.allocator());
    }
  }

  @Override
  public void close() {
    if (kept != null) {
      kept.close();
      kept = null;
    }
    child.close();
  }
}
