package dev.quiver.worker;

import com.google.protobuf.ByteString;
import dev.quiver.executor.shuffle.KeyBloomFilter;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskFailure;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.executor.task.TaskResultSerde;
import dev.quiver.executor.task.TaskRunner;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.serde.TaskSerde;
import dev.quiver.proto.cluster.LaunchTaskRequest;
import dev.quiver.proto.cluster.TaskResult;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The worker's task slots: one thread per core, each running one task attempt at a time on the TaskRunner. */
final class TaskSlots implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskSlots.class);

  private final Worker worker;
  private final TaskRunner runner;
  private final ExecutorService pool;
  private final Map<Long, Set<TaskContext>> running = new ConcurrentHashMap<>();
  private final AtomicInteger active = new AtomicInteger();

  TaskSlots(Worker worker, TaskRunner runner, int cores) {
    this.worker = worker;
    this.runner = runner;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(cores, r -> {
      Thread t = new Thread(r, "quiver-task-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  int active() {
    return active.get();
  }

  void submit(LaunchTaskRequest req, Consumer<TaskResult> reply) {
    active.incrementAndGet();
    pool.execute(() -> {
      try {
        reply.accept(run(req));
      } finally {
        active.decrementAndGet();
      }
    });
  }

  private TaskResult run(LaunchTaskRequest req) {
    long job = req.getJobId();
    Set<TaskContext> contexts = running.computeIfAbsent(job, k -> ConcurrentHashMap.newKeySet());
    TaskContext[] mine = new TaskContext[1];
    try {
      TaskDefinition task = TaskSerde.fromBytes(req.getTaskDefinition().toByteArray());
      WorkerTaskInputs inputs = new WorkerTaskInputs(worker, req);
      TaskOutcome outcome = runner.run(task, inputs, ctx -> {
        mine[0] = ctx;
        contexts.add(ctx);
      });
      KeyBloomFilter joinKeys = inputs.recordedJoinKeys();
      if (joinKeys != null && outcome instanceof TaskOutcome.MapOutput) {
        TaskResult r = TaskResultSerde.encode(outcome);
        return r.toBuilder().setMapOutput(r.getMapOutput().toBuilder()
            .setJoinKeys(ByteString.copyFrom(joinKeys.toBytes())).setJoinKeyRows(joinKeys.keys())).build();
      }
      if (!req.getKeepResultKey().isEmpty() && outcome instanceof TaskOutcome.Rows rows) {
        // A cached partition: it stays here, the driver learns only where it is.
        worker.blocks().put(req.getKeepResultKey(), rows.ipcStream());
        TaskResult r = TaskResultSerde.encode(new TaskOutcome.Rows(new byte[0], rows.rowCount(), rows.metrics()));
        return r.toBuilder().setRows(r.getRows().toBuilder().setKept(true)).build();
      }
      return TaskResultSerde.encode(outcome);
    } catch (RuntimeException | Error e) {
      TaskFailure f = TaskFailure.of(e);
      if (f.kind() == TaskFailure.Kind.OTHER) {
        LOG.warn("A task of job {} failed", job, e);
      }
      return TaskResultSerde.encode(f);
    } finally {
      if (mine[0] != null) {
        contexts.remove(mine[0]);
      }
    }
  }

  void cancel(long job) {
    Set<TaskContext> contexts = running.get(job);
    if (contexts != null) {
      contexts.forEach(TaskContext::cancel);
    }
  }

  void forget(long job) {
    cancel(job);
    running.remove(job);
  }

  @Override
  public void close() {
    running.values().forEach(s -> s.forEach(TaskContext::cancel));
    pool.shutdownNow();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
