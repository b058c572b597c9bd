package dev.quiver.executor.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SortOperator and TopNOperator, checked against Java's stable sort. */
class SortAndTopNTest extends OperatorTestBase {
  private final AttributeReference k = attr("k", DataTypes.IntegerType);
  private final AttributeReference s = attr("s", DataTypes.StringType);
  private final AttributeReference seq = attr("seq", DataTypes.LongType);
  private final List<AttributeReference> schema = List.of(k, s, seq);

  private static SortOrder order(AttributeReference a, boolean desc, boolean nullsFirst) {
    return new SortOrder(a, desc ? SortDirection.DESCENDING : SortDirection.ASCENDING,
        nullsFirst ? NullOrdering.NULLS_FIRST : NullOrdering.NULLS_LAST);
  }

  private List<List<Object>> sort(List<Object[]> rows, int rowsPerBatch, int batchSize, SortOrder... order) {
    List<Integer> sizes = new ArrayList<>();
    List<List<Object>> out = collect(new SortOperator(source(schema, rowsPerBatch, rows), List.of(order), schema,
        ctx(batchSize)), sizes);
    assertTrue(sizes.stream().allMatch(n -> n > 0 && n <= batchSize), sizes.toString());
    return out;
  }

  private List<List<Object>> topN(List<Object[]> rows, int rowsPerBatch, int batchSize, int limit,
      SortOrder... order) {
    return collect(new TopNOperator(source(schema, rowsPerBatch, rows), limit, List.of(order), schema,
        ctx(batchSize)));
  }

  private static List<Long> seqs(List<List<Object>> rows) {
    return rows.stream().map(r -> (Long) r.get(2)).toList();
  }

  /** Random rows: small ints with nulls, strings with nulls and non-ASCII, a sequence number. */
  private static List<Object[]> random(Random r, int n) {
    String[] words = {"a", "b", "B", "\u00e9", "z", "", "ab", "\uD83D\uDE00", "\uFFFD"};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {r.nextInt(8) == 0 ? null : r.nextInt(20) - 10,
          r.nextInt(10) == 0 ? null : words[r.nextInt(words.length)], (long) i});
    }
    return rows;
  }

  /** The reference order: nulls placed absolutely, values flipped when descending; ties keep input order. */
  private static Comparator<Object[]> reference(int column, boolean desc, boolean nullsFirst) {
    return (a, b) -> {
      Object x = a[column];
      Object y = b[column];
      if (x == null || y == null) {
        return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
      }
      int c = x instanceof String sx ? Arrays.compareUnsigned(sx.getBytes(StandardCharsets.UTF_8),
          ((String) y).getBytes(StandardCharsets.UTF_8)) : ((Integer) x).compareTo((Integer) y);
      return desc ? -c : c;
    };
  }

  private static List<Long> expectedSeqs(List<Object[]> rows, Comparator<Object[]> cmp, int limit) {
    List<Object[]> sorted = new ArrayList<>(rows);
    sorted.sort(cmp); // List.sort is stable
    return sorted.stream().limit(limit).map(r -> (Long) r[2]).toList();
  }

  // ---------------------------------------------------------------- Sort

  @Test
  void sortIsStableAcrossBatches() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(row(i % 3, "x", (long) i));
    }
    List<List<Object>> out = sort(rows, 7, 8, SortOrder.asc(k));
    List<Long> expected = new ArrayList<>();
    for (int key = 0; key < 3; key++) {
      for (long i = 0; i < 50; i++) {
        if (i % 3 == key) {
          expected.add(i);
        }
      }
    }
    assertEquals(expected, seqs(out));
  }

  @Test
  void nullsFirstOrLastInEitherDirection() {
    List<Object[]> rows = List.of(row(2, "b", 0L), row(null, "n", 1L), row(1, "a", 2L), row(3, null, 3L),
        row(null, "m", 4L));
    assertEquals(List.of(1L, 4L, 2L, 0L, 3L), seqs(sort(rows, 2, 10, order(k, false, true))));
    assertEquals(List.of(2L, 0L, 3L, 1L, 4L), seqs(sort(rows, 2, 10, order(k, false, false))));
    assertEquals(List.of(3L, 0L, 2L, 1L, 4L), seqs(sort(rows, 2, 10, order(k, true, false))));
    assertEquals(List.of(1L, 4L, 3L, 0L, 2L), seqs(sort(rows, 2, 10, order(k, true, true))));
  }

  @Test
  void multipleKeys() {
    List<Object[]> rows = List.of(row(1, "b", 0L), row(2, "a", 1L), row(1, "a", 2L), row(2, "b", 3L),
        row(1, null, 4L), row(2, "a", 5L));
    assertEquals(List.of(3L, 1L, 5L, 0L, 2L, 4L),
        seqs(sort(rows, 4, 10, order(k, true, false), order(s, true, false))));
    assertEquals(List.of(4L, 2L, 0L, 1L, 5L, 3L),
        seqs(sort(rows, 4, 10, order(k, false, true), order(s, false, true))));
  }

  @Test
  void stringsSortByTheirUtf8Bytes() {
    List<Object[]> rows = List.of(row(0, "\uD83D\uDE00", 0L), row(0, "\uFFFD", 1L), row(0, "\u00e9", 2L),
        row(0, "z", 3L), row(0, "Z", 4L), row(0, "", 5L), row(0, "za", 6L));
    assertEquals(List.of("", "Z", "z", "za", "\u00e9", "\uFFFD", "\uD83D\uDE00"),
        sort(rows, 3, 10, SortOrder.asc(s)).stream().map(r -> (String) r.get(1)).toList());
  }

  @Test
  void doublesSortInSqlOrder() {
    AttributeReference d = attr("d", DataTypes.DoubleType);
    List<AttributeReference> ds = List.of(d, seq);
    List<Object[]> rows = List.of(row(Double.NaN, 0L), row(1.0, 1L), row(-0.0, 2L), row(null, 3L),
        row(Double.NEGATIVE_INFINITY, 4L), row(0.0, 5L), row(Double.POSITIVE_INFINITY, 6L));
    List<Long> out = collect(new SortOperator(source(ds, 3, rows), List.of(SortOrder.asc(d)), ds, ctx(100)))
        .stream().map(r -> (Long) r.get(1)).toList();
    assertEquals(List.of(3L, 4L, 2L, 5L, 1L, 6L, 0L), out, "-0.0 and 0.0 tie and keep their order; NaN last");
  }

  @Test
  void randomDataMatchesAStableReferenceSort() {
    Random r = new Random(3);
    for (int round = 0; round < 20; round++) {
      List<Object[]> rows = random(r, 1 + r.nextInt(700));
      boolean desc = r.nextBoolean();
      boolean nullsFirst = r.nextBoolean();
      Comparator<Object[]> cmp = reference(0, desc, nullsFirst).thenComparing(reference(1, !desc, !nullsFirst));
      List<Long> expected = expectedSeqs(rows, cmp, rows.size());
      List<List<Object>> out = sort(rows, 1 + r.nextInt(100), 1 + r.nextInt(200), order(k, desc, nullsFirst),
          order(s, !desc, !nullsFirst));
      assertEquals(expected, seqs(out), "round " + round);
    }
  }

  @Test
  void sortOfNothing() {
    assertEquals(List.of(), sort(List.of(), 5, 10, SortOrder.asc(k)));
  }

  // ---------------------------------------------------------------- TopN

  @Test
  void topNMatchesAFullSortOnRandomData() {
    Random r = new Random(5);
    for (int round = 0; round < 40; round++) {
      List<Object[]> rows = random(r, r.nextInt(600));
      int limit = r.nextInt(5) == 0 ? r.nextInt(1000) : r.nextInt(30);
      boolean desc = r.nextBoolean();
      boolean nullsFirst = r.nextBoolean();
      Comparator<Object[]> cmp = reference(1, desc, nullsFirst).thenComparing(reference(0, false, true));
      // Small batches force the operator to compact its buffer many times.
      List<List<Object>> out = topN(rows, 1 + r.nextInt(40), 1 + r.nextInt(16), limit, order(s, desc, nullsFirst),
          order(k, false, true));
      assertEquals(expectedSeqs(rows, cmp, limit), seqs(out), "round " + round + ", limit " + limit);
    }
  }

  @Test
  void topNKeepsTheFirstOfEqualRows() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(row(i % 2, "x", (long) i));
    }
    assertEquals(List.of(0L, 2L, 4L, 6L, 8L), seqs(topN(rows, 3, 2, 5, SortOrder.asc(k))));
  }

  @Test
  void topNWithLimitZeroOrBeyondTheRows() {
    List<Object[]> rows = List.of(row(3, "c", 0L), row(1, "a", 1L), row(2, "b", 2L));
    assertEquals(List.of(), topN(rows, 2, 10, 0, SortOrder.asc(k)));
    assertEquals(List.of(1L, 2L, 0L), seqs(topN(rows, 2, 10, 100, SortOrder.asc(k))));
    assertEquals(List.of(1L, 2L, 0L), seqs(topN(rows, 1, 1, 3, SortOrder.asc(k))));
    assertEquals(List.of(), topN(List.of(), 2, 10, 5, SortOrder.asc(k)));
    assertEquals(List.of(1L, 2L, 0L), seqs(topN(rows, 2, 10, Integer.MAX_VALUE, SortOrder.asc(k))));
  }

  @Test
  void topNEmitsInBatchesOfTheTaskBatchSize() {
    List<Object[]> rows = random(new Random(9), 100);
    List<Integer> sizes = new ArrayList<>();
    collect(new TopNOperator(source(schema, 10, rows), 25, List.of(SortOrder.asc(seq)), schema, ctx(10)), sizes);
    assertEquals(List.of(10, 10, 5), sizes);
  }
}
