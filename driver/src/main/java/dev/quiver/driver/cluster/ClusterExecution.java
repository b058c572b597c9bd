package dev.quiver.driver.cluster;

import dev.quiver.driver.ArrowMemory;
import dev.quiver.driver.ExecutionBackend;
import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.MapOutputTracker;
import dev.quiver.driver.scheduler.TaskLauncher;
import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.stages.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client session's share of the cluster: its tasks go to the shared workers, its driver-side memory is a
 * child of the cluster's allocator (checked for leaks when the session stops), and stopping it cancels only its
 * own jobs.
 */
public final class ClusterExecution implements ExecutionBackend {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterExecution.class);

  private final Cluster cluster;
  private final String app;
  private final BufferAllocator allocator;
  private final Set<JobId> jobs = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public ClusterExecution(Cluster cluster, String app) {
    this.cluster = cluster;
    this.app = app;
    this.allocator = cluster.allocator().newChildAllocator("session " + app, 0, Long.MAX_VALUE);
  }

  @Override
  public BufferAllocator allocator() {
    return allocator;
  }

  @Override
  public int parallelism() {
    return cluster.launcher().slots();
  }

  @Override
  public TaskLauncher launcher() {
    return cluster.launcher();
  }

  @Override
  public MapOutputTracker tracker() {
    return cluster.tracker();
  }

  @Override
  public JobId newJobId() {
    JobId job = cluster.newJobId(app);
    jobs.add(job);
    return job;
  }

  @Override
  public TaskInputs jobInputs(JobId job, Map<Long, List<byte[]>> pinnedCaches) {
    cluster.pinCaches(job, pinnedCaches);
    return NOT_HERE;
  }

  @Override
  public void broadcastFinished(JobId job, Stage stage, List<TaskOutcome> outcomes) {
    List<byte[]> streams = new ArrayList<>();
    for (TaskOutcome o : outcomes) {
      streams.add(((TaskOutcome.Rows) o).ipcStream());
    }
    cluster.putBroadcast(job, stage.id(), streams);
  }

  @Override
  public boolean cachedPartitionsAvailable(List<byte[]> partitions) {
    for (byte[] p : partitions) {
      Optional<BlockRef> ref = BlockRef.parse(p);
      if (ref.isPresent() && cluster.worker(ref.get().workerId()) == null) {
        LOG.warn("Cached partitions were on {}, which was lost; computing the cached DataFrame again",
            ref.get().workerId());
        return false;
      }
    }
    return true;
  }

  @Override
  public void jobFailed(JobId job, Throwable error) {
    cluster.jobEnded(job, String.valueOf(error.getMessage()));
  }

  @Override
  public void cleanupJob(JobId job) {
    jobs.remove(job);
    cluster.jobEnded(job, null);
    cluster.cleanupJob(job);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (JobId job : jobs) {
      cluster.launcher().cancel(job);
    }
    ArrowMemory.closeRoot(allocator, LOG);
  }

  /** Tasks of a cluster session run on workers, which find their inputs themselves. */
  private static final TaskInputs NOT_HERE = new TaskInputs() {
    @Override
    public Operator shuffleRead(int stageId, int partition, BufferAllocator allocator) {
      throw new IllegalStateException("Cluster tasks read shuffles on their workers");
    }

    @Override
    public List<Batch> broadcast(int stageId) {
      throw new IllegalStateException("Cluster tasks read broadcasts on their workers");
    }

    @Override
    public Operator cached(long cacheId, int partition, BufferAllocator allocator) {
      throw new IllegalStateException("Cluster tasks read cached partitions on their workers");
    }
  };
}
