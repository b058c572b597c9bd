package dev.quiver.driver.scheduler;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.operators.join.BroadcastHashTables;
import dev.quiver.planner.stages.StageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rows of finished broadcast stages, decoded once per process and shared by every task that joins
 * against them, with the hash tables those tasks build over them (once per process, not per task). Owned
 * here; a job's broadcasts are closed when the job ends.
 */
public final class BroadcastStore {
  private record Key(JobId job, StageId stage) {}

  /** One broadcast's rows and the join tables over them; the tables go first, as they read the rows. */
  private record Shared(List<Batch> batches, BroadcastHashTables tables) {
    void close() {
      List<AutoCloseable> owned = new ArrayList<>();
      owned.add(tables);
      owned.addAll(batches);
      Operators.closeAll(owned);
    }
  }

  private final BufferAllocator tablesAllocator;
  private final Map<Key, Shared> broadcasts = new ConcurrentHashMap<>();

  /** @param tablesAllocator where the shared hash tables are charged (the process's, not a task's) */
  public BroadcastStore(BufferAllocator tablesAllocator) {
    this.tablesAllocator = tablesAllocator;
  }

  public void put(JobId job, StageId stage, List<Batch> rows) {
    Shared old = broadcasts.put(new Key(job, stage),
        new Shared(List.copyOf(rows), new BroadcastHashTables(tablesAllocator)));
    if (old != null) {
      old.close();
    }
  }

  public List<Batch> get(JobId job, StageId stage) {
    return shared(job, stage).batches();
  }

  /** The hash tables shared by the tasks joining against broadcast {@code stage}. */
  public BroadcastHashTables tables(JobId job, StageId stage) {
    return shared(job, stage).tables();
  }

  private Shared shared(JobId job, StageId stage) {
    Shared s = broadcasts.get(new Key(job, stage));
    if (s == null) {
      throw new IllegalStateException("Broadcast of " + stage + " of " + job + " is not available");
    }
    return s;
  }

  public void removeJob(JobId job) {
    List<Key> keys = new ArrayList<>();
    for (Key k : broadcasts.keySet()) {
      if (k.job().equals(job)) {
        keys.add(k);
      }
    }
    List<AutoCloseable> removed = new ArrayList<>();
    for (Key k : keys) {
      Shared s = broadcasts.remove(k);
      if (s != null) {
        removed.add(s::close);
      }
    }
    Operators.closeAll(removed);
  }
}
