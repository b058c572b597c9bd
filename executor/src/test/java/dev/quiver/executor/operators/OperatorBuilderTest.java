package dev.quiver.executor.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.physical.BroadcastExchangeExec;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.CoalesceExec;
import dev.quiver.planner.physical.FilterExec;
import dev.quiver.planner.physical.InMemoryScanExec;
import dev.quiver.planner.physical.LimitExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ProjectExec;
import dev.quiver.planner.physical.RangeExec;
import dev.quiver.planner.physical.ShuffleExchangeExec;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.physical.SortExec;
import dev.quiver.planner.physical.TopNExec;
import dev.quiver.planner.physical.UnionExec;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/** Small fragments of physical nodes, built into operators for one partition and drained. */
class OperatorBuilderTest extends OperatorTestBase {
  private final AttributeReference id = attr("id", DataTypes.LongType);
  private final AttributeReference name = attr("name", DataTypes.StringType);
  private final List<AttributeReference> schema = List.of(id, name);

  private static List<Object> r(Object... values) {
    return Arrays.asList(values);
  }

  private LocalTableScanExec table(int rows, int partitions) {
    List<List<Object>> data = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      data.add(r((long) i, "n" + i));
    }
    return new LocalTableScanExec(schema, data, partitions);
  }

  private List<List<Object>> run(PhysicalPlan plan, int partition) {
    return run(plan, partition, null);
  }

  private List<List<Object>> run(PhysicalPlan plan, int partition, TaskInputs inputs) {
    TaskContext ctx = ctx(allocator, 4, inputs);
    return collect(new OperatorBuilder(ctx).build(plan, partition));
  }

  private static List<Long> ids(List<List<Object>> rows) {
    return rows.stream().map(x -> (Long) x.get(0)).toList();
  }

  @Test
  void filterProjectLimitOverALocalTable() {
    Expression even = new Comparison(ComparisonOp.EQ, new BinaryArithmetic(ArithmeticOp.REMAINDER, id,
        Literal.of(2L)), Literal.of(0L));
    ProjectExec project = new ProjectExec(List.of(new Alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, id,
        Literal.of(10L)), "x"), name), new FilterExec(even, table(30, 3)));
    LimitExec limit = new LimitExec(3, false, project);
    assertEquals(List.of(r(0L, "n0"), r(20L, "n2"), r(40L, "n4")), run(limit, 0));
    assertEquals(List.of(r(100L, "n10"), r(120L, "n12"), r(140L, "n14")), run(limit, 1));
    assertEquals(List.of(200L, 220L, 240L), ids(run(limit, 2)));
  }

  @Test
  void sortAndTopNOverARange() {
    AttributeReference rid = AttributeReference.create("id", DataTypes.LongType, false);
    RangeExec range = new RangeExec(0, 20, 1, 2, List.of(rid));
    SortOrder desc = SortOrder.desc(rid);
    assertEquals(List.of(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L),
        ids(run(new SortExec(List.of(desc), false, range), 0)));
    assertEquals(List.of(19L, 18L, 17L), ids(run(new TopNExec(3, List.of(desc), range), 1)));
  }

  @Test
  void unionPartitionsFollowEachOther() {
    UnionExec union = new UnionExec(List.of(table(4, 2), table(3, 1)));
    assertEquals(List.of(0L, 1L), ids(run(union, 0)));
    assertEquals(List.of(2L, 3L), ids(run(union, 1)));
    assertEquals(List.of(0L, 1L, 2L), ids(run(union, 2)));
    assertEquals(List.of(), run(union, 3));
  }

  @Test
  void coalesceReadsAContiguousGroupOfInputPartitions() {
    CoalesceExec coalesce = new CoalesceExec(2, table(10, 5));
    assertEquals(List.of(0L, 1L, 2L, 3L), ids(run(coalesce, 0)));
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), ids(run(coalesce, 1)));
  }

  @Test
  void exchangesMustBeCutBeforeATaskRuns() {
    TaskContext ctx = ctx(16);
    assertThrows(PlanningException.class, () -> new OperatorBuilder(ctx).build(
        new ShuffleExchangeExec(new Partitioning.RoundRobin(2), table(3, 1)), 0));
    assertThrows(PlanningException.class, () -> new OperatorBuilder(ctx).build(
        new BroadcastExchangeExec(table(3, 1)), 0));
  }

  /** Inputs from "elsewhere": shuffle partition p holds rows (p*100, p*100 + 1); cache and broadcast likewise. */
  private final class Inputs implements TaskInputs {
    final List<Batch> broadcast = new ArrayList<>();

    @Override
    public Operator shuffleRead(int stageId, int partition, BufferAllocator a) {
      return lazySource(schema, 1, List.of(row(partition * 100L, "s" + stageId), row(partition * 100L + 1,
          "s" + stageId)), a);
    }

    @Override
    public List<Batch> broadcast(int stageId) {
      if (broadcast.isEmpty()) {
        broadcast.add(track(batch(schema, List.of(row(7L, "b"), row(8L, "b")))));
      }
      return broadcast;
    }

    @Override
    public Operator cached(long cacheId, int partition, BufferAllocator a) {
      return lazySource(schema, 1, List.<Object[]>of(row(cacheId, "c" + partition)), a);
    }
  }

  @Test
  void readersOfOtherStagesComeFromTheTaskInputs() {
    Inputs inputs = new Inputs();
    assertEquals(List.of(r(300L, "s5"), r(301L, "s5")),
        run(new ShuffleReadExec(5, schema, new Partitioning.RoundRobin(4)), 3, inputs));
    assertEquals(List.of(r(42L, "c1")), run(new InMemoryScanExec(42, schema, 2), 1, inputs));
    PhysicalPlan bc = new FilterExec(new Comparison(ComparisonOp.GT, id, Literal.of(7L)),
        new BroadcastReadExec(9, schema));
    assertEquals(List.of(r(8L, "b")), run(bc, 0, inputs));
    assertEquals(List.of(r(8L, "b")), run(bc, 1, inputs), "every task reads the whole broadcast");
    assertEquals(2, inputs.broadcast.get(0).rowCount(), "the shared batches stay intact");
  }
}
