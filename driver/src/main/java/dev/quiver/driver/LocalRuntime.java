package dev.quiver.driver;

import dev.quiver.driver.cache.CacheManager;
import dev.quiver.driver.catalog.Catalog;
import dev.quiver.driver.scheduler.BroadcastStore;
import dev.quiver.driver.scheduler.DagScheduler;
import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.LocalTaskLauncher;
import dev.quiver.driver.scheduler.MapOutputTracker;
import dev.quiver.executor.task.TaskRunner;
import dev.quiver.sql.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-process application ({@code local[n]}): the allocator every task's memory comes from, n task
 * threads, the scheduler and its shuffle/broadcast/cache bookkeeping, the catalog, and a scratch directory
 * for shuffle files that is deleted when the application stops.
 */
public final class LocalRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

  private final QuiverConf conf;
  private final MasterUrl master;
  private final AppInfo info;
  private final BufferAllocator root;
  private final Path localDir;
  private final MapOutputTracker tracker = new MapOutputTracker();
  private final BroadcastStore broadcasts = new BroadcastStore();
  private final CacheManager cache = new CacheManager();
  private final LocalTaskLauncher launcher;
  private final DagScheduler scheduler;
  private final Catalog catalog;
  private final AtomicLong jobIds = new AtomicLong();
  private final Thread cleanupHook;
  private volatile boolean stopped;

  public LocalRuntime(QuiverConf conf, MasterUrl master, String appName) {
    this.conf = conf;
    this.master = master;
    long start = System.currentTimeMillis();
    String appId = "local-" + start;
    this.info = new AppInfo(appName, appId, master.url(), System.getProperty("user.name", "unknown"), start,
        master.threads(), Versions.QUIVER);
    this.root = ArrowMemory.newRoot();
    try {
      Path base = conf.contains(QuiverConf.LOCAL_DIR) ? Paths.get(conf.get(QuiverConf.LOCAL_DIR))
          : Paths.get(System.getProperty("java.io.tmpdir"));
      Files.createDirectories(base);
      this.localDir = Files.createTempDirectory(base, "quiver-" + appId + "-");
    } catch (IOException e) {
      root.close();
      throw new QuiverException("Cannot create a scratch directory for shuffle files: " + e.getMessage()
          + ". Set quiver.local.dir to a writable directory.", e);
    }
    long taskMemory = conf.getBytes(QuiverConf.TASK_MEMORY, defaultTaskMemory(master.threads()));
    int batchSize = conf.getInt(QuiverConf.BATCH_SIZE, 8192);
    TaskRunner runner = new TaskRunner(root, taskMemory, localDir.resolve("shuffle"), batchSize);
    this.launcher = new LocalTaskLauncher(master.threads(), runner);
    this.scheduler = new DagScheduler(launcher, conf.getInt(QuiverConf.TASK_MAX_FAILURES, master.maxFailures()));
    this.catalog = new Catalog(Paths.get(conf.get(QuiverConf.WAREHOUSE_DIR, "spark-warehouse")));
    this.cleanupHook = new Thread(this::deleteLocalDir, "quiver-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupHook);
  }

  private static long defaultTaskMemory(int threads) {
    long max = Math.max(256L << 20, ArrowMemory.maxDirectMemory() * 8 / 10 / Math.max(1, threads));
    return max;
  }

  public QuiverConf conf() {
    return conf;
  }

  public AppInfo info() {
    return info;
  }

  public BufferAllocator allocator() {
    return root;
  }

  public MapOutputTracker tracker() {
    return tracker;
  }

  public BroadcastStore broadcasts() {
    return broadcasts;
  }

  public CacheManager cache() {
    return cache;
  }

  public DagScheduler scheduler() {
    return scheduler;
  }

  public LocalTaskLauncher launcher() {
    return launcher;
  }

  public Catalog catalog() {
    return catalog;
  }

  public int parallelism() {
    return master.threads();
  }

  public JobId newJobId() {
    return new JobId(jobIds.getAndIncrement());
  }

  public Path localDir() {
    return localDir;
  }

  public boolean isStopped() {
    return stopped;
  }

  /** Deletes a finished job's shuffle files. */
  public void cleanupJob(JobId job) {
    tracker.removeJob(job);
    broadcasts.removeJob(job);
    launcher.jobFinished(job);
    deleteRecursively(localDir.resolve("shuffle").resolve("job" + job.id()));
  }

  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    launcher.close();
    cache.clear();
    deleteLocalDir();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs (or ran) anyway.
    }
    try {
      root.close();
    } catch (IllegalStateException e) {
      // A leak is a Quiver bug; tests set quiver.memory.leakCheck=fail so that it fails them.
      if ("fail".equals(System.getProperty("quiver.memory.leakCheck"))) {
        throw e;
      }
      LOG.warn("Some Arrow memory was still in use when the session stopped: {}", e.getMessage());
    }
  }

  private void deleteLocalDir() {
    deleteRecursively(localDir);
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("Could not delete {}", p, e);
        }
      });
    } catch (IOException e) {
      LOG.debug("Could not list {}", dir, e);
    }
  }
}
