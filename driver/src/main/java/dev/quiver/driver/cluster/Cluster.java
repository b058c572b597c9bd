package dev.quiver.driver.cluster;

import dev.quiver.driver.ArrowMemory;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.MapOutputTracker;
import dev.quiver.proto.cluster.JobRequest;
import dev.quiver.planner.stages.StageId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's view of its workers, shared by every client session: who is registered and alive (a worker
 * silent for longer than the heartbeat timeout is lost, its running tasks fail and its map outputs are
 * forgotten), where map outputs are, the rows of broadcasts and the cached partitions that running jobs read,
 * and the jobs that ran (for the status page).
 */
public final class Cluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
  public static final String HEARTBEAT_TIMEOUT = "quiver.worker.heartbeatTimeout";
  public static final String HEARTBEAT_INTERVAL = "quiver.worker.heartbeatInterval";

  private record BroadcastKey(JobId job, int stage) {}

  /** A job as the status page shows it. */
  public record JobStatus(long id, String app, String state, long startMillis, long endMillis, String error) {}

  /** A worker as the status page shows it. */
  public record WorkerStatus(String id, String address, int cores, int freeSlots, long memoryBytes,
      long millisSinceHeartbeat, long tasksFinished) {}

  private final Optional<String> secret;
  private final long heartbeatTimeoutMillis;
  private final long heartbeatIntervalMillis;
  private final BufferAllocator root = ArrowMemory.newRoot();
  private final MapOutputTracker tracker = new MapOutputTracker();
  private final AtomicLong jobIds = new AtomicLong();
  private final AtomicInteger workerIds = new AtomicInteger();
  private final Map<String, WorkerEndpoint> workers = new ConcurrentHashMap<>();
  private final Map<BroadcastKey, List<byte[]>> broadcasts = new ConcurrentHashMap<>();
  private final Map<JobId, Map<Long, List<byte[]>>> pinnedCaches = new ConcurrentHashMap<>();
  private final Map<Long, JobStatus> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
  private final RemoteTaskLauncher launcher;
  private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "quiver-heartbeat-monitor");
    t.setDaemon(true);
    return t;
  });

  public Cluster(QuiverConf conf, Optional<String> secret) {
    this.secret = secret;
    this.heartbeatTimeoutMillis = conf.getDurationMillis(HEARTBEAT_TIMEOUT, 5000);
    this.heartbeatIntervalMillis = conf.getDurationMillis(HEARTBEAT_INTERVAL, 1000);
    this.launcher = new RemoteTaskLauncher(this);
    monitor.scheduleWithFixedDelay(this::checkHeartbeats, 250, 250, TimeUnit.MILLISECONDS);
  }

  public BufferAllocator allocator() {
    return root;
  }

  public MapOutputTracker tracker() {
    return tracker;
  }

  public RemoteTaskLauncher launcher() {
    return launcher;
  }

  public long heartbeatIntervalMillis() {
    return heartbeatIntervalMillis;
  }

  JobId newJobId(String app) {
    JobId id = new JobId(jobIds.getAndIncrement());
    jobs.put(id.id(), new JobStatus(id.id(), app, "RUNNING", System.currentTimeMillis(), 0, null));
    synchronized (jobs) {
      // Keep the status page's history bounded.
      while (jobs.size() > 200) {
        jobs.remove(jobs.keySet().iterator().next());
      }
    }
    return id;
  }

  /** Marks a running job finished (a job already marked FAILED stays so). */
  void jobEnded(JobId job, String error) {
    jobs.computeIfPresent(job.id(), (k, s) -> !s.state().equals("RUNNING") ? s : new JobStatus(s.id(), s.app(), error == null ? "SUCCEEDED" : "FAILED",
        s.startMillis(), System.currentTimeMillis(), error));
  }

  /** Registers a worker and returns its new id; a restarted worker registers again and gets a new id. */
  public String register(String host, int port, int cores, long memoryBytes) {
    String id = "worker-" + workerIds.incrementAndGet();
    WorkerEndpoint w = new WorkerEndpoint(id, host, port, Math.max(1, cores), memoryBytes, secret);
    workers.put(id, w);
    LOG.info("Registered {} with {} cores", w, w.cores());
    launcher.workerAdded(w);
    return id;
  }

  /** Records a heartbeat; false when the worker is not (or no longer) known and must register again. */
  public boolean heartbeat(String workerId) {
    WorkerEndpoint w = workers.get(workerId);
    if (w == null) {
      return false;
    }
    w.heartbeat();
    return true;
  }

  List<WorkerEndpoint> liveWorkers() {
    return new ArrayList<>(workers.values());
  }

  WorkerEndpoint worker(String id) {
    return workers.get(id);
  }

  public List<WorkerStatus> workers() {
    List<WorkerStatus> out = new ArrayList<>();
    for (WorkerEndpoint w : workers.values()) {
      out.add(new WorkerStatus(w.id(), w.address(), w.cores(), launcher.freeSlots(w), w.memoryBytes(),
          w.millisSinceHeartbeat(), launcher.tasksFinished(w)));
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }

  public List<JobStatus> jobs() {
    synchronized (jobs) {
      return new ArrayList<>(jobs.values());
    }
  }

  private void checkHeartbeats() {
    try {
      for (WorkerEndpoint w : workers.values()) {
        long silent = w.millisSinceHeartbeat();
        if (silent > heartbeatTimeoutMillis) {
          lose(w, "no heartbeat for " + silent + " ms (timeout " + HEARTBEAT_TIMEOUT + "=" + heartbeatTimeoutMillis
              + " ms)");
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Heartbeat check failed", e);
    }
  }

  /** Declares a worker lost: its running tasks fail (and are retried elsewhere), its map outputs are forgotten. */
  void lose(WorkerEndpoint w, String why) {
    if (workers.remove(w.id(), w)) {
      LOG.warn("Lost {}: {}. Its running tasks are re-run elsewhere and its map outputs recomputed when needed.",
          w, why);
      forgetOutputs(w.id());
      launcher.workerLost(w, why);
      w.close();
    }
  }

  /** Forgets the map outputs written by {@code workerId}. */
  int forgetOutputs(String workerId) {
    String prefix = "worker://" + workerId + "@";
    return tracker.forget(name -> name.startsWith(prefix));
  }

  void putBroadcast(JobId job, StageId stage, List<byte[]> streams) {
    broadcasts.put(new BroadcastKey(job, stage.id()), List.copyOf(streams));
  }

  /** The IPC streams of a finished broadcast stage, for a worker that asks for them. */
  public Optional<List<byte[]>> broadcast(long job, int stage) {
    return Optional.ofNullable(broadcasts.get(new BroadcastKey(new JobId(job), stage)));
  }

  void pinCaches(JobId job, Map<Long, List<byte[]>> caches) {
    if (!caches.isEmpty()) {
      pinnedCaches.put(job, Map.copyOf(caches));
    }
  }

  /** One partition of a cached DataFrame a running job reads (empty partitions beyond the cached ones). */
  public Optional<byte[]> cachedPartition(long job, long cacheId, int partition) {
    Map<Long, List<byte[]>> caches = pinnedCaches.get(new JobId(job));
    List<byte[]> parts = caches == null ? null : caches.get(cacheId);
    if (parts == null) {
      return Optional.empty();
    }
    return Optional.of(partition < parts.size() ? parts.get(partition) : new byte[0]);
  }

  /** Forgets a finished job and asks every worker to delete its shuffle files. */
  void cleanupJob(JobId job) {
    tracker.removeJob(job);
    broadcasts.keySet().removeIf(k -> k.job().equals(job));
    pinnedCaches.remove(job);
    launcher.jobFinished(job);
    JobRequest req = JobRequest.newBuilder().setJobId(job.id()).build();
    for (WorkerEndpoint w : workers.values()) {
      // Fire and forget: a worker that misses it deletes the files when it stops.
      w.stub().removeJob(req, new Ignore<>("Removing the files of " + job + " on " + w));
    }
  }

  @Override
  public void close() {
    monitor.shutdownNow();
    launcher.close();
    workers.values().forEach(WorkerEndpoint::close);
    workers.clear();
    ArrowMemory.closeRoot(root, LOG);
  }
}
