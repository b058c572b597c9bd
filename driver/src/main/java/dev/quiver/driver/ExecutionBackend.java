package dev.quiver.driver;

import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.MapOutputTracker;
import dev.quiver.driver.scheduler.TaskLauncher;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.stages.Stage;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where a session's tasks run: n threads of this process ({@code local[n]}) or the slots of a cluster's workers,
 * shared by every client session of the driver. The session keeps what is its own (settings, catalog, views,
 * caches); this keeps what belongs to execution (task slots, shuffle locations, broadcasts).
 */
public interface ExecutionBackend extends AutoCloseable {
  /**
   * Task setting naming the cached DataFrame a job materializes. A cluster keeps each partition on the worker
   * that computed it and hands the session a reference instead of the rows.
   */
  String CACHE_BEING_MATERIALIZED = "quiver.cache.materializing";

  /** Memory for the session's driver-side work: decoding results and broadcasts, folding constants. */
  BufferAllocator allocator();

  /** How many tasks run at once (Spark's defaultParallelism). */
  int parallelism();

  TaskLauncher launcher();

  MapOutputTracker tracker();

  /** A job id unique among all sessions sharing this backend. */
  JobId newJobId();

  /** The non-file inputs of one job's tasks (how they are reached depends on where tasks run). */
  TaskInputs jobInputs(JobId job, Map<Long, List<byte[]>> pinnedCaches);

  /** Keeps a finished broadcast stage's rows for the job's later tasks. */
  void broadcastFinished(JobId job, Stage stage, List<TaskOutcome> outcomes);

  /** False when some of a cache's partitions were lost (kept on a worker that is gone): compute it again. */
  default boolean cachedPartitionsAvailable(List<byte[]> partitions) {
    return true;
  }

  /** Records that a job failed (before {@link #cleanupJob}), for status reporting. */
  default void jobFailed(JobId job, Throwable error) {}

  /** Forgets a finished job and deletes its shuffle files. */
  void cleanupJob(JobId job);

  /** Releases what this session holds; a shared cluster stays up for other sessions. */
  @Override
  void close();
}
