package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Keeps the rows where the condition is true (not false, not null); batches that keep everything pass through.
 *
 * <p>The condition's conjuncts are evaluated in order, each only on the rows every earlier one kept, as
 * Spark's generated filter code does: a selective first conjunct ({@code l_shipmode IN (...)}) spares the
 * later ones most rows, and a conjunct that could raise an ANSI error never sees a row an earlier one dropped.
 */
public final class FilterOperator implements Operator {
  private final Operator child;
  private final VectorEvaluator first;
  private final List<LazyChild> rest;
  private final TaskContext ctx;
  private int[] selection = new int[0];
  /** The rows kept so far, 64 a word: validity and value bits ANDed word by word, not a call per row. */
  private long[] kept = new long[0];
  private long[] scratch = new long[0];

  public FilterOperator(Operator child, VectorEvaluator first, List<LazyChild> rest, TaskContext ctx) {
    this.child = child;
    this.first = first;
    this.rest = List.copyOf(rest);
    this.ctx = ctx;
  }

  /** A filter on {@code condition} over rows of {@code input}, its conjuncts compiled once for the task. */
  public static FilterOperator of(Operator child, Expression condition, List<AttributeReference> input,
      TaskContext ctx) {
    List<Expression> conjuncts = Expressions.splitConjuncts(condition);
    VectorEvaluator first = Operators.compile(conjuncts.get(0), input);
    List<LazyChild> rest = new ArrayList<>();
    for (Expression c : conjuncts.subList(1, conjuncts.size())) {
      rest.add(Operators.compileLazy(c, input));
    }
    return new FilterOperator(child, first, rest, ctx);
  }

  @Override
  public Batch next() {
    while (true) {
      Batch in = child.next();
      if (in == null) {
        return null;
      }
      int n = in.rowCount();
      int count;
      try {
        count = select(in, n);
      } catch (RuntimeException e) {
        in.close();
        throw e;
      }
      if (count == n) {
        return in;
      }
      try (in) {
        if (count > 0) {
          Bits.indices(kept, n, selection);
          return Gather.gather(in, selection, count, ctx.allocator());
        }
      }
    }
  }

  /** Loads the rows every conjunct keeps into {@code kept}; returns how many. */
  private int select(Batch in, int n) {
    int words = Bits.words(n);
    if (kept.length < words) {
      kept = new long[Math.max(words, kept.length * 2)];
      scratch = new long[kept.length];
    }
    if (selection.length < n) {
      selection = new int[Math.max(n, selection.length * 2)];
    }
    try (BitVector mask = (BitVector) first.evaluate(in, ctx.evalContext())) {
      loadTrue(mask, n, kept);
    }
    int count = Bits.count(kept, n);
    for (int c = 0; c < rest.size() && count > 0; c++) {
      LazyChild conjunct = rest.get(c);
      if (count == n) {
        try (FieldVector mask = conjunct.all(in, ctx.evalContext())) {
          loadTrue((BitVector) mask, n, kept);
        }
      } else {
        Bits.indices(kept, n, selection);
        try (LazyChild.Partial p = conjunct.onSelected(in, ctx.evalContext(), selection, count)) {
          keepWhereTrue((BitVector) p.vector(), p, count);
        }
      }
      count = Bits.count(kept, n);
    }
    return count;
  }

  /** {@code out} := the rows where {@code mask} is true. */
  private void loadTrue(BitVector mask, int n, long[] out) {
    Bits.load(mask.getValidityBufferAddress(), n, out);
    Bits.load(mask.getDataBufferAddress(), n, scratch);
    for (int w = 0, words = Bits.words(n); w < words; w++) {
      out[w] &= scratch[w];
    }
  }

  /** Clears in {@code kept} the selected rows {@code selection[0..count)} where {@code mask} is not true. */
  private void keepWhereTrue(BitVector mask, LazyChild.Partial p, int count) {
    long valid = mask.getValidityBufferAddress();
    long value = mask.getDataBufferAddress();
    for (int j = 0; j < count; j++) {
      int r = p.row(j, selection);
      if (!(Bits.get(valid, r) && Bits.get(value, r))) {
        int row = selection[j];
        kept[row >>> 6] &= ~(1L << row);
      }
    }
  }

  @Override
  public void close() {
    Operators.closeAll(List.of(first, child));
    rest.forEach(LazyChild::close);
  }
}
