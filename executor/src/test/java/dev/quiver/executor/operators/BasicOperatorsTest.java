package dev.quiver.executor.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.Range;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Filter, Project, Limit, Concat, LocalTableScan and Range operators. */
class BasicOperatorsTest extends OperatorTestBase {
  private final AttributeReference id = attr("id", DataTypes.LongType);
  private final AttributeReference name = attr("name", DataTypes.StringType);
  private final List<AttributeReference> schema = List.of(id, name);

  private static List<Object> r(Object... values) {
    return Arrays.asList(values);
  }

  private List<Object[]> people(int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(row(i % 7 == 6 ? null : (long) i, "n" + i));
    }
    return rows;
  }

  /** Counts how many batches the consumer pulled. */
  private static final class Counting implements Operator {
    final Operator child;
    int pulls;
    boolean closed;

    Counting(Operator child) {
      this.child = child;
    }

    @Override
    public Batch next() {
      pulls++;
      return child.next();
    }

    @Override
    public void close() {
      closed = true;
      child.close();
    }
  }

  /** {@code id + Long.MAX_VALUE}: overflows (an ANSI error) for every id above 0. */
  private Expression overflow() {
    return new BinaryArithmetic(ArithmeticOp.ADD, id, Literal.of(Long.MAX_VALUE));
  }

  // ---------------------------------------------------------------- Filter

  private FilterOperator filter(Operator child, Expression condition, TaskContext ctx) {
    return FilterOperator.of(child, condition, schema, ctx);
  }

  @Test
  void filterKeepsOnlyRowsWhereTheConditionIsTrue() {
    Expression cond = new Comparison(ComparisonOp.GT, id, Literal.of(2L));
    Operator src = source(schema, 3, List.of(row(1L, "a"), row(null, "b"), row(3L, "c"), row(5L, "d"),
        row(2L, "e"), row(4L, null), row(0L, "g")));
    List<List<Object>> out = collect(filter(src, cond, ctx(1024)));
    assertEquals(List.of(r(3L, "c"), r(5L, "d"), r(4L, null)), out);
  }

  @Test
  void filterSelectsScatteredRowsAcrossManyBitmapWords() {
    // 300 rows in batches of 130: selections cross 64-row words and end in partial words; nulls are dropped.
    List<Object[]> rows = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Long v = i % 11 == 5 ? null : (long) ((i * 37) % 101);
      String s = i % 13 == 0 ? null : "s" + i;
      rows.add(row(v, s));
      if (v != null && v > 50) {
        expected.add(r(v, s));
      }
    }
    Operator src = source(schema, 130, rows);
    assertEquals(expected, collect(filter(src, new Comparison(ComparisonOp.GT, id, Literal.of(50L)), ctx(1024))));
  }

  @Test
  void laterConjunctsSeeOnlyTheRowsEarlierOnesKept() {
    // 1000 rows in batches of 400: the first conjunct keeps ~1 row in 10 (later ones gather those rows), the
    // second about half of them; nulls in either column drop the row.
    List<Object[]> rows = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Long v = i % 17 == 3 ? null : (long) i;
      String s = i % 23 == 0 ? null : (i % 4 < 2 ? "even" : "odd");
      rows.add(row(v, s));
      if (v != null && v % 10 == 7 && "even".equals(s) && v > 100) {
        expected.add(r(v, s));
      }
    }
    Expression lastDigitSeven = new Comparison(ComparisonOp.EQ,
        new BinaryArithmetic(ArithmeticOp.REMAINDER, id, Literal.of(10L)), Literal.of(7L));
    Expression cond = new And(new And(lastDigitSeven, new Comparison(ComparisonOp.EQ, name, Literal.of("even"))),
        new Comparison(ComparisonOp.GT, id, Literal.of(100L)));
    assertEquals(expected, collect(filter(source(schema, 400, rows), cond, ctx(1024))));
  }

  @Test
  void aConjunctIsNotEvaluatedWhereAnEarlierOneIsNullOrFalse() {
    // As Spark's generated filter code: id + Long.MAX_VALUE would overflow for every id > 0, but only rows
    // whose name is 'keep' (none with a positive id) ever reach it; a null name drops the row before it.
    Expression cond = new And(new Comparison(ComparisonOp.EQ, name, Literal.of("keep")),
        new Comparison(ComparisonOp.GT, overflow(), Literal.of(0L)));
    Operator src = source(schema, 8, List.of(row(3L, null), row(0L, "keep"), row(5L, "drop"), row(-4L, "keep"),
        row(7L, null), row(9L, "drop"), row(null, "keep"), row(2L, "x")));
    assertEquals(List.of(r(0L, "keep"), r(-4L, "keep")), collect(filter(src, cond, ctx(1024))));
  }

  @Test
  void aBatchKeptWholeIsPassedThroughAndEmptyResultsAreSkipped() {
    Batch all = batch(schema, List.of(row(5L, "a"), row(6L, "b")));
    Batch none = batch(schema, List.of(row(1L, "x"), row(null, "y")));
    Batch some = batch(schema, List.of(row(1L, "x"), row(9L, "z")));
    SourceOperator src = track(new SourceOperator(List.of(all, none, some)));
    FilterOperator f = track(filter(src, new Comparison(ComparisonOp.GT, id, Literal.of(2L)), ctx(1024)));
    Batch first = f.next();
    assertSame(all, first, "nothing filtered: no copy");
    first.close();
    try (Batch second = f.next()) {
      assertEquals(1, second.rowCount(), "the batch with no match is skipped, not returned empty");
      assertEquals(9L, second.column(0).getObject(0));
    }
    assertNull(f.next());
    f.close();
    assertTrue(src.isClosed());
  }

  @Test
  void constantConditions() {
    assertEquals(7, collect(filter(source(schema, 3, people(7)), Literal.TRUE, ctx(1024))).size());
    assertEquals(List.of(), collect(filter(source(schema, 3, people(7)), Literal.FALSE, ctx(1024))));
    assertEquals(List.of(), collect(filter(source(schema, 3, people(7)),
        Literal.nullOf(DataTypes.BooleanType), ctx(1024))));
  }

  @Test
  void aFailingConditionReleasesTheInputBatch() {
    Expression cond = new Comparison(ComparisonOp.GT, overflow(), Literal.of(1L));
    Operator src = source(schema, 10, people(10));
    FilterOperator f = track(FilterOperator.of(src, cond, schema, ctx(1024)));
    assertThrows(QuiverArithmeticException.class, f::next);
    // The allocator check after the test proves the batch was closed.
  }

  // ---------------------------------------------------------------- Project

  @Test
  void projectEvaluatesEachExpressionPerBatch() {
    List<Expression> exprs = List.of(new Alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, id, Literal.of(10L)), "x"),
        name, new Alias(Literal.of("k"), "k"));
    List<Integer> sizes = new ArrayList<>();
    List<List<Object>> out = collect(new ProjectOperator(source(schema, 2, List.of(row(1L, "a"), row(null, "b"),
        row(3L, "c"))), Operators.compile(exprs, schema), ctx(1024)), sizes);
    assertEquals(List.of(r(10L, "a", "k"), r(null, "b", "k"), r(30L, "c", "k")), out);
    assertEquals(List.of(2, 1), sizes, "one output batch per input batch");
  }

  @Test
  void aFailingProjectionReleasesWhatItBuilt() {
    List<Expression> exprs = List.of(name, overflow());
    ProjectOperator p = track(new ProjectOperator(source(schema, 5, people(5)), Operators.compile(exprs, schema),
        ctx(1024)));
    assertThrows(QuiverArithmeticException.class, p::next);
  }

  // ---------------------------------------------------------------- Limit

  @Test
  void limitCutsTheBatchThatCrossesTheLimitAndStopsPulling() {
    Counting src = new Counting(source(schema, 4, people(20)));
    List<Integer> sizes = new ArrayList<>();
    List<List<Object>> out = collect(new LimitOperator(src, 6, ctx(1024)), sizes);
    assertEquals(6, out.size());
    assertEquals(r(0L, "n0"), out.get(0));
    assertEquals(r(5L, "n5"), out.get(5));
    assertEquals(List.of(4, 2), sizes);
    assertEquals(2, src.pulls, "no batch is read past the limit");
    assertTrue(src.closed);
  }

  @Test
  void limitAtABatchBoundaryZeroAndBeyondTheInput() {
    assertEquals(8, collect(new LimitOperator(source(schema, 4, people(20)), 8, ctx(1024))).size());
    Counting none = new Counting(source(schema, 4, people(20)));
    assertEquals(List.of(), collect(new LimitOperator(none, 0, ctx(1024))));
    assertEquals(0, none.pulls);
    assertEquals(20, collect(new LimitOperator(source(schema, 4, people(20)), 1000, ctx(1024))).size());
    assertEquals(List.of(), collect(new LimitOperator(source(schema, 4, List.of()), 3, ctx(1024))));
  }

  // ---------------------------------------------------------------- Concat

  @Test
  void concatOpensEachInputOnlyWhenThePreviousOneIsDone() {
    AtomicInteger opened = new AtomicInteger();
    List<Supplier<Operator>> inputs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int start = i * 10;
      inputs.add(() -> {
        opened.incrementAndGet();
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          rows.add(row((long) (start + k), "x"));
        }
        return source(schema, 2, rows);
      });
    }
    // An empty input in the middle is skipped.
    inputs.add(1, () -> {
      opened.incrementAndGet();
      return new EmptyOperator();
    });
    ConcatOperator c = track(new ConcatOperator(inputs));
    assertEquals(0, opened.get(), "nothing is opened before the first next()");
    Batch b = c.next();
    assertEquals(1, opened.get());
    b.close();
    List<Long> ids = new ArrayList<>();
    for (List<Object> row : collect(c)) {
      ids.add((Long) row.get(0));
    }
    assertEquals(List.of(2L, 10L, 11L, 12L, 20L, 21L, 22L), ids);
    assertEquals(4, opened.get());
  }

  @Test
  void closingConcatEarlyClosesTheCurrentInputAndOpensNoOther() {
    AtomicInteger opened = new AtomicInteger();
    List<SourceOperator> made = new ArrayList<>();
    Supplier<Operator> input = () -> {
      opened.incrementAndGet();
      SourceOperator s = source(schema, 1, people(3));
      made.add(s);
      return s;
    };
    ConcatOperator c = new ConcatOperator(List.of(input, input, input));
    c.next().close();
    c.close();
    c.close(); // idempotent
    assertEquals(1, opened.get());
    assertTrue(made.get(0).isClosed());
    assertNull(c.next());
    assertEquals(1, opened.get());
  }

  // ---------------------------------------------------------------- LocalTableScan

  @Test
  void localTableSlicesCoverEveryRowOnce() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 103; i++) {
      rows.add(r((long) i, i % 5 == 0 ? null : "s" + i));
    }
    for (int parts : new int[] {1, 2, 3, 7, 103, 150}) {
      List<List<Object>> all = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        List<Integer> sizes = new ArrayList<>();
        List<List<Object>> slice = collect(new LocalTableScanOperator(schema, rows, p, parts, ctx(10)), sizes);
        assertTrue(sizes.stream().allMatch(s -> s > 0 && s <= 10), sizes.toString());
        int lo = p * 103 / parts;
        int hi = (p + 1) * 103 / parts;
        assertEquals(rows.subList(lo, hi), slice, "slice " + p + " of " + parts + " is contiguous");
        all.addAll(slice);
      }
      assertEquals(rows, all, parts + " partitions");
    }
  }

  @Test
  void localTableOfManyTypes() {
    List<AttributeReference> types = List.of(attr("b", DataTypes.BooleanType), attr("i", DataTypes.IntegerType),
        attr("d", DataTypes.DoubleType), attr("day", DataTypes.DateType),
        attr("dec", DataTypes.createDecimalType(5, 2)));
    List<List<Object>> rows = List.of(r(true, 1, 1.5, 19000, new java.math.BigDecimal("1.25")),
        r(null, null, null, null, null));
    assertEquals(rows, collect(new LocalTableScanOperator(types, rows, 0, 1, ctx(1024))));
  }

  // ---------------------------------------------------------------- Range

  private List<Long> range(long start, long end, long step, int slices, int batchSize) {
    long count = Range.of(start, end, step, slices).count();
    List<Long> all = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      List<Integer> sizes = new ArrayList<>();
      for (List<Object> row : collect(new RangeOperator(start, step, count, s, slices, ctx(batchSize)), sizes)) {
        all.add((Long) row.get(0));
      }
      assertTrue(sizes.stream().allMatch(n -> n > 0 && n <= batchSize), sizes.toString());
    }
    return all;
  }

  private static List<Long> expected(long start, long end, long step) {
    List<Long> out = new ArrayList<>();
    if (step > 0) {
      for (long v = start; v < end; v += step) {
        out.add(v);
      }
    } else {
      for (long v = start; v > end; v += step) {
        out.add(v);
      }
    }
    return out;
  }

  @Test
  void rangeSlicesInOrder() {
    assertEquals(expected(0, 100, 1), range(0, 100, 1, 4, 7));
    assertEquals(expected(0, 100, 7), range(0, 100, 7, 3, 4));
    assertEquals(expected(5, 6, 1), range(5, 6, 1, 4, 10), "more slices than values");
    assertEquals(List.of(), range(5, 5, 1, 2, 10));
    assertEquals(List.of(), range(5, 0, 1, 2, 10), "wrong direction: empty");
  }

  @Test
  void rangeWithNegativeSteps() {
    assertEquals(expected(10, 0, -1), range(10, 0, -1, 3, 4));
    assertEquals(List.of(10L, 7L, 4L, 1L), range(10, 0, -3, 2, 2));
    assertEquals(expected(-5, -50, -7), range(-5, -50, -7, 5, 3));
    assertEquals(List.of(), range(0, 10, -1, 2, 10));
  }

  @Test
  void rangeNearTheEndsOfLong() {
    assertEquals(List.of(Long.MAX_VALUE - 3, Long.MAX_VALUE - 2, Long.MAX_VALUE - 1),
        range(Long.MAX_VALUE - 3, Long.MAX_VALUE, 1, 2, 2));
    assertEquals(List.of(Long.MIN_VALUE + 2, Long.MIN_VALUE + 1),
        range(Long.MIN_VALUE + 2, Long.MIN_VALUE, -1, 2, 2));
    List<Long> big = range(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 2, 3, 2);
    assertEquals(5, big.size());
    assertEquals(Long.MIN_VALUE, big.get(0));
    assertEquals(new HashSet<>(big).size(), big.size());
  }

  @Test
  void aCancelledRangeStops() {
    TaskContext ctx = ctx(10);
    RangeOperator r = track(new RangeOperator(0, 1, 100, 0, 1, ctx));
    r.next().close();
    ctx.cancel();
    assertThrows(TaskContext.TaskCancelledException.class, r::next);
  }
}
