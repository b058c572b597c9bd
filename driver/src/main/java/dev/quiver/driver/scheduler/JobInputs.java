package dev.quiver.driver.scheduler;

import dev.quiver.driver.io.IpcBatches;
import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.BatchListOperator;
import dev.quiver.executor.operators.join.BroadcastHashTables;
import dev.quiver.executor.shuffle.LocalShuffleRead;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.planner.stages.StageId;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/** The inputs of one job's tasks in this process: its shuffles, broadcasts and the session's caches. */
public final class JobInputs implements TaskInputs {
  private final JobId job;
  private final MapOutputTracker tracker;
  private final BroadcastStore broadcasts;
  private final Map<Long, List<byte[]>> pinnedCaches;

  /**
   * @param pinnedCaches the cached partitions this job reads, taken when it starts, so that an unpersist or a
   *     re-materialization meanwhile does not pull data out from under running tasks
   */
  public JobInputs(JobId job, MapOutputTracker tracker, BroadcastStore broadcasts,
      Map<Long, List<byte[]>> pinnedCaches) {
    this.job = job;
    this.tracker = tracker;
    this.broadcasts = broadcasts;
    this.pinnedCaches = Map.copyOf(pinnedCaches);
  }

  @Override
  public Operator shuffleRead(int stageId, int partition, BufferAllocator allocator) {
    return LocalShuffleRead.open(tracker.outputs(job, new StageId(stageId)), partition, allocator,
        () -> "partition " + partition + " of the shuffle of stage " + stageId + " (" + job + ")");
  }

  @Override
  public List<Batch> broadcast(int stageId) {
    return broadcasts.get(job, new StageId(stageId));
  }

  @Override
  public BroadcastHashTables broadcastTables(int stageId) {
    return broadcasts.tables(job, new StageId(stageId));
  }

  @Override
  public Operator cached(long cacheId, int partition, BufferAllocator allocator) {
    List<byte[]> parts = pinnedCaches.get(cacheId);
    if (parts == null) {
      throw new IllegalStateException("Cached DataFrame " + cacheId + " was not pinned for " + job);
    }
    return new BatchListOperator(partition < parts.size() ? IpcBatches.decode(parts.get(partition), allocator)
        : List.of());
  }
}
