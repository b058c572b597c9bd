package dev.quiver.driver.scheduler;

import dev.quiver.driver.cache.CacheManager;
import dev.quiver.driver.io.IpcBatches;
import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.shuffle.LocalBlocks;
import dev.quiver.executor.shuffle.ShuffleBlockReader;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.stages.StageId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** The inputs of one job's tasks in this process: its shuffles, broadcasts and the session's caches. */
public final class JobInputs implements TaskInputs {
  private final JobId job;
  private final MapOutputTracker tracker;
  private final BroadcastStore broadcasts;
  private final CacheManager cache;

  public JobInputs(JobId job, MapOutputTracker tracker, BroadcastStore broadcasts, CacheManager cache) {
    this.job = job;
    this.tracker = tracker;
    this.broadcasts = broadcasts;
    this.cache = cache;
  }

  @Override
  public Operator shuffleRead(int stageId, int partition, BufferAllocator allocator) {
    List<ShuffleBlockReader.BlockSource> blocks = new ArrayList<>();
    for (TaskOutcome.MapOutput m : tracker.outputs(job, new StageId(stageId))) {
      if (m.partitionRows()[partition] == 0) {
        continue;
      }
      blocks.add(LocalBlocks.range(Path.of(m.dataFile()), Path.of(m.indexFile()), m.partitionBytes().length,
          partition));
    }
    return new ShuffleBlockReader(blocks, allocator,
        () -> "partition " + partition + " of the shuffle of stage " + stageId + " (" + job + ")");
  }

  @Override
  public List<Batch> broadcast(int stageId) {
    return broadcasts.get(job, new StageId(stageId));
  }

  @Override
  public Operator cached(long cacheId, int partition, BufferAllocator allocator) {
    List<byte[]> parts = cache.partitions(cacheId);
    List<Batch> batches = partition < parts.size() ? IpcBatches.decode(parts.get(partition), allocator) : List.of();
    return new Operator() {
      private int next;

      @Override
      public Batch next() {
        while (next < batches.size()) {
          Batch b = batches.get(next++);
          if (b.rowCount() > 0) {
            return b;
          }
          b.close();
        }
        return null;
      }

      @Override
      public void close() {
        while (next < batches.size()) {
          batches.get(next++).close();
        }
      }
    };
  }
}
