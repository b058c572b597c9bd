package dev.quiver.executor.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.sql.types.DataTypes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

class BroadcastHashTablesTest extends JoinTestBase {
  private final AttributeReference lk = attr("lk", DataTypes.LongType);
  private final AttributeReference lv = attr("lv", DataTypes.StringType);
  private final AttributeReference rk = attr("rk", DataTypes.LongType);
  private final AttributeReference rv = attr("rv", DataTypes.StringType);
  private final List<AttributeReference> left = List.of(lk, lv);
  private final List<AttributeReference> right = List.of(rk, rv);

  private List<Batch> broadcastRows() {
    List<Batch> shared = new ArrayList<>();
    shared.add(track(batch(right, List.of(row(1L, "one"), row(2L, "two"), row(null, "none")))));
    shared.add(track(batch(right, List.of(row(2L, "deux"), row(4L, "four")))));
    return shared;
  }

  /** A builder of the table over {@code shared} keyed on its first column, counting its calls. */
  private Function<BufferAllocator, JoinHashTable> builder(List<Batch> shared, TaskContext ctx, AtomicInteger builds) {
    return a -> {
      builds.incrementAndGet();
      BuildRows rows = BuildRows.load(BuildInput.broadcast(shared), right, ctx);
      List<VectorEvaluator> keys = Operators.compile(List.of(rk), right);
      return JoinHashTable.build(rows, keys, new EvalContext(a, ZoneOffset.UTC, 0L));
    };
  }

  @Test
  void tasksJoiningTheSameBroadcastShareOneTableChargedToItsOwner() {
    List<Batch> shared = broadcastRows();
    BroadcastHashTables tables = new BroadcastHashTables(allocator);
    long rowsOnly = allocator.getAllocatedMemory();
    List<Object[]> probe = List.of(row(2L, "a"), row(3L, "b"), row(null, "c"), row(1L, "d"));
    HashJoinExec node = new HashJoinExec(List.of(lk), List.of(rk), JoinType.INNER, BuildSide.RIGHT,
        Optional.empty(), true, new LocalTableScanExec(left, List.of(), 1), new LocalTableScanExec(right, List.of(), 1));
    for (int task = 0; task < 3; task++) {
      try (BufferAllocator taskAllocator = allocator.newChildAllocator("task " + task, 0, Long.MAX_VALUE)) {
        TaskContext ctx = ctx(taskAllocator, 2, null);
        Operator op = HashJoinOperator.create(node, source(left, 1, probe), left,
            BuildInput.broadcast(shared, tables), right, ctx);
        List<String> out = asStrings(collect(op));
        assertEquals(List.of("[1, d, 1, one]", "[2, a, 2, deux]", "[2, a, 2, two]"), out, "task " + task);
        op.close();
        // The table is not the task's: its allocator closes empty while the table lives on for the next task.
        assertEquals(0, taskAllocator.getAllocatedMemory());
      }
      assertTrue(allocator.getAllocatedMemory() > rowsOnly, "the shared table is kept between tasks");
    }
    tables.close();
    assertEquals(rowsOnly, allocator.getAllocatedMemory());
  }

  @Test
  void aTableIsBuiltOncePerKeyAndFreedByItsLastHolder() {
    List<Batch> shared = broadcastRows();
    long rowsOnly = allocator.getAllocatedMemory();
    TaskContext ctx = ctx(4);
    BroadcastHashTables tables = new BroadcastHashTables(allocator);
    AtomicInteger builds = new AtomicInteger();
    BroadcastHashTables.Lease first = tables.acquire("rk", builder(shared, ctx, builds));
    BroadcastHashTables.Lease second = tables.acquire("rk", builder(shared, ctx, builds));
    BroadcastHashTables.Lease otherKey = tables.acquire("rk again", builder(shared, ctx, builds));
    assertEquals(2, builds.get());
    assertSame(first.table(), second.table());
    assertNotSame(first.table(), otherKey.table());
    otherKey.close();
    first.close();
    first.close(); // a second close gives nothing back twice
    tables.close();
    // The holder let go, but a task still probes the table: it stays whole until that task is done.
    assertEquals(1, firstRowOf(second.table(), 2L));
    assertTrue(allocator.getAllocatedMemory() > rowsOnly);
    second.close();
    assertEquals(rowsOnly, allocator.getAllocatedMemory());
    assertThrows(IllegalStateException.class, () -> tables.acquire("rk", builder(shared, ctx, builds)));
  }

  /** The first build row of {@code key} in {@code table} (over one bigint key), or -1. */
  private int firstRowOf(JoinHashTable table, long key) {
    try (BigIntVector probe = new BigIntVector("probe", allocator)) {
      probe.allocateNew(1);
      probe.set(0, key);
      probe.setValueCount(1);
      int[] entry = new int[1];
      table.findIntegral(List.of(probe), 1, entry);
      return entry[0] == JoinHashTable.NONE ? -1 : JoinHashTable.row(entry[0]);
    }
  }

  @Test
  void aFailedBuildLeavesNothingAndTheNextTaskBuildsAgain() {
    List<Batch> shared = broadcastRows();
    long rowsOnly = allocator.getAllocatedMemory();
    TaskContext ctx = ctx(4);
    BroadcastHashTables tables = new BroadcastHashTables(allocator);
    RuntimeException e = assertThrows(RuntimeException.class, () -> tables.acquire("rk", a -> {
      throw new IllegalStateException("cancelled while building");
    }));
    assertEquals("cancelled while building", e.getMessage());
    assertEquals(rowsOnly, allocator.getAllocatedMemory());
    AtomicInteger builds = new AtomicInteger();
    try (BroadcastHashTables.Lease lease = tables.acquire("rk", builder(shared, ctx, builds))) {
      assertEquals(1, builds.get());
      assertTrue(lease.table().keys().get(0).getValueCount() == 5);
    }
    tables.close();
    assertEquals(rowsOnly, allocator.getAllocatedMemory());
  }

  @Test
  void concurrentTasksWaitForOneBuild() throws Exception {
    List<Batch> shared = broadcastRows();
    long rowsOnly = allocator.getAllocatedMemory();
    TaskContext ctx = ctx(4);
    BroadcastHashTables tables = new BroadcastHashTables(allocator);
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<BufferAllocator, JoinHashTable> slow = a -> {
      building.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      return builder(shared, ctx, builds).apply(a);
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<BroadcastHashTables.Lease> a = pool.submit(() -> tables.acquire("rk", slow));
      building.await(10, TimeUnit.SECONDS);
      Future<BroadcastHashTables.Lease> b = pool.submit(() -> tables.acquire("rk", slow));
      release.countDown();
      try (BroadcastHashTables.Lease la = a.get(10, TimeUnit.SECONDS);
          BroadcastHashTables.Lease lb = b.get(10, TimeUnit.SECONDS)) {
        assertSame(la.table(), lb.table());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, builds.get());
    tables.close();
    assertEquals(rowsOnly, allocator.getAllocatedMemory());
  }
}
