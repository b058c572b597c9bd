package dev.quiver.executor.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * lag, lead, nth_value and cume_dist, and the aggregates added for Spark parity over window frames (whole
 * partition, running, and sliding frames through the segment tree), against values computed from the
 * definitions row by row.
 */
class SparkWindowFunctionsTest extends OperatorTestBase {
  private static final long UP = WindowFrame.UNBOUNDED_PRECEDING;
  private static final long UF = WindowFrame.UNBOUNDED_FOLLOWING;

  private final AttributeReference p = attr("p", DataTypes.IntegerType);
  private final AttributeReference o = attr("o", DataTypes.IntegerType);
  private final AttributeReference v = attr("v", DataTypes.LongType);
  private final AttributeReference s = attr("s", DataTypes.StringType);
  private final List<AttributeReference> input = List.of(p, o, v, s);

  private static Object[] r(Integer p, Integer o, Long v, String s) {
    return new Object[] {p, o, v, s};
  }

  /** Two partitions (the first spanning batches), ties and null order keys, null values. */
  private static final List<Object[]> ROWS = Arrays.asList(
      r(1, null, 5L, "e"), r(1, 1, 1L, "a"), r(1, 1, null, "b"), r(1, 2, 3L, null), r(1, 3, 4L, "d"),
      r(1, 3, 6L, "c"), r(2, 4, 10L, "x"), r(2, 5, null, "y"));

  private WindowExec node(List<Expression> partition, List<SortOrder> order, WindowFrame frame,
      Expression... functions) {
    List<Expression> named = new ArrayList<>();
    for (int i = 0; i < functions.length; i++) {
      named.add(new Alias(new WindowExpression(functions[i], partition, order, frame), "w" + i));
    }
    return new WindowExec(named, partition, order, new LocalTableScanExec(input, List.of(), 1));
  }

  private List<List<Object>> run(WindowExec node, List<Object[]> rows, int rowsPerBatch, TaskContext ctx) {
    return collect(WindowOperator.create(node, source(input, rowsPerBatch, rows), input, ctx));
  }

  private static List<Object> col(List<List<Object>> rows, int c) {
    List<Object> out = new ArrayList<>();
    for (List<Object> row : rows) {
      out.add(row.get(c));
    }
    return out;
  }

  @Test
  void lagAndLeadReadOtherRowsOfThePartitionAndIgnoreTheFrame() {
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), WindowFrame.DEFAULT_ORDERED,
        ScalarFunction.of("lag", v), ScalarFunction.of("lead", v), ScalarFunction.of("lag", s, Literal.of(2),
            Literal.of("none")), ScalarFunction.of("lead", v, Literal.of(2), v), ScalarFunction.of("lag", v,
            Literal.of(0)), ScalarFunction.of("lag", s, Literal.of(-1)), ScalarFunction.of("lead", s, Literal.of(100),
            Literal.of("far")));
    for (int rowsPerBatch : List.of(1, 3, 100)) {
      List<List<Object>> out = run(node, ROWS, rowsPerBatch, ctx(1024));
      assertEquals(Arrays.asList(null, 5L, 1L, null, 3L, 4L, null, 10L), col(out, 4));
      // A null value at the offset row stays null; the default only replaces rows outside the partition.
      assertEquals(Arrays.asList(1L, null, 3L, 4L, 6L, null, null, null), col(out, 5));
      assertEquals(Arrays.asList("none", "none", "e", "a", "b", null, "none", "none"), col(out, 6));
      // The default is evaluated on the current row.
      assertEquals(Arrays.asList(null, 3L, 4L, 6L, 4L, 6L, 10L, null), col(out, 7));
      assertEquals(Arrays.asList(5L, 1L, null, 3L, 4L, 6L, 10L, null), col(out, 8));
      assertEquals(Arrays.asList("a", "b", null, "d", "c", null, "y", null), col(out, 9));
      assertEquals(Arrays.asList("far", "far", "far", "far", "far", "far", "far", "far"), col(out, 10));
    }
  }

  @Test
  void nthValueReadsTheFrameOptionallySkippingNulls() {
    WindowFrame sliding = new WindowFrame(FrameType.ROWS, -1, 1);
    List<Expression> part = List.of(p);
    List<SortOrder> order = List.of(SortOrder.asc(o));
    List<List<Object>> running = run(node(part, order, WindowFrame.DEFAULT_ORDERED,
        ScalarFunction.of("nth_value", v, Literal.of(2)), ScalarFunction.of("nth_value", v, Literal.of(2),
            Literal.of(true)), ScalarFunction.of("nth_value", s, Literal.of(1))), ROWS, 3, ctx(16));
    // Running frames with peers: row 1 and 2 (o = 1) both see rows 0..2.
    assertEquals(Arrays.asList(null, 1L, 1L, 1L, 1L, 1L, null, null), col(running, 4));
    assertEquals(Arrays.asList(null, 1L, 1L, 1L, 1L, 1L, null, null), col(running, 5));
    assertEquals(Arrays.asList("e", "e", "e", "e", "e", "e", "x", "x"), col(running, 6));
    List<List<Object>> slid = run(node(part, order, sliding, ScalarFunction.of("nth_value", v, Literal.of(2)),
        ScalarFunction.of("nth_value", v, Literal.of(2), Literal.of(true))), ROWS, 2, ctx(16));
    assertEquals(Arrays.asList(1L, 1L, null, 3L, 4L, 6L, null, null), col(slid, 4));
    assertEquals(Arrays.asList(1L, 1L, 3L, 4L, 4L, 6L, null, null), col(slid, 5));
  }

  @Test
  void cumeDistCountsRowsUpToTheLastPeer() {
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), WindowFrame.DEFAULT_ORDERED,
        ScalarFunction.of("cume_dist"));
    List<List<Object>> out = run(node, ROWS, 4, ctx(16));
    assertEquals(Arrays.asList(1 / 6.0, 3 / 6.0, 3 / 6.0, 4 / 6.0, 1.0, 1.0, 0.5, 1.0), col(out, 4));
  }

  @Test
  void offsetsMustBeUsableConstants() {
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), WindowFrame.DEFAULT_ORDERED,
        ScalarFunction.of("nth_value", v, Literal.of(0)));
    SourceOperator src = source(input, 3, ROWS);
    QuiverException e = assertThrows(QuiverException.class, () -> WindowOperator.create(node, src, input, ctx(10)));
    assertTrue(e.getMessage().contains("nth_value"), e.getMessage());
    assertTrue(src.isClosed());
    WindowExec nonConstant = node(List.of(p), List.of(SortOrder.asc(o)), WindowFrame.DEFAULT_ORDERED,
        ScalarFunction.of("lag", v, o));
    SourceOperator src2 = source(input, 3, ROWS);
    e = assertThrows(QuiverException.class, () -> WindowOperator.create(nonConstant, src2, input, ctx(10)));
    assertTrue(e.getMessage().contains("`offset` in `lag`"), e.getMessage());
  }

  private List<AggregateCall> frameCalls() {
    Expression positive = new Comparison(ComparisonOp.GT, v, Literal.of(0L));
    return List.of(
        AggregateCall.of(AggregateFunction.COLLECT_LIST, v), AggregateCall.of(AggregateFunction.COLLECT_SET, s),
        AggregateCall.of(AggregateFunction.APPROX_COUNT_DISTINCT, s), AggregateCall.of(AggregateFunction.MAX_BY, s, v),
        AggregateCall.of(AggregateFunction.MIN_BY, v, s), AggregateCall.of(AggregateFunction.CORR, v, o),
        AggregateCall.of(AggregateFunction.COVAR_POP, v, o), AggregateCall.of(AggregateFunction.VAR_POP, v),
        AggregateCall.of(AggregateFunction.COUNT_IF, positive), AggregateCall.of(AggregateFunction.BOOL_AND, positive),
        AggregateCall.of(AggregateFunction.BOOL_OR, positive), AggregateCall.of(AggregateFunction.ANY_VALUE, s),
        AggregateCall.of(AggregateFunction.LAST_VALUE, s));
  }

  /** The value of frameCalls().get(c) over {@code rows}, from the definitions. */
  private static Object reference(int c, List<Object[]> rows) {
    List<Object> vs = new ArrayList<>();
    LinkedHashSet<Object> ss = new LinkedHashSet<>();
    Object maxBy = null;
    Long maxOrd = null;
    Object minBy = null;
    String minOrd = null;
    List<double[]> pairs = new ArrayList<>();
    long countIf = 0;
    Boolean and = null;
    Boolean or = null;
    for (Object[] row : rows) {
      Long val = (Long) row[2];
      String str = (String) row[3];
      if (val != null) {
        vs.add(val);
        if (maxOrd == null || val > maxOrd) {
          maxOrd = val;
          maxBy = str;
        }
        if (row[1] != null) {
          pairs.add(new double[] {val, (Integer) row[1]});
        }
        countIf += val > 0 ? 1 : 0;
        and = and == null ? val > 0 : and && val > 0;
        or = or == null ? val > 0 : or || val > 0;
      }
      if (str != null) {
        ss.add(str);
        if (minOrd == null || str.compareTo(minOrd) < 0) {
          minOrd = str;
          minBy = val;
        }
      }
    }
    switch (c) {
      case 0:
        return vs;
      case 1:
        return sorted(new ArrayList<>(ss));
      case 2:
        return (long) ss.size();
      case 3:
        return maxBy;
      case 4:
        return minBy;
      case 5: {
        if (pairs.size() < 2) {
          return null;
        }
        double sxy = comoment(pairs, 0, 1);
        double den = Math.sqrt(comoment(pairs, 0, 0) * comoment(pairs, 1, 1));
        return den == 0 ? null : sxy / den;
      }
      case 6:
        return pairs.isEmpty() ? null : comoment(pairs, 0, 1) / pairs.size();
      case 7: {
        List<double[]> single = new ArrayList<>();
        for (Object x : vs) {
          single.add(new double[] {(Long) x});
        }
        return single.isEmpty() ? null : comoment(single, 0, 0) / single.size();
      }
      case 8:
        return countIf;
      case 9:
        return and;
      case 10:
        return or;
      case 11:
        return rows.isEmpty() ? null : rows.get(0)[3];
      default:
        return rows.isEmpty() ? null : rows.get(rows.size() - 1)[3];
    }
  }

  private static double comoment(List<double[]> pairs, int a, int b) {
    double ma = 0;
    double mb = 0;
    for (double[] x : pairs) {
      ma += x[a];
      mb += x[b];
    }
    ma /= pairs.size();
    mb /= pairs.size();
    double sum = 0;
    for (double[] x : pairs) {
      sum += (x[a] - ma) * (x[b] - mb);
    }
    return sum;
  }

  private static List<Object> sorted(List<?> values) {
    List<Object> out = new ArrayList<>(values);
    out.sort(Comparator.comparing(String::valueOf));
    return out;
  }

  /** Whether row j of a partition lies in row i's frame (ROWS frames, or RANGE frames bounded by peers). */
  private static boolean inFrame(List<Object[]> part, WindowFrame f, int i, int j) {
    if (f.type() == FrameType.ROWS) {
      return (f.lower() == UP || j >= i + f.lower()) && (f.upper() == UF || j <= i + f.upper());
    }
    int pi = peerStart(part, i);
    int pj = peerStart(part, j);
    return (f.lower() == UP || pj >= pi) && (f.upper() == UF || pj <= pi);
  }

  private static int peerStart(List<Object[]> part, int j) {
    int k = j;
    while (k > 0 && Objects.equals(part.get(k - 1)[1], part.get(j)[1])) {
      k--;
    }
    return k;
  }

  @Test
  void newAggregatesOverEveryFrameShapeMatchTheDefinition() {
    Random rnd = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(r(rnd.nextInt(4), rnd.nextInt(10) == 0 ? null : rnd.nextInt(40),
          rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(20) - 5, rnd.nextInt(6) == 0 ? null : "s" + rnd.nextInt(9)));
    }
    rows.sort(Comparator.comparing((Object[] x) -> (Integer) x[0])
        .thenComparing(x -> (Integer) x[1], Comparator.nullsFirst(Comparator.<Integer>naturalOrder())));
    List<AggregateCall> calls = frameCalls();
    List<WindowFrame> frames = List.of(WindowFrame.WHOLE_PARTITION, WindowFrame.DEFAULT_ORDERED,
        new WindowFrame(FrameType.ROWS, UP, 0), new WindowFrame(FrameType.ROWS, -3, 2),
        new WindowFrame(FrameType.ROWS, 1, 4), new WindowFrame(FrameType.RANGE, 0, UF),
        new WindowFrame(FrameType.ROWS, -2, -1));
    for (WindowFrame frame : frames) {
      WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), frame, calls.toArray(new Expression[0]));
      List<List<Object>> out = run(node, rows, 29, ctx(64));
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
            if (inFrame(part, frame, i, j)) {
              inFrame.add(part.get(j));
            }
          }
          for (int c = 0; c < calls.size(); c++) {
            Object expected = reference(c, inFrame);
            Object actual = out.get(start + i).get(4 + c);
            if (c == 1) {
              actual = sorted((List<?>) actual);
            }
            String what = calls.get(c).sql() + " over " + frame + ", row " + (start + i);
            if (expected instanceof Double d) {
              assertEquals(d, (Double) actual, 1e-9 * Math.max(1, Math.abs(d)), what);
            } else {
              assertEquals(expected, actual, what);
            }
          }
        }
        start = end;
      }
    }
  }

  @Test
  void collectListOverManySmallPartitionsReusesItsMemory() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      rows.add(r(i / 3, i % 3, (long) i, "s" + (i % 2)));
    }
    WindowExec node = node(List.of(p), List.of(SortOrder.asc(o)), WindowFrame.DEFAULT_ORDERED,
        AggregateCall.of(AggregateFunction.COLLECT_LIST, v), AggregateCall.of(AggregateFunction.COLLECT_SET, s));
    List<List<Object>> out = run(node, rows, 1000, ctx(1000));
    assertEquals(30_000, out.size());
    assertEquals(List.of(29_997L, 29_998L, 29_999L), out.get(29_999).get(4));
    assertEquals(List.of(2997L), out.get(2997).get(4));
    assertEquals(2, ((List<?>) out.get(29_999).get(5)).size());
  }
}
