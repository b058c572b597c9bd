package dev.quiver.driver.scheduler;

import dev.quiver.executor.batch.Batch;
import dev.quiver.planner.stages.StageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of finished broadcast stages, decoded once per process and shared by every task that joins
 * against them. Owned here; a job's broadcasts are closed when the job ends.
 */
public final class BroadcastStore {
  private record Key(JobId job, StageId stage) {}

  private final Map<Key, List<Batch>> batches = new ConcurrentHashMap<>();

  public void put(JobId job, StageId stage, List<Batch> rows) {
    List<Batch> old = batches.put(new Key(job, stage), List.copyOf(rows));
    if (old != null) {
      old.forEach(Batch::close);
    }
  }

  public List<Batch> get(JobId job, StageId stage) {
    List<Batch> b = batches.get(new Key(job, stage));
    if (b == null) {
      throw new IllegalStateException("Broadcast of " + stage + " of " + job + " is not available");
    }
    return b;
  }

  public void removeJob(JobId job) {
    List<Key> keys = new ArrayList<>();
    for (Key k : batches.keySet()) {
      if (k.job().equals(job)) {
        keys.add(k);
      }
    }
    for (Key k : keys) {
      List<Batch> b = batches.remove(k);
      if (b != null) {
        b.forEach(Batch::close);
      }
    }
  }
}
