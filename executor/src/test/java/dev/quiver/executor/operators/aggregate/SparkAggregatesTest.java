package dev.quiver.executor.operators.aggregate;

import static dev.quiver.executor.operators.aggregate.HashAggregateOperatorTest.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The aggregates added for Spark parity (collections, exact distinct count, population moments, co-moments,
 * count_if, boolean aggregates, max_by/min_by, any_value and first/last over nested types): COMPLETE and
 * PARTIAL -> FINAL against a plain Java reference on random data with nulls, empty input, DISTINCT, and
 * values of string and nested types.
 */
class SparkAggregatesTest extends OperatorTestBase {
  private final AttributeReference g = attr("g", DataTypes.IntegerType);
  private final AttributeReference x = attr("x", DataTypes.IntegerType);
  private final AttributeReference y = attr("y", DataTypes.DoubleType);
  private final AttributeReference b = attr("b", DataTypes.BooleanType);
  private final AttributeReference s = attr("s", DataTypes.StringType);
  private final AttributeReference o = attr("o", DataTypes.DoubleType);
  private final AttributeReference arr = attr("arr", new ArrayType(DataTypes.IntegerType, true));
  private final List<AttributeReference> in = List.of(g, x, y, b, s, o, arr);

  private static AggregateCall call(AggregateFunction f, Expression... args) {
    return new AggregateCall(f, List.of(args), false, false);
  }

  private List<List<Object>> complete(AggregatePlan p, List<Object[]> rows, int rowsPerBatch) {
    return sorted(collect(HashAggregateOperator.create(p.complete(), source(in, rowsPerBatch, rows), p.input,
        ctx(64))));
  }

  /** PARTIAL over each slice of rows, then FINAL over all partial outputs in order. */
  private List<List<Object>> twoPhase(AggregatePlan p, List<List<Object[]>> slices, int rowsPerBatch) {
    HashAggregateExec partialNode = p.partial();
    List<Batch> partials = new ArrayList<>();
    for (List<Object[]> slice : slices) {
      Operator partial = track(HashAggregateOperator.create(partialNode, source(in, rowsPerBatch, slice), p.input,
          ctx(64)));
      Batch next;
      while ((next = partial.next()) != null) {
        partials.add(track(next));
      }
      partial.close();
    }
    SourceOperator shuffled = track(new SourceOperator(partials));
    return sorted(collect(HashAggregateOperator.create(p.finalAgg(), shuffled, partialNode.output(), ctx(64))));
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing((List<Object> r) -> r.get(0) == null ? Integer.MIN_VALUE : (Integer) r.get(0)));
    return out;
  }

  private static Object[] r(Integer g, Integer x, Double y, Boolean b, String s, Double o, List<Integer> arr) {
    return new Object[] {g, x, y, b, s, o, arr};
  }

  private List<Object[]> randomRows(int n, long seed) {
    Random rnd = new Random(seed);
    List<Double> orderings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      orderings.add((double) i);
    }
    java.util.Collections.shuffle(orderings, rnd);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(r(rnd.nextInt(20) == 0 ? null : rnd.nextInt(60),
          rnd.nextInt(6) == 0 ? null : rnd.nextInt(30) - 15,
          rnd.nextInt(6) == 0 ? null : rnd.nextGaussian() * 10 + rnd.nextInt(3),
          rnd.nextInt(5) == 0 ? null : rnd.nextInt(4) != 0,
          rnd.nextInt(7) == 0 ? null : "s" + rnd.nextInt(12),
          rnd.nextInt(8) == 0 ? null : orderings.get(i),
          rnd.nextInt(9) == 0 ? null : Arrays.asList(rnd.nextInt(3), rnd.nextInt(5) == 0 ? null : rnd.nextInt(3))));
    }
    return rows;
  }

  private List<AggregateCall> calls() {
    return List.of(
        call(AggregateFunction.COLLECT_LIST, x), call(AggregateFunction.COLLECT_SET, s),
        call(AggregateFunction.APPROX_COUNT_DISTINCT, s), call(AggregateFunction.STDDEV_POP, y),
        call(AggregateFunction.VAR_POP, y), call(AggregateFunction.CORR, y, o), call(AggregateFunction.COVAR_SAMP, y, o),
        call(AggregateFunction.COVAR_POP, y, o), call(AggregateFunction.COUNT_IF, b),
        call(AggregateFunction.BOOL_AND, b), call(AggregateFunction.BOOL_OR, b), call(AggregateFunction.MAX_BY, s, o),
        call(AggregateFunction.MIN_BY, x, o), call(AggregateFunction.MAX_BY, arr, o),
        call(AggregateFunction.COLLECT_SET, arr), new AggregateCall(AggregateFunction.ANY_VALUE, List.of(arr), false,
            true), call(AggregateFunction.EVERY, b), call(AggregateFunction.ARRAY_AGG, s));
  }

  /** What each call of {@link #calls()} gives for one group's rows, computed plainly. */
  private static List<Object> reference(Integer key, List<Object[]> rows) {
    List<Object> xs = new ArrayList<>();
    LinkedHashSet<Object> sSet = new LinkedHashSet<>();
    List<Object> sList = new ArrayList<>();
    LinkedHashSet<Object> arrSet = new LinkedHashSet<>();
    List<Double> ys = new ArrayList<>();
    List<double[]> pairs = new ArrayList<>();
    long countIf = 0;
    Boolean and = null;
    Boolean or = null;
    Object[] maxRow = null;
    Object[] minRow = null;
    Object anyArr = null;
    for (Object[] row : rows) {
      if (row[1] != null) {
        xs.add(row[1]);
      }
      if (row[2] != null) {
        ys.add((Double) row[2]);
      }
      if (row[2] != null && row[5] != null) {
        pairs.add(new double[] {(Double) row[2], (Double) row[5]});
      }
      if (row[3] != null) {
        boolean v = (Boolean) row[3];
        countIf += v ? 1 : 0;
        and = and == null ? v : and && v;
        or = or == null ? v : or || v;
      }
      if (row[4] != null) {
        sSet.add(row[4]);
        sList.add(row[4]);
      }
      if (row[6] != null) {
        arrSet.add(row[6]);
        if (anyArr == null) {
          anyArr = row[6];
        }
      }
      if (row[5] != null) {
        double ord = (Double) row[5];
        if (maxRow == null || ord > (Double) maxRow[5]) {
          maxRow = row;
        }
        if (minRow == null || ord < (Double) minRow[5]) {
          minRow = row;
        }
      }
    }
    List<Object> out = new ArrayList<>();
    out.add(key);
    out.add(xs);
    out.add(sortedStrings(new ArrayList<>(sSet)));
    out.add((long) sSet.size());
    Double varPop = ys.isEmpty() ? null : moment(ys, ys) / ys.size();
    out.add(varPop == null ? null : Math.sqrt(varPop));
    out.add(varPop);
    List<Double> px = new ArrayList<>();
    List<Double> py = new ArrayList<>();
    for (double[] p : pairs) {
      px.add(p[0]);
      py.add(p[1]);
    }
    int n = pairs.size();
    out.add(n < 2 ? null : moment(px, py) / Math.sqrt(moment(px, px) * moment(py, py)));
    out.add(n < 2 ? null : moment(px, py) / (n - 1));
    out.add(n < 1 ? null : moment(px, py) / n);
    out.add(countIf);
    out.add(and);
    out.add(or);
    out.add(maxRow == null ? null : maxRow[4]);
    out.add(minRow == null ? null : minRow[1]);
    out.add(maxRow == null ? null : maxRow[6]);
    out.add(sortedStrings(new ArrayList<>(arrSet)));
    out.add(anyArr);
    out.add(and);
    out.add(sList);
    return out;
  }

  private static double moment(List<Double> a, List<Double> b) {
    double ma = a.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double mb = b.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sum = 0;
    for (int i = 0; i < a.size(); i++) {
      sum += (a.get(i) - ma) * (b.get(i) - mb);
    }
    return sum;
  }

  private static List<Object> sortedStrings(List<?> values) {
    List<Object> out = new ArrayList<>(values);
    out.sort(Comparator.comparing(String::valueOf));
    return out;
  }

  /** Sets come in no particular order: columns 2 and 15 are compared sorted. */
  private static List<Object> normalize(List<Object> row) {
    List<Object> out = new ArrayList<>(row);
    out.set(2, sortedStrings((List<?>) row.get(2)));
    out.set(15, sortedStrings((List<?>) row.get(15)));
    return out;
  }

  private static void assertSameRow(List<Object> expected, List<Object> actual, boolean ordered) {
    assertEquals(expected.size(), actual.size());
    for (int c = 0; c < expected.size(); c++) {
      Object e = expected.get(c);
      Object a = actual.get(c);
      if (!ordered && (c == 1 || c == 18)) {
        e = sortedStrings((List<?>) e);
        a = sortedStrings((List<?>) a);
      }
      if (e instanceof Double d && a instanceof Double f) {
        assertEquals(d, f, 1e-9 * Math.max(1, Math.abs(d)), "column " + c + " of group " + expected.get(0));
      } else if (c == 16) {
        // any_value(arr, ignoreNulls): some non-null value of the group when there is one.
        assertEquals(e == null, a == null, "column 16 of group " + expected.get(0));
      } else {
        assertEquals(e, a, "column " + c + " of group " + expected.get(0));
      }
    }
  }

  @Test
  void completeAndPartialFinalMatchAPlainReferenceOnRandomData() {
    List<Object[]> rows = randomRows(12_000, 7);
    AggregatePlan p = new AggregatePlan(in, List.of(g), calls());
    Map<Integer, List<Object[]>> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Object[] row : rows) {
      groups.computeIfAbsent((Integer) row[0], k -> new ArrayList<>()).add(row);
    }
    List<List<Object>> expected = new ArrayList<>();
    for (Map.Entry<Integer, List<Object[]>> e : groups.entrySet()) {
      expected.add(reference(e.getKey(), e.getValue()));
    }
    List<List<Object>> complete = complete(p, rows, 500);
    List<List<Object>> twoPhase = twoPhase(p, List.of(rows.subList(0, 3000), rows.subList(3000, 3001),
        rows.subList(3001, 12_000)), 700);
    assertEquals(expected.size(), complete.size());
    assertEquals(expected.size(), twoPhase.size());
    for (int i = 0; i < expected.size(); i++) {
      assertSameRow(expected.get(i), normalize(complete.get(i)), true);
      assertSameRow(expected.get(i), normalize(twoPhase.get(i)), false);
    }
  }

  @Test
  void emptyInputGivesOneRowOfEmptyValues() {
    AggregatePlan p = new AggregatePlan(in, List.of(), calls());
    List<Object> expected = Arrays.asList(List.of(), List.of(), 0L, null, null, null, null, null, 0L, null, null,
        null, null, null, List.of(), null, null, List.of());
    assertEquals(List.of(expected), collect(HashAggregateOperator.create(p.complete(), source(in), in, ctx(64))));
    assertEquals(List.of(expected), twoPhase(p, List.of(List.of(), List.of()), 10));
    // Only null arguments (and one row whose ordering alone is set): the same values.
    List<Object[]> nulls = List.of(r(null, null, null, null, null, null, null), r(1, null, null, null, null, 3.0,
        null));
    List<List<Object>> out = collect(HashAggregateOperator.create(p.complete(), source(in, 1, nulls), in, ctx(64)));
    assertEquals(Arrays.asList(List.of(), List.of(), 0L, null, null, null, null, null, 0L, null, null, null, null,
        null, List.of(), null, null, List.of()), out.get(0));
  }

  @Test
  void singleValuesAndConstantColumns() {
    // One pair: population moments are 0, sample covariance and corr null; constant columns: corr null.
    AggregatePlan p = new AggregatePlan(in, List.of(), List.of(call(AggregateFunction.STDDEV_POP, y),
        call(AggregateFunction.VAR_POP, y), call(AggregateFunction.CORR, y, o), call(AggregateFunction.COVAR_SAMP, y,
            o), call(AggregateFunction.COVAR_POP, y, o)));
    List<Object[]> one = List.<Object[]>of(r(1, 1, 2.0, true, "a", 5.0, null));
    assertEquals(List.of(values(0.0, 0.0, null, null, 0.0)), complete(p, one, 1));
    List<Object[]> constant = List.of(r(1, 1, 2.0, true, "a", 5.0, null), r(1, 1, 2.0, true, "a", 6.0, null));
    assertEquals(List.of(values(0.0, 0.0, null, 0.0, 0.0)), complete(p, constant, 1));
    List<Object[]> perfect = List.of(r(1, 1, 1.0, true, "a", 3.0, null), r(1, 1, 2.0, true, "a", 5.0, null),
        r(1, 1, 3.0, true, "a", 7.0, null));
    List<Object> res = complete(p, perfect, 2).get(0);
    assertEquals(1.0, (Double) res.get(2), 1e-12);
    assertEquals(2.0, (Double) res.get(3), 1e-12);
    assertEquals(4.0 / 3, (Double) res.get(4), 1e-12);
  }

  @Test
  void maxByAndMinByKeepTheFirstRowOnTiesAndSkipNullOrderings() {
    AggregatePlan p = new AggregatePlan(in, List.of(), List.of(call(AggregateFunction.MAX_BY, s, o),
        call(AggregateFunction.MIN_BY, s, o), call(AggregateFunction.MAX_BY, x, s), call(AggregateFunction.MIN_BY, y,
            b)));
    List<Object[]> rows = List.of(
        r(1, 1, 1.0, true, "first max", 9.0, null),
        r(1, null, 2.0, null, "null ordering", null, null),
        r(1, 3, null, false, null, 9.0, null),
        r(1, 4, 4.0, false, "first min", -1.0, null),
        r(1, 5, 5.0, true, "zz", -1.0, null),
        r(1, 6, Double.NaN, true, "nan is largest", Double.NaN, null));
    // NaN orders above every double; "zz" is the largest string; the first false comes first among falses.
    assertEquals(List.of(values("nan is largest", "first min", 5, null)), complete(p, rows, 2));
    assertEquals(List.of(values("nan is largest", "first min", 5, null)), twoPhase(p, List.of(rows.subList(0, 3),
        rows.subList(3, 6)), 1));
    List<Object[]> noNan = rows.subList(0, 5);
    assertEquals(List.of(values("first max", "first min", 5, null)), complete(p, noNan, 10));
    assertEquals(List.of(values("first max", "first min", 5, null)), twoPhase(p, List.of(noNan.subList(0, 1),
        noNan.subList(1, 5)), 10));
  }

  @Test
  void maxByOverManyGroupsAndAscendingOrderingsCompactsItsStore() {
    AggregatePlan p = new AggregatePlan(in, List.of(g), List.of(call(AggregateFunction.MAX_BY, s, o),
        call(AggregateFunction.MIN_BY, arr, o), call(AggregateFunction.LAST, arr)));
    List<Object[]> rows = new ArrayList<>();
    int groups = 700;
    for (int i = 0; i < 40_000; i++) {
      int key = i % groups;
      rows.add(r(key, i, null, null, "v" + i, (double) i, List.of(i)));
    }
    List<List<Object>> out = complete(p, rows, 333);
    assertEquals(groups, out.size());
    for (int k = 0; k < groups; k++) {
      int lastI = k + ((40_000 - 1 - k) / groups) * groups;
      assertEquals(values(k, "v" + lastI, List.of(k), List.of(lastI)), out.get(k));
    }
  }

  @Test
  void distinctVariantsInCompleteMode() {
    AggregatePlan p = new AggregatePlan(in, List.of(), List.of(
        new AggregateCall(AggregateFunction.COLLECT_LIST, List.of(x), true, false),
        new AggregateCall(AggregateFunction.COUNT_IF, List.of(b), true, false),
        new AggregateCall(AggregateFunction.APPROX_COUNT_DISTINCT, List.of(x), true, false),
        new AggregateCall(AggregateFunction.VAR_POP, List.of(y), true, false),
        new AggregateCall(AggregateFunction.COVAR_POP, List.of(y, o), true, false)));
    List<Object[]> rows = List.of(r(1, 3, 1.0, true, null, 1.0, null), r(1, 3, 1.0, true, null, 1.0, null),
        r(1, 4, 3.0, false, null, 3.0, null), r(1, null, 3.0, null, null, 3.0, null));
    List<Object> out = complete(p, rows, 3).get(0);
    assertEquals(List.of(3, 4), out.get(0));
    assertEquals(1L, out.get(1));
    assertEquals(2L, out.get(2));
    assertEquals(1.0, (Double) out.get(3), 1e-12);
    assertEquals(1.0, (Double) out.get(4), 1e-12);
  }

  @Test
  void collectSetRemovesDuplicatesAcrossPartialsAndTreatsNanAsOneValue() {
    AttributeReference d = attr("d", DataTypes.DoubleType);
    List<AttributeReference> schema = List.of(g, d);
    AggregatePlan p = new AggregatePlan(schema, List.of(), List.of(call(AggregateFunction.COLLECT_SET, d),
        call(AggregateFunction.APPROX_COUNT_DISTINCT, d), call(AggregateFunction.COLLECT_LIST, d)));
    List<Object[]> rows = Arrays.asList(row(1, 1.0), row(1, Double.NaN), row(1, null), row(1, 1.0), row(1, -0.0),
        row(1, 0.0), row(1, Double.NaN));
    HashAggregateExec partialNode = p.partial();
    List<Batch> partials = new ArrayList<>();
    for (List<Object[]> slice : List.of(rows.subList(0, 3), rows.subList(3, 7))) {
      Operator partial = track(HashAggregateOperator.create(partialNode, source(schema, 2, slice), schema, ctx(8)));
      Batch next;
      while ((next = partial.next()) != null) {
        partials.add(track(next));
      }
      partial.close();
    }
    List<List<Object>> out = collect(HashAggregateOperator.create(p.finalAgg(), track(new SourceOperator(partials)),
        partialNode.output(), ctx(8)));
    List<?> set = (List<?>) out.get(0).get(0);
    assertEquals(3, set.size(), set.toString());
    assertTrue(set.contains(1.0) && set.stream().anyMatch(v -> ((Double) v).isNaN()), set.toString());
    assertEquals(3L, out.get(0).get(1));
    assertEquals(6, ((List<?>) out.get(0).get(2)).size());
  }

  @Test
  void firstAndLastOfNestedValues() {
    AggregatePlan p = new AggregatePlan(in, List.of(g), List.of(
        new AggregateCall(AggregateFunction.FIRST_VALUE, List.of(arr), false, false),
        new AggregateCall(AggregateFunction.LAST_VALUE, List.of(arr), false, true),
        new AggregateCall(AggregateFunction.ANY_VALUE, List.of(arr), false, false)));
    List<Object[]> rows = List.of(r(1, 0, null, null, null, null, null), r(1, 0, null, null, null, null, List.of(1)),
        r(1, 0, null, null, null, null, List.of(2, 3)), r(1, 0, null, null, null, null, null),
        r(2, 0, null, null, null, null, List.of(9)));
    List<List<Object>> expected = List.of(values(1, null, List.of(2, 3), null), values(2, List.of(9), List.of(9),
        List.of(9)));
    assertEquals(expected, complete(p, rows, 2));
    assertEquals(expected, twoPhase(p, List.of(rows.subList(0, 2), rows.subList(2, 5)), 2));
  }

  @Test
  void nothingLeaksWhenStatesAreClosedMidway() {
    AggregatePlan p = new AggregatePlan(in, List.of(g), calls());
    Operator op = track(HashAggregateOperator.create(p.partial(), source(in, 100, randomRows(2000, 3)), in, ctx(5)));
    try (Batch first = op.next()) {
      assertEquals(5, first.rowCount());
    }
    op.close();
    assertEquals(0, allocator.getAllocatedMemory());
  }
}
