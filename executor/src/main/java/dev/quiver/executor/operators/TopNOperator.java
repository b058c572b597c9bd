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
 * The first {@code limit} rows of its input in sort order. Once it holds {@code limit} rows, each new row is
 * compared with the worst of them and dropped unless it is better, so most rows cost one comparison;
 * surviving rows are buffered and, when the buffer grows past its bound, sorted together with the kept rows
 * and cut back to the best {@code limit}.
 */
public final class TopNOperator implements Operator {
  private final Operator child;
  private final int limit;
  private final SortKeys keys;
  private final TaskContext ctx;
  private Batch kept;
  private List<FieldVector> keptKeys;
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
        b = betterThanKept(b);
        if (b == null) {
          continue;
        }
        pending.add(b);
        pendingRows += b.rowCount();
        // In long arithmetic: a limit near Integer.MAX_VALUE must not make the bound negative (which would sort
        // everything kept again after every batch).
        if (pendingRows >= 2L * Math.max(limit, ctx.batchSize())) {
          compact(pending);
          pendingRows = kept.rowCount();
        }
      }
      compact(pending);
    } finally {
      pending.forEach(Batch::close);
    }
  }

  /** The rows of {@code b} that beat the worst kept row (all of them while fewer than limit are kept). */
  private Batch betterThanKept(Batch b) {
    if (kept == null || kept.rowCount() < limit) {
      return b;
    }
    int worst = kept.rowCount() - 1;
    int[] better = new int[b.rowCount()];
    int n = 0;
    List<FieldVector> k = keys.evaluate(b, ctx);
    try {
      RowComparator cmp = keys.comparator(k, keptKeys);
      for (int i = 0; i < b.rowCount(); i++) {
        if (cmp.compare(i, worst) < 0) {
          better[n++] = i;
        }
      }
    } finally {
      k.forEach(FieldVector::close);
    }
    try (b) {
      return n == 0 ? null : n == b.rowCount() ? Gather.slice(b, 0, n, ctx.allocator())
          : Gather.gather(b, better, n, ctx.allocator());
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
    closeKeptKeys();
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
      keptKeys = keys.evaluate(kept, ctx);
    }
  }

  private void closeKeptKeys() {
    if (keptKeys != null) {
      keptKeys.forEach(FieldVector::close);
      keptKeys = null;
    }
  }

  @Override
  public void close() {
    closeKeptKeys();
    if (kept != null) {
      kept.close();
      kept = null;
    }
    child.close();
  }
}
