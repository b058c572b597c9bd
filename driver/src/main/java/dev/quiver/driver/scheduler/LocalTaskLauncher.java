package dev.quiver.driver.scheduler;

import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.executor.task.TaskRunner;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.serde.TaskSerde;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code local[n]}: n task threads in the driver's process. A task runs the stage's planned fragment itself:
 * plans are immutable, so the stage's tasks share it. With {@code encodeTasks} each task is instead encoded to
 * protobuf bytes and decoded again before it runs, exactly what a remote worker would receive; the test suites
 * turn that on ({@code quiver.local.encodeTasks}) so every local test also tests the encoding. It is off by
 * default because the round trip, and compiling the encoder and decoder while the first queries run, cost a
 * few percent of a short query's CPU.
 */
public final class LocalTaskLauncher implements TaskLauncher {
  private final int threads;
  private final ExecutorService pool;
  private final TaskRunner runner;
  private final boolean encodeTasks;
  private final Map<JobId, Set<TaskContext>> running = new ConcurrentHashMap<>();
  private final Set<CompletableFuture<TaskOutcome>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  /** Jobs cancelled and not yet finished: their queued tasks must not start, their starting tasks must stop. */
  private final Set<JobId> cancelled = ConcurrentHashMap.newKeySet();

  public LocalTaskLauncher(int threads, TaskRunner runner, boolean encodeTasks) {
    this.threads = threads;
    this.runner = runner;
    this.encodeTasks = encodeTasks;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "quiver-task-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(threads, factory);
  }

  @Override
  public int slots() {
    return threads;
  }

  @Override
  public CompletableFuture<TaskOutcome> launch(TaskAttemptId id, TaskDefinition task, TaskInputs inputs) {
    if (closed) {
      return CompletableFuture.failedFuture(sessionStopped(id));
    }
    byte[] wire = encodeTasks ? TaskSerde.toBytes(task) : null;
    CompletableFuture<TaskOutcome> future = CompletableFuture.supplyAsync(() -> {
      if (cancelled.contains(id.job())) {
        throw new TaskContext.TaskCancelledException(id + " was cancelled before it started");
      }
      TaskDefinition received = wire == null ? task : TaskSerde.fromBytes(wire);
      Set<TaskContext> contexts = running.computeIfAbsent(id.job(), k -> ConcurrentHashMap.newKeySet());
      TaskContext[] mine = new TaskContext[1];
      try {
        return runner.run(received, inputs, ctx -> {
          mine[0] = ctx;
          contexts.add(ctx);
          if (cancelled.contains(id.job())) {
            ctx.cancel(); // cancel() ran between the check above and now
          }
        });
      } finally {
        if (mine[0] != null) {
          contexts.remove(mine[0]);
        }
      }
    }, pool);
    pending.add(future);
    future.whenComplete((r, e) -> pending.remove(future));
    return future;
  }

  private static dev.quiver.sql.QuiverException sessionStopped(Object what) {
    return new dev.quiver.sql.QuiverException("SESSION_STOPPED", "The session was stopped while " + what
        + " was to run; the query cannot finish. Start a new session with Session.builder().getOrCreate().",
        null, null);
  }

  @Override
  public void cancel(JobId job) {
    cancelled.add(job);
    Set<TaskContext> contexts = running.get(job);
    if (contexts != null) {
      contexts.forEach(TaskContext::cancel);
    }
  }

  /** Forgets a finished job's bookkeeping. */
  public void jobFinished(JobId job) {
    running.remove(job);
    cancelled.remove(job);
  }

  /**
   * Stops the task threads: running tasks are cancelled, tasks not started yet fail with SESSION_STOPPED, and
   * this returns once no task thread still uses memory (so the allocator can be closed after it).
   */
  @Override
  public void close() {
    closed = true;
    running.values().forEach(set -> set.forEach(TaskContext::cancel));
    pool.shutdownNow();
    for (CompletableFuture<TaskOutcome> f : pending) {
      f.completeExceptionally(sessionStopped("a task"));
    }
    try {
      if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
        org.slf4j.LoggerFactory.getLogger(LocalTaskLauncher.class)
            .warn("Some task threads did not stop within 30 s of the session stopping");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
