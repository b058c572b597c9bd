package dev.quiver.executor.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.expressions.WindowFrame.FrameType;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.WindowExec;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class WindowOperatorTest extends OperatorTestBase {
  private static final long UP = WindowFrame.UNBOUNDED_PRECEDING;
  private static final long UF = WindowFrame.UNBOUNDED_FOLLOWING;

  private final AttributeReference p = attr("p", DataTypes.IntegerType);
  private final AttributeReference o = attr("o", DataTypes.IntegerType);
  private final AttributeReference v = attr("v", DataTypes.LongType);
  private final AttributeReference s = attr("s", DataTypes.StringType);
  private final List<AttributeReference> input = List.of(p, o, v, s);

  private WindowExec node(List<Expression> partition, List<SortOrder> order, Expression... functions) {
    List<Expression> named = new ArrayList<>();
    for (int i = 0; i < functions.length; i++) {
      named.add(new Alias(new WindowExpression(functions[i], partition, order, frames[i]), "w" + i));
    }
    return new WindowExec(named, partition, order, new LocalTableScanExec(input, List.of(), 1));
  }

  private WindowFrame[] frames = new WindowFrame[8];

  private List<List<Object>> run(WindowExec node, List<Object[]> rows, int rowsPerBatch, TaskContext ctx) {
    return collect(WindowOperator.create(node, source(input, rowsPerBatch, rows), input, ctx));
  }

  private static List<Object> col(List<List<Object>> rows, int c) {
    List<Object> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(r.get(c));
    }
    return out;
  }

  private static Object[] r(Integer p, Integer o, Long v, String s) {
    return new Object[] {p, o, v, s};
  }

  /** Two partitions (the first spanning batches), ties and null order keys. */
  private static final List<Object[]> ROWS = Arrays.asList(
      r(1, null, 5L, "e"), r(1, 1, 1L, "a"), r(1, 1, 2L, "b"), r(1, 2, null, null), r(1, 3, 4L, "d"),
      r(1, 3, 6L, "c"), r(1, 3, 7L, "g"), r(1, 9, 8L, "f"), r(2, 4, 10L, "x"), r(2, 5, 20L, "y"));

  @Test
  void rankingFunctionsWithTies() {
    List<Expression> part = List.of(p);
    List<SortOrder> order = List.of(SortOrder.asc(o));
    Arrays.fill(frames, WindowFrame.DEFAULT_ORDERED);
    WindowExec node = node(part, order, ScalarFunction.of("row_number"), ScalarFunction.of("rank"),
        ScalarFunction.of("dense_rank"), ScalarFunction.of("percent_rank"), ScalarFunction.of("ntile", Literal.of(3)));
    for (int rowsPerBatch : List.of(1, 3, 100)) {
      List<List<Object>> out = run(node, ROWS, rowsPerBatch, ctx(1024));
      assertEquals(ROWS.size(), out.size());
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 1, 2), col(out, 4));
      assertEquals(List.of(1, 2, 2, 4, 5, 5, 5, 8, 1, 2), col(out, 5));
      assertEquals(List.of(1, 2, 2, 3, 4, 4, 4, 5, 1, 2), col(out, 6));
      assertEquals(List.of(0.0, 1 / 7.0, 1 / 7.0, 3 / 7.0, 4 / 7.0, 4 / 7.0, 4 / 7.0, 1.0, 0.0, 1.0), col(out, 7));
      // 8 rows in 3 buckets: 3, 3, 2; 2 rows in 3 buckets: 1, 1.
      assertEquals(List.of(1, 1, 1, 2, 2, 2, 3, 3, 1, 2), col(out, 8));
      // Input columns pass through unchanged.
      assertEquals(Arrays.asList(ROWS.get(3)), out.get(3).subList(0, 4));
    }
  }

  @Test
  void runningSumIncludesPeersWithTheDefaultRangeFrame() {
    Arrays.fill(frames, WindowFrame.DEFAULT_ORDERED);
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), AggregateCall.of(AggregateFunction.SUM, v),
        new AggregateCall(AggregateFunction.COUNT, List.of(Literal.of(1)), false, false),
        AggregateCall.of(AggregateFunction.MAX, s));
    List<List<Object>> out = run(node, ROWS, 4, ctx(1024));
    assertEquals(Arrays.asList(5L, 8L, 8L, 8L, 25L, 25L, 25L, 33L, 10L, 30L), col(out, 4));
    assertEquals(List.of(1L, 3L, 3L, 4L, 7L, 7L, 7L, 8L, 1L, 2L), col(out, 5));
    assertEquals(List.of("e", "e", "e", "e", "g", "g", "g", "g", "x", "y"), col(out, 6));
  }

  @Test
  void unorderedWindowsSeeTheWholePartition() {
    Arrays.fill(frames, WindowFrame.WHOLE_PARTITION);
    WindowExec node = node(List.of(p), List.of(), AggregateCall.of(AggregateFunction.SUM, v),
        AggregateCall.of(AggregateFunction.AVG, v), AggregateCall.of(AggregateFunction.MIN, s));
    List<List<Object>> out = run(node, ROWS, 3, ctx(1024));
    assertEquals(List.of(33L, 33L, 33L, 33L, 33L, 33L, 33L, 33L, 30L, 30L), col(out, 4));
    assertEquals(33.0 / 7, (Double) out.get(0).get(5), 1e-12);
    assertEquals("a", out.get(7).get(6));
    // No partition keys at all: one partition for the whole input.
    WindowExec global = node(List.of(), List.of(), AggregateCall.of(AggregateFunction.SUM, v));
    assertEquals(List.of(63L), col(run(global, ROWS, 3, ctx(1024)), 4).subList(9, 10));
  }

  @Test
  void framesMatchTheDefinitionOnRandomData() {
    Random rnd = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(r(rnd.nextInt(5) == 0 ? null : rnd.nextInt(6), rnd.nextInt(10) == 0 ? null : rnd.nextInt(30),
          rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(100) - 50, rnd.nextInt(6) == 0 ? null : "s" + rnd.nextInt(50)));
    }
    List<WindowFrame> testFrames = List.of(
        new WindowFrame(FrameType.ROWS, -2, 1), new WindowFrame(FrameType.ROWS, UP, -1),
        new WindowFrame(FrameType.ROWS, 0, UF), new WindowFrame(FrameType.ROWS, 1, 3),
        new WindowFrame(FrameType.ROWS, -3, -1), new WindowFrame(FrameType.ROWS, UP, 2),
        new WindowFrame(FrameType.RANGE, UP, 0), new WindowFrame(FrameType.RANGE, 0, UF),
        new WindowFrame(FrameType.RANGE, 0, 0), new WindowFrame(FrameType.RANGE, -5, 3),
        new WindowFrame(FrameType.RANGE, UP, 4), new WindowFrame(FrameType.RANGE, -2, UF),
        new WindowFrame(FrameType.RANGE, 2, 6), new WindowFrame(FrameType.RANGE, -6, -2));
    List<AggregateCall> calls = List.of(
        AggregateCall.of(AggregateFunction.SUM, v), AggregateCall.of(AggregateFunction.COUNT, v),
        AggregateCall.of(AggregateFunction.AVG, v), AggregateCall.of(AggregateFunction.MIN, v),
        AggregateCall.of(AggregateFunction.MAX, s), AggregateCall.of(AggregateFunction.FIRST, s),
        new AggregateCall(AggregateFunction.LAST, List.of(v), false, true),
        new AggregateCall(AggregateFunction.FIRST, List.of(s), false, true));
    for (boolean descending : List.of(false, true)) {
      SortOrder order = descending ? new SortOrder(o, SortDirection.DESCENDING, NullOrdering.NULLS_LAST)
          : SortOrder.asc(o);
      List<Object[]> sorted = new ArrayList<>(rows);
      Comparator<Integer> oOrder = descending ? Comparator.nullsLast(Comparator.<Integer>reverseOrder())
          : Comparator.nullsFirst(Comparator.<Integer>naturalOrder());
      sorted.sort(Comparator.comparing((Object[] x) -> (Integer) x[0], Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(x -> (Integer) x[1], oOrder));
      for (WindowFrame frame : testFrames) {
        Arrays.fill(frames, frame);
        WindowExec node = node(List.of(p), List.of(order), calls.toArray(new Expression[0]));
        List<List<Object>> out = run(node, sorted, 37, ctx(1024));
        for (int c = 0; c < calls.size(); c++) {
          List<Object> expected = Reference.frames(sorted, frame, descending, calls.get(c));
          List<Object> actual = col(out, 4 + c);
          for (int i = 0; i < expected.size(); i++) {
            Object e = expected.get(i);
            Object a = actual.get(i);
            String what = calls.get(c).sql() + " over " + frame + (descending ? " desc" : "") + " row " + i;
            if (e instanceof Double x) {
              assertEquals(x, (Double) a, 1e-9, what);
            } else {
              assertEquals(e, a, what);
            }
          }
        }
      }
    }
  }

  @Test
  void largePartitionSpanningManyBatches() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      rows.add(r(i < 30_000 ? 1 : 2, i, (long) i, null));
    }
    Arrays.fill(frames, new WindowFrame(FrameType.ROWS, -100, 100));
    frames[1] = WindowFrame.DEFAULT_ORDERED;
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), AggregateCall.of(AggregateFunction.SUM, v),
        AggregateCall.of(AggregateFunction.SUM, v));
    List<List<Object>> out = run(node, rows, 4096, ctx(4096));
    assertEquals(50_000, out.size());
    long running = 0;
    for (int i = 0; i < 30_000; i++) {
      running += i;
      assertEquals(running, out.get(i).get(5));
      long lo = Math.max(0, i - 100);
      long hi = Math.min(29_999, i + 100);
      assertEquals((lo + hi) * (hi - lo + 1) / 2, out.get(i).get(4));
    }
    assertEquals(30_000L, out.get(30_000).get(5));
  }

  @Test
  void emptyInputGivesNoRows() {
    Arrays.fill(frames, WindowFrame.DEFAULT_ORDERED);
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), ScalarFunction.of("rank"));
    assertEquals(List.of(), run(node, List.of(), 10, ctx(10)));
  }

  @Test
  void ntileNeedsAPositiveBucketCount() {
    Arrays.fill(frames, WindowFrame.DEFAULT_ORDERED);
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), ScalarFunction.of("ntile", Literal.of(0)));
    SourceOperator src = source(input, 3, ROWS);
    QuiverException e = assertThrows(QuiverException.class, () -> WindowOperator.create(node, src, input, ctx(10)));
    assertTrue(e.getMessage().contains("ntile"), e.getMessage());
    assertTrue(src.isClosed());
  }

  @Test
  void runningOutOfMemoryNamesTheWindow() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      rows.add(r(1, i, (long) i, "a string that takes some room in memory " + i));
    }
    BufferAllocator task = track(allocator.newChildAllocator("task", 0, 2L * 1024 * 1024));
    Arrays.fill(frames, WindowFrame.DEFAULT_ORDERED);
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), AggregateCall.of(AggregateFunction.MAX, s));
    Operator op = track(WindowOperator.create(node, lazySource(input, 4096, rows, task), input,
        ctx(task, 4096, null)));
    QuiverException e = assertThrows(QuiverException.class, op::next);
    assertEquals("TASK_MEMORY_EXCEEDED", e.getErrorClass());
    assertTrue(e.getMessage().contains("Window (holding "), e.getMessage());
    op.close();
    assertEquals(0, task.getAllocatedMemory());
  }

  /** Window values computed from the definition, row by row. */
  static final class Reference {
    private Reference() {}

    static List<Object> frames(List<Object[]> rows, WindowFrame frame, boolean descending, AggregateCall call) {
      List<Object> out = new ArrayList<>();
      int start = 0;
      while (start < rows.size()) {
        int end = start;
        while (end < rows.size() && Objects.equals(rows.get(end)[0], rows.get(start)[0])) {
          end++;
        }
        List<Object[]> part = rows.subList(start, end);
        for (int i = 0; i < part.size(); i++) {
          List<Object[]> inFrame = new ArrayList<>();
          for (int j = 0; j < part.size(); j++) {
            if (contains(part, frame, descending, i, j)) {
              inFrame.add(part.get(j));
            }
          }
          out.add(aggregate(call, inFrame));
        }
        start = end;
      }
      return out;
    }

    private static boolean contains(List<Object[]> part, WindowFrame f, boolean desc, int i, int j) {
      if (f.type() == FrameType.ROWS) {
        return (f.lower() == UP || j >= i + f.lower()) && (f.upper() == UF || j <= i + f.upper());
      }
      Integer oi = (Integer) part.get(i)[1];
      Integer oj = (Integer) part.get(j)[1];
      return rangeBound(f.lower(), true, oi, oj, desc, part, i, j) && rangeBound(f.upper(), false, oi, oj, desc, part, i, j);
    }

    private static boolean rangeBound(long b, boolean lower, Integer oi, Integer oj, boolean desc, List<Object[]> part,
        int i, int j) {
      if (b == UP || b == UF) {
        return true;
      }
      // Current row, a null value of the current row, or a null value of the other row (which sorts
      // before or after every value): the bound is the current row's position among its peers.
      if (b == 0 || oi == null || oj == null) {
        int c = position(part, j) - position(part, i);
        return lower ? c >= 0 : c <= 0;
      }
      long bound = desc ? (long) oi - b : (long) oi + b;
      if (lower) {
        return desc ? oj <= bound : oj >= bound;
      }
      return desc ? oj >= bound : oj <= bound;
    }

    /** Index of the first row of j's peer group. */
    private static int position(List<Object[]> part, int j) {
      int k = j;
      while (k > 0 && Objects.equals(part.get(k - 1)[1], part.get(j)[1])) {
        k--;
      }
      return k;
    }

    private static Object aggregate(AggregateCall call, List<Object[]> rows) {
      int c = ((AttributeReference) call.args().get(0)).name().equals("v") ? 2 : 3;
      List<Object> values = new ArrayList<>();
      for (Object[] r : rows) {
        values.add(r[c]);
      }
      List<Object> nonNull = values.stream().filter(Objects::nonNull).toList();
      switch (call.function()) {
        case COUNT:
          return (long) nonNull.size();
        case SUM:
          return nonNull.isEmpty() ? null : nonNull.stream().mapToLong(x -> (Long) x).sum();
        case AVG:
          return nonNull.isEmpty() ? null : nonNull.stream().mapToLong(x -> (Long) x).average().getAsDouble();
        case MIN:
          return nonNull.stream().map(x -> (Long) x).min(Comparator.naturalOrder()).orElse(null);
        case MAX:
          return nonNull.stream().map(x -> (String) x).max(Comparator.naturalOrder()).orElse(null);
        case FIRST:
          if (call.ignoreNulls()) {
            return nonNull.isEmpty() ? null : nonNull.get(0);
          }
          return values.isEmpty() ? null : values.get(0);
        case LAST:
          if (call.ignoreNulls()) {
            return nonNull.isEmpty() ? null : nonNull.get(nonNull.size() - 1);
          }
          return values.isEmpty() ? null : values.get(values.size() - 1);
        default:
          throw new IllegalArgumentException(call.sql());
      }
    }
  }
}
