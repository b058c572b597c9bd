package dev.quiver.executor.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class HashJoinOperatorTest extends JoinTestBase {
  private final AttributeReference lk = attr("lk", DataTypes.IntegerType);
  private final AttributeReference lv = attr("lv", DataTypes.IntegerType);
  private final AttributeReference ls = attr("ls", DataTypes.StringType);
  private final AttributeReference rk = attr("rk", DataTypes.IntegerType);
  private final AttributeReference rv = attr("rv", DataTypes.IntegerType);
  private final AttributeReference rs = attr("rs", DataTypes.StringType);
  private final List<AttributeReference> left = List.of(lk, lv, ls);
  private final List<AttributeReference> right = List.of(rk, rv, rs);

  private static final List<Object[]> LEFT_ROWS = Arrays.asList(
      new Object[] {1, 10, "a"}, new Object[] {1, 20, "b"}, new Object[] {2, 5, "c"}, new Object[] {null, 1, "d"},
      new Object[] {3, 7, "e"}, new Object[] {4, null, "f"}, new Object[] {2, 50, null}, new Object[] {1, 30, "g"});
  private static final List<Object[]> RIGHT_ROWS = Arrays.asList(
      new Object[] {1, 15, "x"}, new Object[] {1, 25, "y"}, new Object[] {2, 6, "z"}, new Object[] {null, 100, "n"},
      new Object[] {5, 1, "q"}, new Object[] {4, 40, "w"}, new Object[] {2, 1, null});

  private HashJoinExec node(JoinType type, BuildSide side, Optional<Expression> condition, boolean broadcast) {
    return new HashJoinExec(List.of(lk), List.of(rk), type, side, condition, broadcast,
        new LocalTableScanExec(left, List.of(), 1), new LocalTableScanExec(right, List.of(), 1));
  }

  private Operator join(HashJoinExec node, List<Object[]> leftRows, List<Object[]> rightRows, int rowsPerBatch,
      boolean broadcast, TaskContext ctx) {
    boolean buildRight = node.buildSide() == BuildSide.RIGHT;
    List<AttributeReference> streamOut = buildRight ? left : right;
    List<AttributeReference> buildOut = buildRight ? right : left;
    Operator stream = source(streamOut, rowsPerBatch, buildRight ? leftRows : rightRows);
    BuildInput build = buildInput(buildOut, buildRight ? rightRows : leftRows, rowsPerBatch, broadcast);
    return track(HashJoinOperator.create(node, stream, streamOut, build, buildOut, ctx));
  }

  private static final BiPredicate<Object[], Object[]> KEYS_EQUAL =
      (l, r) -> l[0] != null && r[0] != null && l[0].equals(r[0]);
  private static final BiPredicate<Object[], Object[]> KEYS_AND_LESS =
      KEYS_EQUAL.and((l, r) -> l[1] != null && r[1] != null && (Integer) l[1] < (Integer) r[1]);

  @Test
  void everyJoinTypeOnEitherBuildSideMatchesTheReference() {
    Expression less = new Comparison(ComparisonOp.LT, lv, rv);
    for (JoinType type : JoinType.values()) {
      for (BuildSide side : buildSides(type)) {
        for (boolean withCondition : List.of(false, true)) {
          for (int rowsPerBatch : List.of(1, 3, 100)) {
            for (int batchSize : List.of(1, 2, 1024)) {
              boolean broadcast = rowsPerBatch == 3;
              HashJoinExec node = node(type, side, withCondition ? Optional.of(less) : Optional.empty(),
                  broadcast && !JoinSemantics.of(type, side).tracksBuildMatches());
              List<String> expected = reference(type, LEFT_ROWS, RIGHT_ROWS, 3, 3,
                  withCondition ? KEYS_AND_LESS : KEYS_EQUAL);
              List<Integer> sizes = new ArrayList<>();
              List<String> actual = asStrings(collect(join(node, LEFT_ROWS, RIGHT_ROWS, rowsPerBatch,
                  node.broadcast(), ctx(batchSize)), sizes));
              String what = type + " building " + side + (withCondition ? " with condition" : "") + ", "
                  + rowsPerBatch + " rows per input batch, batch size " + batchSize;
              assertEquals(expected, actual, what);
              assertTrue(sizes.stream().allMatch(n -> n > 0 && n <= batchSize), what + ": " + sizes);
            }
          }
        }
      }
    }
  }

  @Test
  void buildKeyColumnCopiedFromTheStreamKeepsItsNameAndValues() {
    for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT_OUTER, JoinType.RIGHT_OUTER, JoinType.FULL_OUTER)) {
      for (BuildSide side : buildSides(type)) {
        Operator op = join(node(type, side, Optional.empty(), false), LEFT_ROWS, RIGHT_ROWS, 3, false, ctx(4));
        List<String> rows = new ArrayList<>();
        Batch b;
        while ((b = op.next()) != null) {
          try (Batch batch = b) {
            for (int c = 0; c < batch.numColumns(); c++) {
              assertEquals(List.of("lk", "lv", "ls", "rk", "rv", "rs").get(c), batch.column(c).getName());
            }
            for (int r = 0; r < batch.rowCount(); r++) {
              List<Object> values = new ArrayList<>();
              for (int c = 0; c < batch.numColumns(); c++) {
                values.add(InternalValues.read(batch.column(c), r));
              }
              rows.add(values.toString());
            }
          }
        }
        rows.sort(null);
        assertEquals(reference(type, LEFT_ROWS, RIGHT_ROWS, 3, 3, KEYS_EQUAL), rows, type + " building " + side);
      }
    }
  }

  @Test
  void randomInputsWithStringAndCompositeKeys() {
    Random rnd = new Random(7);
    List<Object[]> l = new ArrayList<>();
    List<Object[]> r = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      l.add(new Object[] {rnd.nextInt(30) == 0 ? null : rnd.nextInt(40), rnd.nextInt(100),
          rnd.nextInt(20) == 0 ? null : "s" + rnd.nextInt(3)});
    }
    for (int i = 0; i < 400; i++) {
      r.add(new Object[] {rnd.nextInt(30) == 0 ? null : rnd.nextInt(40), rnd.nextInt(100),
          rnd.nextInt(20) == 0 ? null : "s" + rnd.nextInt(3)});
    }
    BiPredicate<Object[], Object[]> match = (a, b) -> a[0] != null && b[0] != null && a[0].equals(b[0])
        && a[2] != null && b[2] != null && a[2].equals(b[2]);
    for (JoinType type : JoinType.values()) {
      for (BuildSide side : buildSides(type)) {
        HashJoinExec node = new HashJoinExec(List.of(lk, ls), List.of(rk, rs), type, side, Optional.empty(), false,
            new LocalTableScanExec(left, List.of(), 1), new LocalTableScanExec(right, List.of(), 1));
        assertEquals(reference(type, l, r, 3, 3, match),
            asStrings(collect(join(node, l, r, 64, false, ctx(100)))), type + " building " + side);
      }
    }
  }

  @Test
  void booleanAndLongBuildColumnsAreGatheredAcrossBatchesOfAnySize() {
    AttributeReference rb = attr("rb", DataTypes.BooleanType);
    AttributeReference rl = attr("rl", DataTypes.LongType);
    List<AttributeReference> build = List.of(rk, rb, rl);
    List<Object[]> buildRows = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      buildRows.add(new Object[] {i % 50, i % 3 == 0 ? null : i % 2 == 0, i % 7 == 0 ? null : 1000L * i});
    }
    List<Object[]> probe = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      probe.add(new Object[] {i % 60, i, "p" + i});
    }
    HashJoinExec node = new HashJoinExec(List.of(lk), List.of(rk), JoinType.LEFT_OUTER, BuildSide.RIGHT,
        Optional.empty(), true, new LocalTableScanExec(left, List.of(), 1), new LocalTableScanExec(build, List.of(), 1));
    // 1-row batches find their batch by search, 100-row ones (and a shorter last one) through the block table.
    for (int rowsPerBatch : List.of(1, 100, 333)) {
      Operator op = track(HashJoinOperator.create(node, source(left, 7, probe), left,
          buildInput(build, buildRows, rowsPerBatch, true), build, ctx(64)));
      assertEquals(reference(JoinType.LEFT_OUTER, probe, buildRows, 3, 3, KEYS_EQUAL), asStrings(collect(op)),
          rowsPerBatch + " build rows per batch");
    }
  }

  @Test
  void keysAreExpressions() {
    // ON lk + 1 = rk
    Expression lkPlus1 = new BinaryArithmetic(ArithmeticOp.ADD, lk, Literal.of(1));
    HashJoinExec node = new HashJoinExec(List.of(lkPlus1), List.of(rk), JoinType.INNER, BuildSide.RIGHT,
        Optional.empty(), false, new LocalTableScanExec(left, List.of(), 1), new LocalTableScanExec(right, List.of(), 1));
    BiPredicate<Object[], Object[]> match = (a, b) -> a[0] != null && b[0] != null && (Integer) a[0] + 1 == (Integer) b[0];
    assertEquals(reference(JoinType.INNER, LEFT_ROWS, RIGHT_ROWS, 3, 3, match),
        asStrings(collect(join(node, LEFT_ROWS, RIGHT_ROWS, 4, false, ctx(16)))));
  }

  @Test
  void explodingProbeIsChunked() {
    List<Object[]> l = new ArrayList<>();
    List<Object[]> r = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      l.add(new Object[] {7, i, "l"});
      r.add(new Object[] {7, i, "r"});
    }
    HashJoinExec node = node(JoinType.INNER, BuildSide.RIGHT, Optional.empty(), false);
    Operator op = join(node, l, r, 500, false, ctx(4096));
    long rows = 0;
    int batches = 0;
    Batch b;
    while ((b = op.next()) != null) {
      try (Batch out = b) {
        assertTrue(out.rowCount() <= 4096 && out.rowCount() > 0);
        assertEquals(6, out.numColumns());
        rows += out.rowCount();
        batches++;
      }
    }
    op.close();
    assertEquals(1_000_000L, rows);
    assertTrue(batches >= 1_000_000 / 4096);
  }

  @Test
  void broadcastBuildBatchesAreReadInPlaceAndNotClosed() {
    List<Batch> shared = new ArrayList<>();
    shared.add(track(batch(right, RIGHT_ROWS.subList(0, 4))));
    shared.add(track(batch(right, RIGHT_ROWS.subList(4, 7))));
    long before = allocator.getAllocatedMemory();
    for (int task = 0; task < 2; task++) {
      HashJoinExec node = node(JoinType.LEFT_OUTER, BuildSide.RIGHT, Optional.empty(), true);
      Operator op = track(HashJoinOperator.create(node, source(left, 2, LEFT_ROWS), left,
          BuildInput.broadcast(shared), right, ctx(4)));
      assertEquals(reference(JoinType.LEFT_OUTER, LEFT_ROWS, RIGHT_ROWS, 3, 3, KEYS_EQUAL), asStrings(collect(op)));
    }
    for (Batch b : shared) {
      assertEquals(b.rowCount(), b.column(0).getValueCount());
      assertTrue(b.column(0).getDataBuffer().refCnt() > 0);
    }
    assertEquals(before, allocator.getAllocatedMemory());
  }

  @Test
  void ownedBuildInputIsClosedAfterDrainingAndStreamOnClose() {
    SourceOperator stream = source(left, 2, LEFT_ROWS);
    SourceOperator build = source(right, 2, RIGHT_ROWS);
    Operator op = track(HashJoinOperator.create(node(JoinType.INNER, BuildSide.RIGHT, Optional.empty(), false), stream,
        left, BuildInput.of(build), right, ctx(2)));
    try (Batch first = op.next()) {
      assertTrue(first.rowCount() > 0);
    }
    assertTrue(build.isClosed());
    assertFalse(stream.isClosed());
    op.close();
    assertTrue(stream.isClosed());
    assertEquals(0, allocator.getAllocatedMemory());
  }

  private static List<List<Object>> rows(Batch b) {
    List<List<Object>> out = new ArrayList<>();
    for (int r = 0; r < b.rowCount(); r++) {
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < b.numColumns(); c++) {
        values.add(InternalValues.read(b.column(c), r));
      }
      out.add(values);
    }
    return out;
  }

  @Test
  void innerJoinBuildsTheStreamSideWhenItTurnsOutSmaller() {
    List<Object[]> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(new Object[] {i % 7, i, i % 5 == 0 ? null : "r" + i});
    }
    Expression less = new Comparison(ComparisonOp.LT, lv, rv);
    for (boolean withCondition : List.of(false, true)) {
      for (BuildSide side : List.of(BuildSide.LEFT, BuildSide.RIGHT)) {
        // The planned build side has 300 rows, the stream side 8: the stream side is built instead.
        boolean buildRight = side == BuildSide.RIGHT;
        List<Object[]> leftRows = buildRight ? LEFT_ROWS : many;
        List<Object[]> rightRows = buildRight ? many : LEFT_ROWS;
        SourceOperator stream = source(buildRight ? left : right, 3, buildRight ? leftRows : rightRows);
        SourceOperator build = source(buildRight ? right : left, 3, buildRight ? rightRows : leftRows);
        HashJoinExec node = node(JoinType.INNER, side, withCondition ? Optional.of(less) : Optional.empty(), false);
        Operator op = track(HashJoinOperator.create(node, stream, buildRight ? left : right, BuildInput.of(build),
            buildRight ? right : left, ctx(16)));
        List<String> expected = reference(JoinType.INNER, leftRows, rightRows, 3, 3,
            withCondition ? KEYS_AND_LESS : KEYS_EQUAL);
        List<List<Object>> rows = new ArrayList<>();
        Batch first = op.next();
        // The small side was drained and closed as the build side; the planned build side is being streamed.
        assertTrue(stream.isClosed(), "building " + side);
        assertFalse(build.isClosed(), "building " + side);
        rows.addAll(rows(first));
        first.close();
        rows.addAll(collect(op));
        assertEquals(expected, asStrings(rows), "building " + side + (withCondition ? " with condition" : ""));
        assertTrue(build.isClosed());
      }
    }
  }

  @Test
  void innerJoinBuildsAStreamSideOfAtMostHalfTheBytesAndFourTimesTheRows() {
    // The planned build side has 50 rows of long strings; the stream side more rows but a tenth of the bytes.
    List<Object[]> wide = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      wide.add(new Object[] {i % 10, i, "w".repeat(200) + i});
    }
    for (int streamRows : List.of(150, 200, 201)) {
      List<Object[]> narrow = new ArrayList<>();
      for (int i = 0; i < streamRows; i++) {
        narrow.add(new Object[] {i % 12, i, i % 3 == 0 ? null : "n"});
      }
      SourceOperator stream = source(left, 16, narrow);
      SourceOperator build = source(right, 16, wide);
      Operator op = track(HashJoinOperator.create(node(JoinType.INNER, BuildSide.RIGHT, Optional.empty(), false),
          stream, left, BuildInput.of(build), right, ctx(64)));
      Batch first = op.next();
      boolean swapped = streamRows <= 4 * wide.size();
      String what = streamRows + " stream rows against " + wide.size();
      assertEquals(swapped, stream.isClosed(), what + ": the stream side was built");
      assertEquals(!swapped, build.isClosed(), what + ": the planned build side was built");
      List<List<Object>> rows = new ArrayList<>(rows(first));
      first.close();
      rows.addAll(collect(op));
      assertEquals(reference(JoinType.INNER, narrow, wide, 3, 3, KEYS_EQUAL), asStrings(rows), what);
    }
    // More rows than the build side and more than half its bytes: the planned side is built.
    List<Object[]> alsoWide = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      alsoWide.add(new Object[] {i % 12, i, "s".repeat(150)});
    }
    SourceOperator stream = source(left, 16, alsoWide);
    SourceOperator build = source(right, 16, wide);
    Operator op = track(HashJoinOperator.create(node(JoinType.INNER, BuildSide.RIGHT, Optional.empty(), false),
        stream, left, BuildInput.of(build), right, ctx(64)));
    Batch first = op.next();
    assertTrue(build.isClosed(), "the planned build side was built");
    assertFalse(stream.isClosed(), "the wide stream side is streamed");
    List<List<Object>> rows = new ArrayList<>(rows(first));
    first.close();
    rows.addAll(collect(op));
    assertEquals(reference(JoinType.INNER, alsoWide, wide, 3, 3, KEYS_EQUAL), asStrings(rows));
  }

  @Test
  void innerJoinKeepsThePlannedBuildSideWhenTheStreamSideIsNotSmaller() {
    SourceOperator stream = source(left, 1, LEFT_ROWS);
    SourceOperator build = source(right, 1, RIGHT_ROWS.subList(0, 6));
    Operator op = track(HashJoinOperator.create(node(JoinType.INNER, BuildSide.RIGHT, Optional.empty(), false),
        stream, left, BuildInput.of(build), right, ctx(1)));
    Batch first = op.next();
    assertTrue(build.isClosed());
    assertFalse(stream.isClosed());
    List<List<Object>> rows = new ArrayList<>(rows(first));
    first.close();
    rows.addAll(collect(op));
    assertEquals(reference(JoinType.INNER, LEFT_ROWS, RIGHT_ROWS.subList(0, 6), 3, 3, KEYS_EQUAL), asStrings(rows));
  }

  @Test
  void innerJoinClosedBeforeItStartsClosesBothInputs() {
    SourceOperator stream = source(left, 2, LEFT_ROWS);
    SourceOperator build = source(right, 2, RIGHT_ROWS);
    Operator op = HashJoinOperator.create(node(JoinType.INNER, BuildSide.RIGHT, Optional.empty(), false), stream,
        left, BuildInput.of(build), right, ctx(2));
    op.close();
    assertTrue(stream.isClosed());
    assertTrue(build.isClosed());
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void emptyBuildSide() {
    for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT_OUTER, JoinType.LEFT_SEMI, JoinType.LEFT_ANTI,
        JoinType.FULL_OUTER)) {
      HashJoinExec node = node(type, BuildSide.RIGHT, Optional.empty(), false);
      assertEquals(reference(type, LEFT_ROWS, List.of(), 3, 3, KEYS_EQUAL),
          asStrings(collect(join(node, LEFT_ROWS, List.of(), 3, false, ctx(5)))), type.toString());
    }
  }

  @Test
  void semiJoinCannotBroadcastItsLeftSide() {
    HashJoinExec node = node(JoinType.LEFT_SEMI, BuildSide.LEFT, Optional.empty(), true);
    SourceOperator stream = source(right, 2, RIGHT_ROWS);
    PlanningException e = assertThrows(PlanningException.class, () -> HashJoinOperator.create(node, stream, right,
        buildInput(left, LEFT_ROWS, 2, true), left, ctx(2)));
    assertTrue(e.getMessage().contains("every task would emit that side's rows"), e.getMessage());
    assertTrue(stream.isClosed());
  }

  @Test
  void semiAndAntiJoinsBuildTheLeftSideWhenItTurnsOutSmaller() {
    List<Object[]> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(new Object[] {i % 11 == 0 ? null : i % 3, i % 40, "r" + i});
    }
    Expression less = new Comparison(ComparisonOp.LT, lv, rv);
    for (JoinType type : List.of(JoinType.LEFT_SEMI, JoinType.LEFT_ANTI)) {
      for (boolean withCondition : List.of(false, true)) {
        String what = type + (withCondition ? " with condition" : "");
        BiPredicate<Object[], Object[]> match = withCondition ? KEYS_AND_LESS : KEYS_EQUAL;
        // The left rows a semi (anti) join keeps are those with (without) a match, in their input order.
        List<List<Object>> expected = new ArrayList<>();
        for (Object[] l : LEFT_ROWS) {
          if (many.stream().anyMatch(r -> match.test(l, r)) == (type == JoinType.LEFT_SEMI)) {
            expected.add(Arrays.asList(l));
          }
        }
        assertFalse(expected.isEmpty(), what);
        SourceOperator stream = source(left, 3, LEFT_ROWS);
        SourceOperator build = source(right, 3, many);
        Operator op = track(HashJoinOperator.create(node(type, BuildSide.RIGHT,
            withCondition ? Optional.of(less) : Optional.empty(), false), stream, left, BuildInput.of(build), right,
            ctx(4)));
        Batch first = op.next();
        // The 8 left rows were drained and built; the planned build side's 300 rows are streamed.
        assertTrue(stream.isClosed(), what);
        assertFalse(build.isClosed(), what);
        List<List<Object>> rows = new ArrayList<>(rows(first));
        first.close();
        rows.addAll(collect(op));
        assertEquals(expected.toString(), rows.toString(), what);
      }
    }
  }

  @Test
  void runningOutOfMemoryNamesTheJoin() {
    List<Object[]> big = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      big.add(new Object[] {i, i, "a fairly long string value to fill memory " + i});
    }
    BufferAllocator task = track(allocator.newChildAllocator("task", 0, 2L * 1024 * 1024));
    HashJoinExec node = node(JoinType.INNER, BuildSide.RIGHT, Optional.empty(), false);
    Operator op = track(HashJoinOperator.create(node, source(left, 2, LEFT_ROWS), left,
        BuildInput.of(lazySource(right, 4096, big, task)), right, ctx(task, 1024, null)));
    QuiverException e = assertThrows(QuiverException.class, op::next);
    assertEquals("TASK_MEMORY_EXCEEDED", e.getErrorClass());
    assertTrue(e.getMessage().contains("HashJoin (Inner, building the right side) holding"), e.getMessage());
    assertTrue(e.getMessage().contains(TASK), e.getMessage());
    op.close();
    assertEquals(0, task.getAllocatedMemory());
  }
}
