package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.RowComparator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Compiled sort keys: evaluates the key expressions of a batch and compares its rows. */
final class SortKeys {
  private final List<VectorEvaluator> keys;
  private final boolean[] descending;
  private final boolean[] nullsFirst;

  SortKeys(List<SortOrder> order, List<AttributeReference> input) {
    List<dev.quiver.planner.expressions.Expression> exprs = new ArrayList<>();
    descending = new boolean[order.size()];
    nullsFirst = new boolean[order.size()];
    for (int i = 0; i < order.size(); i++) {
      SortOrder o = order.get(i);
      exprs.add(o.child());
      descending[i] = o.direction() == SortDirection.DESCENDING;
      nullsFirst[i] = o.nullOrdering() == NullOrdering.NULLS_FIRST;
    }
    this.keys = Operators.compile(exprs, input);
  }

  /** The key vectors of {@code batch}; the caller closes them. */
  List<FieldVector> evaluate(Batch batch, TaskContext ctx) {
    List<FieldVector> out = new ArrayList<>(keys.size());
    try {
      for (VectorEvaluator k : keys) {
        out.add(k.evaluate(batch, ctx.evalContext()));
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    return out;
  }

  RowComparator comparator(List<FieldVector> left, List<FieldVector> right) {
    return new RowComparator(left, right, descending, nullsFirst);
  }
}
