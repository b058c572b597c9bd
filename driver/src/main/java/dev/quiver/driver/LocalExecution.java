package dev.quiver.driver;

import dev.quiver.driver.io.IpcBatches;
import dev.quiver.driver.scheduler.BroadcastStore;
import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.JobInputs;
import dev.quiver.driver.scheduler.LocalTaskLauncher;
import dev.quiver.driver.scheduler.MapOutputTracker;
import dev.quiver.driver.scheduler.TaskLauncher;
import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.executor.task.ScratchDirs;
import dev.quiver.executor.task.TaskRunner;
import dev.quiver.planner.stages.Stage;
import dev.quiver.sql.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code local[n]}: the allocator every task's memory comes from, n task threads, shuffle files in a scratch
 * directory deleted when the session stops, and broadcasts decoded once in this process.
 */
public final class LocalExecution implements ExecutionBackend {
  private static final Logger LOG = LoggerFactory.getLogger(LocalExecution.class);

  private final int threads;
  private final BufferAllocator root;
  private final Path localDir;
  private final MapOutputTracker tracker = new MapOutputTracker();
  private final BroadcastStore broadcasts;
  private final LocalTaskLauncher launcher;
  private final AtomicLong jobIds = new AtomicLong();
  private final Thread cleanupHook;
  /**
   * Deletes finished jobs' shuffle files off the query's path: a query returns its rows without waiting for
   * its files (about a millisecond for a small query's dozen, more for a many-stage one).
   */
  private final ExecutorService fileCleaner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "quiver-shuffle-cleanup");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  public LocalExecution(QuiverConf conf, int threads, String appId) {
    this.threads = threads;
    this.root = ArrowMemory.newRoot();
    this.broadcasts = new BroadcastStore(root);
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
    long taskMemory = conf.getBytes(QuiverConf.TASK_MEMORY, defaultTaskMemory(threads));
    int batchSize = conf.getInt(QuiverConf.BATCH_SIZE, TaskRunner.DEFAULT_BATCH_SIZE);
    TaskRunner runner = new TaskRunner(root, taskMemory, localDir.resolve("shuffle"), batchSize);
    this.launcher = new LocalTaskLauncher(threads, runner, conf.getBoolean(QuiverConf.LOCAL_ENCODE_TASKS,
        Boolean.getBoolean(QuiverConf.LOCAL_ENCODE_TASKS)));
    this.cleanupHook = new Thread(() -> ScratchDirs.deleteRecursively(localDir), "quiver-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupHook);
  }

  /** The share of direct memory one of {@code slots} concurrent tasks may use. */
  public static long defaultTaskMemory(int slots) {
    return Math.max(256L << 20, ArrowMemory.maxDirectMemory() * 8 / 10 / Math.max(1, slots));
  }

  @Override
  public BufferAllocator allocator() {
    return root;
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public TaskLauncher launcher() {
    return launcher;
  }

  @Override
  public MapOutputTracker tracker() {
    return tracker;
  }

  public Path localDir() {
    return localDir;
  }

  @Override
  public JobId newJobId() {
    return new JobId(jobIds.getAndIncrement());
  }

  @Override
  public TaskInputs jobInputs(JobId job, Map<Long, List<byte[]>> pinnedCaches) {
    return new JobInputs(job, tracker, broadcasts, pinnedCaches);
  }

  @Override
  public void broadcastFinished(JobId job, Stage stage, List<TaskOutcome> outcomes) {
    List<Batch> batches = new ArrayList<>();
    try {
      for (TaskOutcome o : outcomes) {
        batches.addAll(IpcBatches.decode(((TaskOutcome.Rows) o).ipcStream(), root));
      }
    } catch (RuntimeException e) {
      batches.forEach(Batch::close);
      throw e;
    }
    broadcasts.put(job, stage.id(), batches);
  }

  @Override
  public void cleanupJob(JobId job) {
    tracker.removeJob(job);
    broadcasts.removeJob(job);
    launcher.jobFinished(job);
    Path files = localDir.resolve("shuffle").resolve("job" + job.id());
    try {
      fileCleaner.execute(() -> ScratchDirs.deleteRecursively(files));
    } catch (RejectedExecutionException e) {
      ScratchDirs.deleteRecursively(files); // closing: delete it here
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    launcher.close();
    fileCleaner.shutdown();
    try {
      // Its deletions are inside localDir: let them finish before the whole directory goes.
      fileCleaner.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ScratchDirs.deleteRecursively(localDir);
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs (or ran) anyway.
    }
    ArrowMemory.closeRoot(root, LOG);
  }
}
