package dev.quiver.driver;

import dev.quiver.driver.cache.CacheManager;
import dev.quiver.driver.catalog.Catalog;
import dev.quiver.driver.scheduler.DagScheduler;
import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.MapOutputTracker;
import java.nio.file.Paths;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What one session owns: its settings, application info, catalog and caches, and the scheduler that runs its
 * jobs on an {@link ExecutionBackend} — its own threads ({@code local[n]}) or a cluster shared with other
 * sessions.
 */
public final class LocalRuntime implements AutoCloseable {
  private final QuiverConf conf;
  private final AppInfo info;
  private final ExecutionBackend execution;
  private final CacheManager cache = new CacheManager();
  private final DagScheduler scheduler;
  private final Catalog catalog;
  private volatile boolean stopped;

  /** A {@code local[n]} session with its own task threads. */
  public LocalRuntime(QuiverConf conf, MasterUrl master, String appName) {
    this(conf, localInfo(master, appName), null, master.maxFailures());
  }

  /**
   * A session running on {@code execution}, or on its own local threads when null.
   *
   * @param defaultMaxFailures attempts per task unless quiver.task.maxFailures says otherwise
   */
  public LocalRuntime(QuiverConf conf, AppInfo info, ExecutionBackend execution, int defaultMaxFailures) {
    this.conf = conf;
    this.info = info;
    this.execution = execution != null ? execution
        : new LocalExecution(conf, info.defaultParallelism(), info.applicationId());
    this.scheduler = new DagScheduler(this.execution.launcher(),
        conf.getInt(QuiverConf.TASK_MAX_FAILURES, defaultMaxFailures), this.execution.tracker());
    this.catalog = new Catalog(Paths.get(conf.get(QuiverConf.WAREHOUSE_DIR, "spark-warehouse")));
  }

  private static AppInfo localInfo(MasterUrl master, String appName) {
    long start = System.currentTimeMillis();
    return new AppInfo(appName, "local-" + start, master.url(), System.getProperty("user.name", "unknown"), start,
        master.threads(), Versions.QUIVER);
  }

  public QuiverConf conf() {
    return conf;
  }

  public AppInfo info() {
    return info;
  }

  public ExecutionBackend execution() {
    return execution;
  }

  public BufferAllocator allocator() {
    return execution.allocator();
  }

  public MapOutputTracker tracker() {
    return execution.tracker();
  }

  public CacheManager cache() {
    return cache;
  }

  public DagScheduler scheduler() {
    return scheduler;
  }

  public Catalog catalog() {
    return catalog;
  }

  public int parallelism() {
    return execution.parallelism();
  }

  public JobId newJobId() {
    return execution.newJobId();
  }

  public boolean isStopped() {
    return stopped;
  }

  /** Deletes a finished job's shuffle files and forgets its broadcasts. */
  public void cleanupJob(JobId job) {
    execution.cleanupJob(job);
  }

  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    cache.clear();
    execution.close();
  }
}
