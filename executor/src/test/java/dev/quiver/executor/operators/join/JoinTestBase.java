package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/** Join test support: inputs as stream/build per build side, and a naive reference join to compare with. */
abstract class JoinTestBase extends OperatorTestBase {

  /**
   * Builds the join's build input from rows: shared broadcast batches with their shared hash tables (both
   * closed by the test), or an owned operator.
   */
  BuildInput buildInput(List<AttributeReference> schema, List<Object[]> rows, int rowsPerBatch, boolean broadcast) {
    if (!broadcast) {
      return BuildInput.of(source(schema, rowsPerBatch, rows));
    }
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += rowsPerBatch) {
      batches.add(track(batch(schema, rows.subList(i, Math.min(rows.size(), i + rowsPerBatch)))));
    }
    return BuildInput.broadcast(batches, track(new BroadcastHashTables(allocator)));
  }

  static List<String> asStrings(List<List<Object>> rows) {
    List<String> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  /** The rows a join must produce, computed the obvious way, as sorted strings. */
  static List<String> reference(JoinType type, List<Object[]> left, List<Object[]> right, int leftWidth,
      int rightWidth, BiPredicate<Object[], Object[]> matches) {
    List<String> out = new ArrayList<>();
    boolean[] rightMatched = new boolean[right.size()];
    for (Object[] l : left) {
      boolean any = false;
      for (int j = 0; j < right.size(); j++) {
        Object[] r = right.get(j);
        if (matches.test(l, r)) {
          any = true;
          rightMatched[j] = true;
          if (type != JoinType.LEFT_SEMI && type != JoinType.LEFT_ANTI) {
            out.add(concat(l, r).toString());
          }
        }
      }
      if ((type == JoinType.LEFT_SEMI && any) || (type == JoinType.LEFT_ANTI && !any)) {
        out.add(Arrays.asList(l).toString());
      }
      if (!any && (type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER)) {
        out.add(concat(l, new Object[rightWidth]).toString());
      }
    }
    if (type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER) {
      for (int j = 0; j < right.size(); j++) {
        if (!rightMatched[j]) {
          out.add(concat(new Object[leftWidth], right.get(j)).toString());
        }
      }
    }
    out.sort(null);
    return out;
  }

  static List<Object> concat(Object[] a, Object[] b) {
    List<Object> out = new ArrayList<>(Arrays.asList(a));
    out.addAll(Arrays.asList(b));
    return out;
  }

  /** The build sides a join type may use: either, for every type. */
  static List<BuildSide> buildSides(JoinType type) {
    return List.of(BuildSide.LEFT, BuildSide.RIGHT);
  }
}
