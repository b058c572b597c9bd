package dev.quiver.executor.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest extends OperatorTestBase {
  private final AttributeReference k = attr("k", DataTypes.IntegerType);
  private final AttributeReference v = attr("v", DataTypes.LongType);
  private final AttributeReference s = attr("s", DataTypes.StringType);
  private final AttributeReference d = attr("d", DataTypes.DoubleType);

  static AggregateCall call(AggregateFunction f, Expression arg) {
    return new AggregateCall(f, List.of(arg), false, false);
  }

  static AggregateCall distinct(AggregateFunction f, Expression... args) {
    return new AggregateCall(f, List.of(args), true, false);
  }

  static AggregateCall countRows() {
    return call(AggregateFunction.COUNT, Literal.of(1));
  }

  private List<List<Object>> runComplete(AggregatePlan p, SourceOperator in, int batchSize) {
    return sorted(collect(HashAggregateOperator.create(p.complete(), in, p.input, ctx(batchSize))));
  }

  /** PARTIAL over each input, then one FINAL over all partial outputs (as a shuffle would deliver them). */
  private List<List<Object>> runTwoPhase(AggregatePlan p, List<SourceOperator> inputs, int batchSize) {
    HashAggregateExec partialNode = p.partial();
    List<Batch> partials = new ArrayList<>();
    for (SourceOperator in : inputs) {
      Operator partial = track(HashAggregateOperator.create(partialNode, in, p.input, ctx(batchSize)));
      Batch b;
      while ((b = partial.next()) != null) {
        partials.add(track(b));
      }
      partial.close();
    }
    SourceOperator shuffled = track(new SourceOperator(partials));
    HashAggregateExec finalNode = p.finalAgg();
    return sorted(collect(HashAggregateOperator.create(finalNode, shuffled, partialNode.output(), ctx(batchSize))));
  }

  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(r -> r.get(0) == null ? null : String.valueOf(r.get(0)),
        Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  static List<Object> values(Object... v) {
    return Arrays.asList(v);
  }

  @Test
  void groupsByIntWithOneNullGroup() {
    List<AttributeReference> in = List.of(k, v);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(countRows(), call(AggregateFunction.COUNT, v),
        call(AggregateFunction.SUM, v), call(AggregateFunction.MIN, v), call(AggregateFunction.MAX, v),
        call(AggregateFunction.AVG, v)));
    Object[][] rows = {row(1, 10L), row(2, 20L), row(1, null), row(null, 5L), row(2, 30L), row(null, null)};
    List<List<Object>> expected = List.of(
        values(null, 2L, 1L, 5L, 5L, 5L, 5.0),
        values(1, 2L, 1L, 10L, 10L, 10L, 10.0),
        values(2, 2L, 2L, 50L, 20L, 30L, 25.0));
    assertEquals(expected, runComplete(p, source(in, 2, Arrays.asList(rows)), 1024));
    assertEquals(expected, runTwoPhase(p, List.of(source(in, 2, Arrays.asList(rows).subList(0, 3)),
        source(in, 2, Arrays.asList(rows).subList(3, 6))), 1024));
  }

  @Test
  void doubleSumsAndAveragesAgreeWithAPlainLoopInBatchesWithAndWithoutNulls() {
    List<AttributeReference> in = List.of(k, d);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(call(AggregateFunction.SUM, d),
        call(AggregateFunction.AVG, d), call(AggregateFunction.COUNT, d)));
    Random rnd = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    double[] sums = new double[10];
    long[] counts = new long[10];
    for (int i = 0; i < 1_000; i++) {
      // The first 500 rows (five whole batches) have no null; group 9 only ever gets nulls.
      boolean nullValue = i >= 500 && rnd.nextInt(4) == 0;
      int group = nullValue && rnd.nextBoolean() ? 9 : rnd.nextInt(4);
      Double value = nullValue ? null : rnd.nextGaussian() * 1000;
      rows.add(row(group, value));
      if (value != null) {
        sums[group] += value;
        counts[group]++;
      }
    }
    List<List<Object>> expected = new ArrayList<>();
    for (int g : new int[] {0, 1, 2, 3, 9}) {
      expected.add(counts[g] == 0 ? values(g, null, null, 0L)
          : values(g, sums[g], sums[g] / counts[g], counts[g]));
    }
    List<List<Object>> actual = sortedByKeys(runComplete(p, source(in, 100, rows), 1024));
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertRowClose(expected.get(i), actual.get(i));
    }
  }

  @Test
  void groupsByStringAndDoubleKeys() {
    List<AttributeReference> in = List.of(s, d, v);
    AggregatePlan byString = new AggregatePlan(in, List.of(s), List.of(call(AggregateFunction.SUM, v)));
    Object[][] rows = {row("b", 0.0, 1L), row(null, -0.0, 2L), row("a", Double.NaN, 3L), row("b", null, 4L),
        row(null, Double.NaN, 5L), row("a", 0.0, 6L), row("é", 1.5, 7L)};
    assertEquals(List.of(values(null, 7L), values("a", 9L), values("b", 5L), values("é", 7L)),
        runComplete(byString, source(in, 3, Arrays.asList(rows)), 1024));

    // -0.0 and 0.0 are one group (keyed 0.0), all NaNs are one group, null is its own group.
    AggregatePlan byDouble = new AggregatePlan(in, List.of(d), List.of(call(AggregateFunction.SUM, v)));
    assertEquals(List.of(values(null, 4L), values(0.0, 9L), values(1.5, 7L), values(Double.NaN, 8L)),
        runComplete(byDouble, source(in, 3, Arrays.asList(rows)), 1024));
  }

  @Test
  void manyGroupsGrowTheTableAndOutputIsChunked() {
    List<AttributeReference> in = List.of(k, v);
    int groups = 100_000;
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3 * groups; i++) {
      rows.add(row(i % groups, (long) i));
    }
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(countRows(), call(AggregateFunction.SUM, v)));
    List<Integer> sizes = new ArrayList<>();
    List<List<Object>> out = collect(HashAggregateOperator.create(p.complete(), source(in, 4096, rows), in,
        ctx(1000)), sizes);
    assertEquals(groups, out.size());
    assertTrue(sizes.stream().allMatch(n -> n <= 1000 && n > 0), sizes.toString());
    for (List<Object> r : out) {
      int key = (Integer) r.get(0);
      assertEquals(3L, r.get(1));
      assertEquals(3L * key + 3L * groups, r.get(2));
    }
  }

  @Test
  void globalAggregatesOverEmptyInputGiveOneRow() {
    List<AttributeReference> in = List.of(k, v, s);
    List<AggregateCall> calls = List.of(countRows(), call(AggregateFunction.COUNT, v), call(AggregateFunction.SUM, v),
        call(AggregateFunction.AVG, v), call(AggregateFunction.MIN, s), call(AggregateFunction.FIRST, k),
        call(AggregateFunction.STDDEV_SAMP, v));
    AggregatePlan p = new AggregatePlan(in, List.of(), calls);
    List<Object> expected = values(0L, 0L, null, null, null, null, null);
    assertEquals(List.of(expected), runComplete(p, source(in), 16));
    assertEquals(List.of(expected), runTwoPhase(p, List.of(source(in), source(in)), 16));

    // PARTIAL alone emits one row of initial buffers, safe to merge.
    List<List<Object>> partial = collect(HashAggregateOperator.create(p.partial(), source(in), in, ctx(16)));
    assertEquals(List.of(values(0L, 0L, null, 0.0, 0L, null, null, false, 0.0, 0.0, 0.0)), partial);

    // FINAL over no partial rows at all still has its one group.
    List<List<Object>> fin = collect(HashAggregateOperator.create(p.finalAgg(), source(p.partial().output()),
        p.partial().output(), ctx(16)));
    assertEquals(List.of(expected), fin);
  }

  @Test
  void groupedAggregatesOverEmptyInputGiveNoRows() {
    List<AttributeReference> in = List.of(k, v);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(countRows()));
    assertEquals(List.of(), runComplete(p, source(in), 16));
    assertEquals(List.of(), runTwoPhase(p, List.of(source(in)), 16));
  }

  @Test
  void withoutGroupingKeysEachAggregateGivesExactlyTheAnswerOfOneGroupingKey() {
    // Without keys, sum, avg, count, min and max keep their running value in a local instead of the group's
    // slot; rows are still added in order, so the doubles must come out bit for bit as with a constant key.
    AttributeReference one = attr("one", DataTypes.IntegerType);
    AttributeReference f = attr("f", DataTypes.FloatType);
    List<AttributeReference> in = List.of(one, k, v, d, f);
    List<AggregateCall> calls = new ArrayList<>(List.of(countRows()));
    for (AttributeReference a : List.of(k, v, d, f)) {
      for (AggregateFunction fn : List.of(AggregateFunction.SUM, AggregateFunction.AVG, AggregateFunction.COUNT,
          AggregateFunction.MIN, AggregateFunction.MAX)) {
        calls.add(call(fn, a));
      }
    }
    // With NaN among the doubles, and without (where a NaN would hide a sum that came out different).
    for (boolean withNaN : new boolean[] {false, true}) {
      Random rnd = new Random(11);
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        // Rows 0-299: every value null (a whole first batch adds nothing); then nulls and -0.0 here and there.
        boolean nulls = i < 300 || rnd.nextInt(5) == 0;
        double x = withNaN && rnd.nextInt(50) == 0 ? Double.NaN : rnd.nextInt(50) == 0 ? -0.0
            : rnd.nextGaussian() * 1e6;
        rows.add(row(1, nulls ? null : rnd.nextInt(), nulls ? null : rnd.nextLong() >> 8, nulls ? null : x,
            nulls ? null : (float) rnd.nextGaussian()));
      }
      for (int batch : new int[] {1, 100, 700}) {
        List<List<Object>> global = runComplete(new AggregatePlan(in, List.of(), calls), source(in, batch, rows),
            1024);
        List<List<Object>> keyed = runComplete(new AggregatePlan(in, List.of(one), calls),
            source(in, batch, rows), 1024);
        assertEquals(keyed.get(0).subList(1, keyed.get(0).size()), global.get(0), "batches of " + batch);
        assertEquals(withNaN, ((Double) global.get(0).get(15)).isNaN(), "max(d)");
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(row(1, null, null, null, null));
    }
    List<List<Object>> allNull = runComplete(new AggregatePlan(in, List.of(), calls),
        source(in, 100, rows), 1024);
    List<Object> expected = new ArrayList<>(List.of(300L));
    for (int a = 0; a < 4; a++) {
      expected.addAll(Arrays.asList(null, null, 0L, null, null));
    }
    assertEquals(List.of(expected), allNull);
  }

  @Test
  void batchesOverFewGroupsGiveExactlyTheSumsOfARowByRowLoop() {
    // Batches of at least GroupRuns.MIN_ROWS rows over few groups are added group by group; each group's rows
    // keep their order, so sums and averages must equal a row-order loop bit for bit, not just closely.
    List<AttributeReference> in = List.of(k, v, d);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(call(AggregateFunction.SUM, d),
        call(AggregateFunction.AVG, d), call(AggregateFunction.SUM, v), call(AggregateFunction.COUNT, d),
        countRows()));
    Random rnd = new Random(5);
    List<Object[]> rows = new ArrayList<>();
    Map<Integer, double[]> sums = new TreeMap<>();
    Map<Integer, long[]> longs = new TreeMap<>();
    for (int i = 0; i < 3_000; i++) {
      // Group 6 only ever gets nulls; rows 0-599 have no null; group ids are clustered in runs of 1 to 3.
      int group = i % 3 == 0 ? rnd.nextInt(7) : ((Integer) rows.get(i - 1)[0]);
      boolean nullValue = group == 6 || i >= 600 && rnd.nextInt(5) == 0;
      Double value = nullValue ? null : rnd.nextGaussian() * 1e6;
      Long l = nullValue ? null : rnd.nextLong() >> 16;
      rows.add(row(group, l, value));
      double[] s = sums.computeIfAbsent(group, g -> new double[1]);
      long[] c = longs.computeIfAbsent(group, g -> new long[3]);
      c[2]++;
      if (value != null) {
        s[0] += value;
        c[0] += l;
        c[1]++;
      }
    }
    List<List<Object>> expected = new ArrayList<>();
    for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
      long[] c = longs.get(e.getKey());
      expected.add(c[1] == 0 ? values(e.getKey(), null, null, null, 0L, c[2])
          : values(e.getKey(), e.getValue()[0], e.getValue()[0] / c[1], c[0], c[1], c[2]));
    }
    for (int batch : new int[] {GroupRuns.MIN_ROWS - 1, GroupRuns.MIN_ROWS, 1000, 3000}) {
      assertEquals(expected, runComplete(p, source(in, batch, rows), 1024), "batches of " + batch);
    }
  }

  @Test
  void aLongSumOverflowingInABatchOverFewGroupsFails() {
    List<AttributeReference> in = List.of(k, v);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(call(AggregateFunction.SUM, v)));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < GroupRuns.MIN_ROWS * 2; i++) {
      rows.add(row(i % 3, i == 7 ? Long.MAX_VALUE - 5 : 1L));
    }
    Operator op = track(HashAggregateOperator.create(p.complete(), source(in, rows.size(), rows), in, ctx(1024)));
    assertEquals("ARITHMETIC_OVERFLOW", assertThrows(QuiverArithmeticException.class, op::next).getErrorClass());
  }

  @Test
  void sumOverflowFailsLikeSparkAnsi() {
    List<AttributeReference> in = List.of(k, v);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(call(AggregateFunction.SUM, v)));
    SourceOperator src = source(in, row(1, Long.MAX_VALUE), row(2, 1L), row(1, 1L));
    Operator op = track(HashAggregateOperator.create(p.complete(), src, in, ctx(16)));
    QuiverArithmeticException e = assertThrows(QuiverArithmeticException.class, op::next);
    assertEquals("ARITHMETIC_OVERFLOW", e.getErrorClass());
    assertTrue(e.getMessage().contains("long overflow"), e.getMessage());

    // Partial sums that overflow only when merged fail in FINAL too.
    List<SourceOperator> halves = List.of(source(in, row(1, Long.MAX_VALUE)), source(in, row(1, 1L)));
    assertThrows(QuiverArithmeticException.class, () -> runTwoPhase(p, halves, 16));

    // Without grouping keys too.
    AggregatePlan global = new AggregatePlan(in, List.of(), List.of(call(AggregateFunction.SUM, v)));
    Operator whole = track(HashAggregateOperator.create(global.complete(),
        source(in, row(1, Long.MAX_VALUE), row(2, 1L)), in, ctx(16)));
    assertEquals("ARITHMETIC_OVERFLOW", assertThrows(QuiverArithmeticException.class, whole::next).getErrorClass());
  }

  @Test
  void decimalSumAndAverageHaveSparkTypes() {
    AttributeReference x = attr("x", new DecimalType(5, 2));
    List<AttributeReference> in = List.of(k, x);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(call(AggregateFunction.SUM, x),
        call(AggregateFunction.AVG, x), call(AggregateFunction.MIN, x), call(AggregateFunction.MAX, x)));
    assertEquals(new DecimalType(15, 2), p.aggAttrs.get(0).dataType());
    assertEquals(new DecimalType(9, 6), p.aggAttrs.get(1).dataType());
    Object[][] rows = {row(1, new BigDecimal("1.25")), row(1, new BigDecimal("2.50")), row(1, null),
        row(1, new BigDecimal("3.33")), row(2, new BigDecimal("-999.99")), row(2, new BigDecimal("-0.01")),
        row(3, null)};
    List<List<Object>> expected = List.of(
        values(1, new BigDecimal("7.08"), new BigDecimal("2.360000"), new BigDecimal("1.25"),
            new BigDecimal("3.33")),
        values(2, new BigDecimal("-1000.00"), new BigDecimal("-500.000000"), new BigDecimal("-999.99"),
            new BigDecimal("-0.01")),
        values(3, null, null, null, null));
    assertEquals(expected, runComplete(p, source(in, 2, Arrays.asList(rows)), 16));
    assertEquals(expected, runTwoPhase(p, List.of(source(in, 2, Arrays.asList(rows).subList(0, 2)),
        source(in, 2, Arrays.asList(rows).subList(2, 7))), 16));
  }

  @Test
  void averageRoundsHalfUp() {
    AttributeReference x = attr("x", new DecimalType(3, 0));
    List<AttributeReference> in = List.of(x);
    AggregatePlan p = new AggregatePlan(in, List.of(), List.of(call(AggregateFunction.AVG, x)));
    // 2/3 = 0.6666... -> 0.6667 at scale 4.
    assertEquals(List.of(values(new BigDecimal("0.6667"))), runComplete(p, source(in, row(new BigDecimal("1")),
        row(new BigDecimal("1")), row(new BigDecimal("0"))), 16));
  }

  @Test
  void firstAndLastWithAndWithoutIgnoreNulls() {
    List<AttributeReference> in = List.of(k, s);
    List<AggregateCall> calls = new ArrayList<>();
    for (AttributeReference arg : List.of(s, k)) {
      calls.add(new AggregateCall(AggregateFunction.FIRST, List.of(arg), false, false));
      calls.add(new AggregateCall(AggregateFunction.FIRST, List.of(arg), false, true));
      calls.add(new AggregateCall(AggregateFunction.LAST, List.of(arg), false, false));
      calls.add(new AggregateCall(AggregateFunction.LAST, List.of(arg), false, true));
    }
    AggregatePlan p = new AggregatePlan(in, List.of(), calls);
    List<Object[]> rows = Arrays.asList(row(null, null), row(1, "a"), row(2, "b"), row(null, null));
    List<List<Object>> expected = List.of(values(null, "a", null, "b", null, 1, null, 2));
    assertEquals(expected, runComplete(p, source(in, 3, rows), 16));
    assertEquals(expected, runTwoPhase(p, List.of(source(in, 3, rows.subList(0, 2)), source(in, 3, rows.subList(2, 4))),
        16));
    List<Object[]> rows2 = Arrays.asList(row(7, "x"), row(null, null), row(8, "y"));
    assertEquals(List.of(values("x", "x", "y", "y", 7, 7, 8, 8)), runComplete(p, source(in, 2, rows2), 16));
  }

  @Test
  void minAndMaxOfEveryAtomicType() {
    AttributeReference b = attr("b", DataTypes.BooleanType);
    AttributeReference by = attr("by", DataTypes.ByteType);
    AttributeReference sh = attr("sh", DataTypes.ShortType);
    AttributeReference f = attr("f", DataTypes.FloatType);
    AttributeReference dt = attr("dt", DataTypes.DateType);
    AttributeReference ts = attr("ts", DataTypes.TimestampType);
    AttributeReference bin = attr("bin", DataTypes.BinaryType);
    List<AttributeReference> in = List.of(b, by, sh, k, v, f, d, dt, ts, s, bin);
    List<AggregateCall> calls = new ArrayList<>();
    for (AttributeReference a : in) {
      calls.add(call(AggregateFunction.MIN, a));
      calls.add(call(AggregateFunction.MAX, a));
    }
    AggregatePlan p = new AggregatePlan(in, List.of(), calls);
    List<Object[]> rows = Arrays.asList(
        row(true, (byte) 3, (short) -4, 5, 6L, 1.5f, Double.NaN, 19000, 5_000_000L, "b", new byte[] {2}),
        row(null, null, null, null, null, null, null, null, null, null, null),
        row(false, (byte) -3, (short) 4, -5, -6L, -1.5f, -2.0, 18000, -5L, "ab", new byte[] {(byte) 0xff}),
        row(true, (byte) 0, (short) 0, 0, 0L, 0f, 7.0, 18500, 0L, "", new byte[] {}));
    List<List<Object>> out = runTwoPhase(p, List.of(source(in, 2, rows.subList(0, 2)), source(in, 2, rows.subList(2, 4))),
        16);
    List<Object> r = out.get(0);
    assertEquals(values(false, true, (byte) -3, (byte) 3, (short) -4, (short) 4, -5, 5, -6L, 6L, -1.5f, 1.5f,
        -2.0, Double.NaN, 18000, 19000, -5L, 5_000_000L, "", "b"), r.subList(0, 20));
    assertTrue(Arrays.equals(new byte[] {}, (byte[]) r.get(20)));
    assertTrue(Arrays.equals(new byte[] {(byte) 0xff}, (byte[]) r.get(21)));
  }

  @Test
  void varianceAndStddevUseWelfordAndNeedTwoValues() {
    List<AttributeReference> in = List.of(k, d);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(call(AggregateFunction.VAR_SAMP, d),
        call(AggregateFunction.STDDEV_SAMP, d), call(AggregateFunction.VAR_SAMP, k)));
    List<Object[]> rows = Arrays.asList(row(1, 1.0), row(1, 2.0), row(2, 5.0), row(1, 3.0), row(1, 4.0), row(3, null),
        row(1, null));
    List<List<Object>> complete = runComplete(p, source(in, 3, rows), 16);
    List<List<Object>> twoPhase = runTwoPhase(p, List.of(source(in, 3, rows.subList(0, 3)),
        source(in, 3, rows.subList(3, 7))), 16);
    for (List<List<Object>> out : List.of(complete, twoPhase)) {
      assertEquals(5.0 / 3, (Double) out.get(0).get(1), 1e-12);
      assertEquals(Math.sqrt(5.0 / 3), (Double) out.get(0).get(2), 1e-12);
      assertEquals(0.0, (Double) out.get(0).get(3), 1e-12);
      assertEquals(values(2, null, null, null), out.get(1));
      assertEquals(values(3, null, null, null), out.get(2));
    }
  }

  @Test
  void distinctAggregatesUsePerGroupSets() {
    AttributeReference a = attr("a", DataTypes.IntegerType);
    List<AttributeReference> in = List.of(k, a, s);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(distinct(AggregateFunction.COUNT, a),
        distinct(AggregateFunction.COUNT, a, s), distinct(AggregateFunction.SUM, a),
        distinct(AggregateFunction.AVG, a), distinct(AggregateFunction.MIN, a), call(AggregateFunction.COUNT, a),
        distinct(AggregateFunction.COUNT, s)));
    List<Object[]> rows = Arrays.asList(row(1, 1, "x"), row(1, 1, "x"), row(2, 5, "z"), row(1, 2, null),
        row(1, null, "y"), row(2, 5, "z"), row(1, 2, "y"), row(2, 5, "z"), row(3, null, null));
    assertEquals(List.of(
        values(1, 2L, 2L, 3L, 1.5, 1, 4L, 2L),
        values(2, 1L, 1L, 5L, 5.0, 5, 3L, 1L),
        values(3, 0L, 0L, null, null, null, 0L, 0L)), runComplete(p, source(in, 2, rows), 16));
  }

  @Test
  void groupingAndResultsAreExpressions() {
    List<AttributeReference> in = List.of(k, v);
    Alias mod = new Alias(new BinaryArithmetic(ArithmeticOp.REMAINDER, k, Literal.of(3)), "m");
    AggregateCall sum = call(AggregateFunction.SUM, new BinaryArithmetic(ArithmeticOp.MULTIPLY, v, Literal.of(2L)));
    AggregatePlan base = new AggregatePlan(in, List.of(mod), List.of(sum));
    List<Expression> results = List.of(mod.toAttribute(),
        new Alias(new BinaryArithmetic(ArithmeticOp.ADD, base.aggAttrs.get(0), Literal.of(1L)), "s1"));
    AggregatePlan p = new AggregatePlan(in, List.of(mod), List.of(sum), results);
    p.aggAttrs.clear();
    p.aggAttrs.addAll(base.aggAttrs);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row(i, (long) i));
    }
    List<List<Object>> expected = List.of(values(0, 37L), values(1, 25L), values(2, 31L));
    assertEquals(expected, runComplete(p, source(in, 4, rows), 16));
    assertEquals(expected, runTwoPhase(p, List.of(source(in, 4, rows.subList(0, 5)), source(in, 4, rows.subList(5, 10))),
        16));
  }

  @Test
  void partialThenFinalEqualsCompleteOnRandomData() {
    AttributeReference g1 = attr("g1", DataTypes.IntegerType);
    AttributeReference g2 = attr("g2", DataTypes.StringType);
    AttributeReference x = attr("x", DataTypes.IntegerType);
    AttributeReference y = attr("y", DataTypes.DoubleType);
    AttributeReference z = attr("z", new DecimalType(10, 2));
    AttributeReference w = attr("w", DataTypes.StringType);
    List<AttributeReference> in = List.of(g1, g2, x, y, z, w);
    List<AggregateCall> calls = List.of(countRows(), call(AggregateFunction.COUNT, x), call(AggregateFunction.SUM, x),
        call(AggregateFunction.SUM, y), call(AggregateFunction.SUM, z), call(AggregateFunction.AVG, x),
        call(AggregateFunction.AVG, y), call(AggregateFunction.AVG, z), call(AggregateFunction.MIN, x),
        call(AggregateFunction.MAX, y), call(AggregateFunction.MIN, w), call(AggregateFunction.MAX, w),
        call(AggregateFunction.MIN, z), call(AggregateFunction.MAX, z), call(AggregateFunction.STDDEV_SAMP, y),
        call(AggregateFunction.VAR_SAMP, x), new AggregateCall(AggregateFunction.FIRST, List.of(w), false, true),
        new AggregateCall(AggregateFunction.LAST, List.of(x), false, false));
    AggregatePlan p = new AggregatePlan(in, List.of(g1, g2), calls);
    Random rnd = new Random(42);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(row(rnd.nextInt(10) == 0 ? null : rnd.nextInt(40),
          rnd.nextInt(8) == 0 ? null : "s" + rnd.nextInt(4),
          rnd.nextInt(5) == 0 ? null : rnd.nextInt(2000) - 1000,
          rnd.nextInt(5) == 0 ? null : rnd.nextGaussian() * 100,
          rnd.nextInt(5) == 0 ? null : BigDecimal.valueOf(rnd.nextInt(2_000_000) - 1_000_000, 2),
          rnd.nextInt(5) == 0 ? null : Integer.toString(rnd.nextInt(100_000), 36)));
    }
    List<List<Object>> complete = sortedByKeys(runComplete(p, source(in, 1000, rows), 300));
    List<List<Object>> twoPhase = sortedByKeys(runTwoPhase(p, List.of(source(in, 700, rows.subList(0, 9000)),
        source(in, 1100, rows.subList(9000, rows.size()))), 300));
    assertEquals(complete.size(), twoPhase.size());
    assertTrue(complete.size() > 100);
    for (int i = 0; i < complete.size(); i++) {
      assertRowClose(complete.get(i), twoPhase.get(i));
    }
  }

  private static List<List<Object>> sortedByKeys(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing((List<Object> r) -> String.valueOf(r.get(0)))
        .thenComparing(r -> String.valueOf(r.get(1))));
    return out;
  }

  static void assertRowClose(List<Object> expected, List<Object> actual) {
    assertEquals(expected.size(), actual.size());
    for (int c = 0; c < expected.size(); c++) {
      Object e = expected.get(c);
      Object a = actual.get(c);
      if (e instanceof Double x && a instanceof Double y) {
        assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), "column " + c + " of " + expected);
      } else {
        assertEquals(e, a, "column " + c + " of " + expected);
      }
    }
  }

  @Test
  void runningOutOfMemoryNamesTheOperatorAndTheWayOut() {
    List<AttributeReference> in = List.of(s, v);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      rows.add(row("some fairly long grouping key number " + i, (long) i));
    }
    SourceOperator src = source(in, 4096, rows);
    BufferAllocator task = track(allocator.newChildAllocator("task", 0, 2L * 1024 * 1024));
    TaskContext ctx = ctx(task, 1024, null);
    AggregatePlan p = new AggregatePlan(in, List.of(s), List.of(call(AggregateFunction.SUM, v),
        call(AggregateFunction.MAX, s)));
    Operator op = track(HashAggregateOperator.create(p.complete(), src, in, ctx));
    QuiverException e = assertThrows(QuiverException.class, op::next);
    assertEquals("TASK_MEMORY_EXCEEDED", e.getErrorClass());
    assertTrue(e.getMessage().contains("HashAggregate (COMPLETE, holding "), e.getMessage());
    assertTrue(e.getMessage().contains(TASK), e.getMessage());
    assertTrue(e.getMessage().contains("spark.sql.shuffle.partitions"), e.getMessage());
    assertTrue(e.getMessage().contains("quiver.executor.memory"), e.getMessage());
    op.close();
    assertEquals(0, task.getAllocatedMemory());
  }

  @Test
  void closingBeforeTheEndReleasesEverything() {
    List<AttributeReference> in = List.of(k, v);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(row(i, (long) i));
    }
    SourceOperator src = source(in, 1000, rows);
    AggregatePlan p = new AggregatePlan(in, List.of(k), List.of(call(AggregateFunction.SUM, v)));
    Operator op = track(HashAggregateOperator.create(p.partial(), src, in, ctx(100)));
    try (Batch first = op.next()) {
      assertEquals(100, first.rowCount());
    }
    op.close();
    assertTrue(src.isClosed());
    assertEquals(0, allocator.getAllocatedMemory());
  }
}
