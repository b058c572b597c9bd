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
 * {@code local[n]}: n task threads in the driver's process. Each task is encoded to protobuf bytes and decoded
 * again before it runs, exactly what a remote worker would receive.
 */
public final class LocalTaskLauncher implements TaskLauncher {
  private final int threads;
  private final ExecutorService pool;
  private final TaskRunner runner;
  private final Map<JobId, Set<TaskContext>> running = new ConcurrentHashMap<>();
  /** Jobs cancelled and not yet finished: their queued tasks must not start, their starting tasks must stop. */
  private final Set<JobId> cancelled = ConcurrentHashMap.newKeySet();

  public LocalTaskLauncher(int threads, TaskRunner runner) {
    this.threads = threads;
    this.runner = runner;
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
    byte[] wire = TaskSerde.toBytes(task);
    return CompletableFuture.supplyAsync(() -> {
      if (cancelled.contains(id.job())) {
        throw new TaskContext.TaskCancelledException(id + " was cancelled before it started");
      }
      TaskDefinition received = TaskSerde.fromBytes(wire);
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

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
