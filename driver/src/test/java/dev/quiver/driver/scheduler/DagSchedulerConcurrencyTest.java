package dev.quiver.driver.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageDag;
import dev.quiver.planner.stages.StageId;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.sql.QuiverArithmeticException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stages of one job running at the same time: failures, recomputation and interrupts across them. */
class DagSchedulerConcurrencyTest {
  private static final JobId JOB = new JobId(7);

  /** What one launch does; {@code launchNo} counts the launches of that stage's partition from 0. */
  interface Body {
    TaskOutcome run(TaskAttemptId id, int launchNo) throws Exception;
  }

  /**
   * Like the real launchers: a task of a cancelled job is refused at launch, and a running task notices a
   * cancel only some time later (between batches).
   */
  static final class SlowCancelLauncher implements TaskLauncher {
    final ExecutorService pool = Executors.newCachedThreadPool();
    final Set<JobId> cancelled = ConcurrentHashMap.newKeySet();
    final CountDownLatch cancel = new CountDownLatch(1);
    final Map<String, AtomicInteger> launches = new ConcurrentHashMap<>();
    Body body;

    @Override
    public int slots() {
      return 8;
    }

    @Override
    public CompletableFuture<TaskOutcome> launch(TaskAttemptId id, TaskDefinition task, TaskInputs inputs) {
      if (cancelled.contains(id.job())) {
        return CompletableFuture.failedFuture(new TaskContext.TaskCancelledException(id + " was cancelled"));
      }
      int n = launches.computeIfAbsent(id.stage().id() + "." + id.partition(), k -> new AtomicInteger())
          .getAndIncrement();
      CompletableFuture<TaskOutcome> f = new CompletableFuture<>();
      pool.execute(() -> {
        try {
          f.complete(body.run(id, n));
        } catch (Throwable t) {
          f.completeExceptionally(t);
        }
      });
      return f;
    }

    /** A task that runs until its job is cancelled and stops {@code lagMs} after that. */
    TaskOutcome untilCancelled(TaskAttemptId id, long lagMs) throws InterruptedException {
      cancel.await();
      Thread.sleep(lagMs);
      throw new TaskContext.TaskCancelledException(id + " noticed its cancel");
    }

    @Override
    public void cancel(JobId job) {
      cancelled.add(job);
      cancel.countDown();
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  private final SlowCancelLauncher launcher = new SlowCancelLauncher();

  @AfterEach
  void stop() {
    launcher.close();
  }

  private static Stage stage(int id, StageKind kind, int partitions, int... parents) {
    List<StageId> ps = new ArrayList<>();
    for (int p : parents) {
      ps.add(new StageId(p));
    }
    return new Stage(new StageId(id), kind, new LocalTableScanExec(List.of(), List.of(), partitions), partitions,
        kind == StageKind.RESULT ? new Partitioning.Unknown(partitions) : new Partitioning.RoundRobin(1), ps);
  }

  private static TaskOutcome.MapOutput mapOutput() {
    return new TaskOutcome.MapOutput("worker://w1@h:1/data", "worker://w1@h:1/index", new long[] {1},
        new long[] {1}, TaskOutcome.TaskMetrics.none());
  }

  private static TaskOutcome rows() {
    return new TaskOutcome.Rows(new byte[0], 0, TaskOutcome.TaskMetrics.none());
  }

  @Test
  void aFailedRecomputationIsReportedAsItsOwnErrorByEveryReaderOfTheLostOutput() {
    // Stage 0 feeds stages 1 and 2, which run at the same time. Stage 1 finds stage 0's output lost (its worker
    // died) and recomputes it; the recomputation fails with the user's error. Stage 2 fetch-fails meanwhile and
    // waits for that recomputation. The job fails with the user's error, not a complaint about stage 0's state.
    MapOutputTracker tracker = new MapOutputTracker();
    launcher.body = (id, n) -> {
      int s = id.stage().id();
      if (s == 0) {
        if (n == 0) {
          return mapOutput();
        }
        Thread.sleep(100);
        throw new QuiverArithmeticException("DIVIDE_BY_ZERO", "Division by zero.", "22012");
      }
      if (s == 1 && id.partition() == 0) {
        return launcher.untilCancelled(id, 300);
      }
      if (s == 1 && id.partition() == 1 && n == 0) {
        tracker.forget(file -> true);
        throw new FetchFailedException(0, null, "the worker holding stage 0's output is gone");
      }
      if (s == 2 && n == 0) {
        Thread.sleep(50);
        throw new FetchFailedException(0, null, "the worker holding stage 0's output is gone");
      }
      return s == 3 ? rows() : mapOutput();
    };
    StageDag dag = new StageDag(List.of(stage(0, StageKind.SHUFFLE_MAP, 1), stage(1, StageKind.SHUFFLE_MAP, 2, 0),
        stage(2, StageKind.SHUFFLE_MAP, 1, 0), stage(3, StageKind.RESULT, 1, 1, 2)));
    QuiverArithmeticException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
        QuiverArithmeticException.class,
        () -> new DagScheduler(launcher, 4, tracker).runJob(JOB, dag, Map.of(), null, (st, o) -> {})));
    assertTrue(e.getMessage().contains("Division by zero"), e.getMessage());
  }

  @Test
  void anInterruptedJobReturnsOnlyOnceNoStageOfItStillRuns() throws Exception {
    // The caller is interrupted while a broadcast stage's listener (decoding the broadcast) runs beside a map
    // stage. The caller deletes the job's files and broadcasts right after runJob returns, so runJob must
    // return only after that listener ended.
    CountDownLatch listenerStarted = new CountDownLatch(1);
    launcher.body = (id, n) -> id.stage().id() == 0 ? launcher.untilCancelled(id, 100) : rows();
    StageDag dag = new StageDag(List.of(stage(0, StageKind.SHUFFLE_MAP, 1), stage(1, StageKind.BROADCAST, 1),
        stage(2, StageKind.RESULT, 1, 0, 1)));
    AtomicLong listenerEnd = new AtomicLong();
    AtomicLong runJobEnd = new AtomicLong();
    List<Throwable> thrown = new ArrayList<>();
    Thread caller = new Thread(() -> {
      try {
        new DagScheduler(launcher, 4).runJob(JOB, dag, Map.of(), null, (st, o) -> {
          if (st.id().id() == 1) {
            listenerStarted.countDown();
            try {
              Thread.sleep(150);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            listenerEnd.set(System.nanoTime());
          }
        });
      } catch (RuntimeException e) {
        runJobEnd.set(System.nanoTime());
        thrown.add(e);
      }
    });
    caller.start();
    assertTrue(listenerStarted.await(10, java.util.concurrent.TimeUnit.SECONDS));
    caller.interrupt();
    caller.join(20_000);
    assertEquals(1, thrown.size(), "runJob fails when interrupted");
    assertTrue(thrown.get(0).getMessage().contains("Interrupted"), thrown.get(0).getMessage());
    assertTrue(listenerEnd.get() != 0 && listenerEnd.get() <= runJobEnd.get(),
        "runJob returned while a stage of its job still ran");
  }
}
