package dev.quiver.driver.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.planner.stages.StageId;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastStoreTest {
  private static final JobId JOB_A = new JobId(1);
  private static final JobId JOB_B = new JobId(2);

  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator(64L << 20);
  }

  @AfterEach
  void close() {
    allocator.close(); // fails the test if a batch was not closed
  }

  private Batch batch(long... values) {
    BigIntVector v = new BigIntVector("x", allocator);
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      v.set(i, values[i]);
    }
    v.setValueCount(values.length);
    return new Batch(List.of(v), values.length);
  }

  @Test
  void broadcastsAreKeptPerJobAndStage() {
    BroadcastStore store = new BroadcastStore(allocator);
    Batch a = batch(1, 2);
    Batch b = batch(3);
    Batch c = batch(4);
    store.put(JOB_A, new StageId(0), List.of(a));
    store.put(JOB_B, new StageId(0), List.of(b));
    store.put(JOB_A, new StageId(1), List.of(c));
    assertSame(a, store.get(JOB_A, new StageId(0)).get(0));
    assertSame(b, store.get(JOB_B, new StageId(0)).get(0));
    assertSame(c, store.get(JOB_A, new StageId(1)).get(0));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.get(JOB_B, new StageId(1)));
    assertTrue(e.getMessage().contains("stage 1") && e.getMessage().contains("job 2"), e.getMessage());
    store.removeJob(JOB_A);
    store.removeJob(JOB_B);
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void removeJobClosesThatJobsBatchesOnly() {
    BroadcastStore store = new BroadcastStore(allocator);
    store.put(JOB_A, new StageId(0), List.of(batch(1, 2, 3), batch(4)));
    store.put(JOB_A, new StageId(2), List.of(batch(5)));
    Batch other = batch(6, 7);
    store.put(JOB_B, new StageId(0), List.of(other));
    long before = allocator.getAllocatedMemory();
    store.removeJob(JOB_A);
    assertTrue(allocator.getAllocatedMemory() < before);
    assertThrows(IllegalStateException.class, () -> store.get(JOB_A, new StageId(0)));
    assertEquals(7L, ((BigIntVector) store.get(JOB_B, new StageId(0)).get(0).column(0)).get(1));
    store.removeJob(JOB_A); // nothing left: no-op
    store.removeJob(JOB_B);
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void replacingABroadcastClosesTheOldBatches() {
    BroadcastStore store = new BroadcastStore(allocator);
    store.put(JOB_A, new StageId(0), List.of(batch(1)));
    Batch fresh = batch(2);
    store.put(JOB_A, new StageId(0), List.of(fresh));
    assertSame(fresh, store.get(JOB_A, new StageId(0)).get(0));
    store.removeJob(JOB_A);
  }

  @Test
  void theStoredListIsACopy() {
    BroadcastStore store = new BroadcastStore(allocator);
    java.util.List<Batch> rows = new java.util.ArrayList<>(List.of(batch(1)));
    store.put(JOB_A, new StageId(0), rows);
    rows.add(batch(2));
    assertEquals(1, store.get(JOB_A, new StageId(0)).size());
    rows.get(1).close();
    store.removeJob(JOB_A);
  }
}
