package dev.quiver.driver.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DagSchedulerTest {
  private static final JobId JOB = new JobId(7);

  /** What the fake launcher does with one task attempt. */
  @FunctionalInterface
  interface Behavior {
    /** Returns normally to succeed; throws to fail; may block (then it is released by cancel). */
    void run(TaskAttemptId id, FakeLauncher launcher) throws Exception;
  }

  /** Runs attempts on a small pool, records what it launched, and fails blocked tasks when cancelled. */
  static final class FakeLauncher implements TaskLauncher {
    final List<TaskAttemptId> launched = Collections.synchronizedList(new ArrayList<>());
    final List<TaskDefinition> definitions = Collections.synchronizedList(new ArrayList<>());
    final Set<TaskAttemptId> finished = ConcurrentHashMap.newKeySet();
    final List<JobId> cancelled = Collections.synchronizedList(new ArrayList<>());
    final Set<CompletableFuture<TaskOutcome>> pending = ConcurrentHashMap.newKeySet();
    final List<CompletableFuture<TaskOutcome>> all = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final Behavior behavior;

    FakeLauncher(Behavior behavior) {
      this.behavior = behavior;
    }

    @Override
    public int slots() {
      return 4;
    }

    @Override
    public CompletableFuture<TaskOutcome> launch(TaskAttemptId id, TaskDefinition task, TaskInputs inputs) {
      launched.add(id);
      definitions.add(task);
      if (cancelled.contains(id.job())) {
        // As the real launchers do: a task of a cancelled job never runs.
        return CompletableFuture.failedFuture(new TaskContext.TaskCancelledException(id + " was cancelled"));
      }
      CompletableFuture<TaskOutcome> f = new CompletableFuture<>();
      pending.add(f);
      all.add(f);
      pool.execute(() -> {
        try {
          behavior.run(id, this);
          finished.add(id);
          f.complete(new TaskOutcome.Rows(new byte[0], id.partition(), TaskOutcome.TaskMetrics.none()));
        } catch (Throwable t) {
          f.completeExceptionally(t);
        } finally {
          pending.remove(f);
        }
      });
      return f;
    }

    @Override
    public void cancel(JobId job) {
      cancelled.add(job);
      for (CompletableFuture<TaskOutcome> f : pending) {
        f.completeExceptionally(new TaskContext.TaskCancelledException("cancelled"));
      }
    }

    long attemptsOf(int stage, int partition) {
      synchronized (launched) {
        return launched.stream().filter(t -> t.stage().id() == stage && t.partition() == partition).count();
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  private FakeLauncher launcher;

  @AfterEach
  void stopLauncher() {
    if (launcher != null) {
      launcher.close();
    }
  }

  private static Stage stage(int id, StageKind kind, int partitions, Partitioning out, int... parents) {
    List<StageId> ps = new ArrayList<>();
    for (int p : parents) {
      ps.add(new StageId(p));
    }
    return new Stage(new StageId(id), kind, new LocalTableScanExec(List.of(), List.of(), partitions), partitions,
        out, ps);
  }

  /** stage 0 (2 map tasks) and stage 1 (3 map tasks) feed stage 2 (2 result tasks). */
  private static StageDag threeStages() {
    return new StageDag(List.of(
        stage(0, StageKind.SHUFFLE_MAP, 2, new Partitioning.RoundRobin(2)),
        stage(1, StageKind.SHUFFLE_MAP, 3, new Partitioning.RoundRobin(2)),
        stage(2, StageKind.RESULT, 2, new Partitioning.Unknown(2), 0, 1)));
  }

  private static StageDag oneStage(int partitions) {
    return new StageDag(List.of(stage(0, StageKind.RESULT, partitions, new Partitioning.Unknown(partitions))));
  }

  private List<TaskOutcome> run(DagScheduler s, StageDag dag, List<Stage> finishedStages) {
    return s.runJob(JOB, dag, Map.of("spark.sql.session.timeZone", "UTC"), null,
        (stage, outcomes) -> {
          synchronized (finishedStages) {
            finishedStages.add(stage);
          }
        });
  }

  @Test
  void stagesRunInDependencyOrderAndResultsComeInPartitionOrder() {
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    launcher = new FakeLauncher((id, l) -> {
      if (id.stage().id() == 2) {
        // Every task of both parents must have finished before a result task starts.
        for (int[] sp : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}}) {
          if (!l.finished.contains(new TaskAttemptId(JOB, new StageId(sp[0]), sp[1], 0))) {
            violations.add(id + " started before stage " + sp[0] + " partition " + sp[1] + " finished");
          }
        }
      }
      Thread.sleep(ThreadLocalRandom.current().nextInt(20));
    });
    List<Stage> finishedStages = new ArrayList<>();
    List<TaskOutcome> result = run(new DagScheduler(launcher, 1), threeStages(), finishedStages);
    assertEquals(List.of(), violations);
    assertEquals(Set.of(0, 1), Set.copyOf(finishedStages.subList(0, 2).stream().map(s -> s.id().id()).toList()));
    assertEquals(2, finishedStages.get(2).id().id(), "the result stage finishes last");
    assertEquals(2, result.size());
    assertEquals(0L, ((TaskOutcome.Rows) result.get(0)).rowCount());
    assertEquals(1L, ((TaskOutcome.Rows) result.get(1)).rowCount());
    assertEquals(7, launcher.launched.size());
    List<Integer> stageOrder = launcher.launched.stream().map(t -> t.stage().id()).toList();
    assertEquals(List.of(2, 2), stageOrder.subList(5, 7), "stage 2's tasks are launched after its parents'");
  }

  @Test
  void independentStagesRunAtTheSameTime() {
    // Stage 0's first task waits for stage 1's first task to start: run one stage after the other, and it
    // would wait in vain.
    java.util.concurrent.CountDownLatch stageOneStarted = new java.util.concurrent.CountDownLatch(1);
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    launcher = new FakeLauncher((id, l) -> {
      if (id.stage().id() == 1) {
        stageOneStarted.countDown();
      } else if (id.stage().id() == 0 && id.partition() == 0 && !stageOneStarted.await(10, TimeUnit.SECONDS)) {
        violations.add("stage 1 did not start while stage 0 ran");
      }
    });
    assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> run(new DagScheduler(launcher, 1), threeStages(), new ArrayList<>()));
    assertEquals(List.of(), violations);
  }

  @Test
  void aStageWaitsForTheStagesItRunsAfterThoughItReadsNothingOfThem() {
    // Stage 1 reads nothing of stage 0 but must run after it (it is filtered by the keys stage 0 records).
    StageDag dag = new StageDag(List.of(
        stage(0, StageKind.SHUFFLE_MAP, 2, new Partitioning.RoundRobin(2)),
        stage(1, StageKind.SHUFFLE_MAP, 2, new Partitioning.RoundRobin(2)),
        stage(2, StageKind.RESULT, 1, new Partitioning.Unknown(1), 0, 1)),
        Map.of(new StageId(1), Set.of(new StageId(0))));
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    launcher = new FakeLauncher((id, l) -> {
      if (id.stage().id() == 1) {
        for (int p = 0; p < 2; p++) {
          if (!l.finished.contains(new TaskAttemptId(JOB, new StageId(0), p, 0))) {
            violations.add(id + " started before stage 0 partition " + p + " finished");
          }
        }
      } else if (id.stage().id() == 0) {
        Thread.sleep(ThreadLocalRandom.current().nextInt(20));
      }
    });
    run(new DagScheduler(launcher, 1), dag, new ArrayList<>());
    assertEquals(List.of(), violations);
  }

  @Test
  void aFailingStageStopsTheStagesRunningBesideItAndItsErrorIsTheJobs() {
    // Stage 1's tasks run until cancelled; stage 0's task fails with the user's error. The job fails with that
    // error, once every task of the job has ended, and stage 1's cancelled tasks are not retried.
    java.util.concurrent.CountDownLatch stageOneRuns = new java.util.concurrent.CountDownLatch(1);
    launcher = new FakeLauncher((id, l) -> {
      if (id.stage().id() == 1) {
        stageOneRuns.countDown();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      } else if (id.stage().id() == 0 && id.partition() == 0) {
        stageOneRuns.await(10, TimeUnit.SECONDS);
        throw new QuiverArithmeticException("DIVIDE_BY_ZERO", "Division by zero.", "22012");
      }
    });
    QuiverArithmeticException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
        QuiverArithmeticException.class, () -> run(new DagScheduler(launcher, 4), threeStages(), new ArrayList<>())));
    assertTrue(e.getMessage().contains("Division by zero"), e.getMessage());
    assertEquals(List.of(JOB), launcher.cancelled);
    synchronized (launcher.all) {
      assertTrue(launcher.all.stream().allMatch(CompletableFuture::isDone), "no task of the job is left running");
    }
    assertEquals(1, launcher.attemptsOf(1, 0));
    assertEquals(0, launcher.launched.stream().filter(t -> t.stage().id() == 2).count());
  }

  @Test
  void tasksCarryTheirStageAttemptSettingsAndOutputPartitioning() {
    launcher = new FakeLauncher((id, l) -> {});
    run(new DagScheduler(launcher, 1), threeStages(), new ArrayList<>());
    TaskDefinition map = launcher.definitions.stream().filter(d -> d.stageId().id() == 1 && d.partition() == 2)
        .findFirst().orElseThrow();
    assertEquals("7", map.jobId());
    assertEquals(StageKind.SHUFFLE_MAP, map.kind());
    assertEquals(0, map.attempt());
    assertEquals(2, map.numOutputPartitions());
    assertEquals("UTC", map.settings().get("spark.sql.session.timeZone"));
  }

  @Test
  void aFailedTaskIsRetriedUntilItSucceeds() {
    AtomicInteger failures = new AtomicInteger();
    launcher = new FakeLauncher((id, l) -> {
      if (id.stage().id() == 1 && id.partition() == 2 && id.attempt() < 2) {
        failures.incrementAndGet();
        throw new IllegalStateException("disk hiccup");
      }
    });
    List<TaskOutcome> result = run(new DagScheduler(launcher, 3), threeStages(), new ArrayList<>());
    assertEquals(2, result.size());
    assertEquals(2, failures.get());
    assertEquals(3, launcher.attemptsOf(1, 2));
    assertEquals(1, launcher.attemptsOf(1, 1));
    List<Integer> attempts = launcher.definitions.stream()
        .filter(d -> d.stageId().id() == 1 && d.partition() == 2).map(TaskDefinition::attempt).toList();
    assertEquals(List.of(0, 1, 2), attempts);
    assertEquals(List.of(), launcher.cancelled);
  }

  @Test
  void aTaskFailingMaxFailuresTimesFailsTheJobNamingStageAndTask() {
    IllegalStateException boom = new IllegalStateException("disk on fire");
    launcher = new FakeLauncher((id, l) -> {
      if (id.stage().id() == 1 && id.partition() == 1) {
        throw boom;
      }
    });
    List<Stage> finishedStages = new ArrayList<>();
    QuiverException e = assertThrows(QuiverException.class,
        () -> run(new DagScheduler(launcher, 3), threeStages(), finishedStages));
    assertEquals("JOB_ABORTED", e.getErrorClass());
    assertTrue(e.getMessage().contains("task 1.2 of stage 1 (job 7)"), e.getMessage());
    assertTrue(e.getMessage().contains("failed 3 time(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("Stage 1 (3 tasks)"), e.getMessage());
    assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
    assertSame(boom, e.getCause());
    assertEquals(3, launcher.attemptsOf(1, 1));
    assertEquals(List.of(JOB), launcher.cancelled);
    // Stage 0 runs beside stage 1 and may or may not finish before the cancel; stage 2 never starts.
    assertTrue(finishedStages.stream().noneMatch(s -> s.id().id() != 0), String.valueOf(finishedStages));
    assertEquals(0, launcher.launched.stream().filter(t -> t.stage().id() == 2).count(), "no later stage runs");
  }

  @Test
  void withOneAllowedFailureThereIsNoRetry() {
    launcher = new FakeLauncher((id, l) -> {
      throw new RuntimeException("nope");
    });
    QuiverException e = assertThrows(QuiverException.class,
        () -> run(new DagScheduler(launcher, 0), oneStage(1), new ArrayList<>()));
    assertTrue(e.getMessage().contains("task 0.0 of stage 0 (job 7) failed 1 time(s)"), e.getMessage());
    assertEquals(1, launcher.launched.size());
  }

  @Test
  void aUserErrorFailsAtOnceAndIsRethrownAsItself() {
    QuiverArithmeticException divide = QuiverArithmeticException.divideByZero();
    launcher = new FakeLauncher((id, l) -> {
      if (id.partition() == 1) {
        throw divide;
      }
    });
    QuiverArithmeticException e = assertThrows(QuiverArithmeticException.class,
        () -> run(new DagScheduler(launcher, 4), oneStage(3), new ArrayList<>()));
    assertSame(divide, e);
    assertEquals(1, launcher.attemptsOf(0, 1));
    assertEquals(List.of(JOB), launcher.cancelled);
  }

  @Test
  void anyQuiverThrowableIsAUserError() {
    AnalysisException missing = new AnalysisException("PATH_NOT_FOUND", "Path does not exist: /x.", "42K03");
    launcher = new FakeLauncher((id, l) -> {
      throw missing;
    });
    assertSame(missing, assertThrows(AnalysisException.class,
        () -> run(new DagScheduler(launcher, 4), oneStage(1), new ArrayList<>())));
    assertEquals(1, launcher.launched.size());
  }

  @Test
  void aCancelledTaskIsNotAUserErrorAndIsRetried() {
    launcher = new FakeLauncher((id, l) -> {
      if (id.attempt() == 0) {
        throw new TaskContext.TaskCancelledException("cancelled by a lost worker");
      }
    });
    assertEquals(1, run(new DagScheduler(launcher, 2), oneStage(1), new ArrayList<>()).size());
    assertEquals(2, launcher.launched.size());
  }

  @Test
  void outOfMemoryIsReportedPlainly() {
    launcher = new FakeLauncher((id, l) -> {
      throw new OutOfMemoryError("Java heap space");
    });
    QuiverException e = assertThrows(QuiverException.class,
        () -> run(new DagScheduler(launcher, 1), oneStage(1), new ArrayList<>()));
    assertTrue(e.getMessage().contains("the JVM ran out of memory"), e.getMessage());
  }

  @Test
  void aLaunchThatThrowsFailsTheTaskInsteadOfEscaping() {
    FakeLauncher inner = new FakeLauncher((id, l) -> {});
    launcher = inner;
    TaskLauncher throwing = new TaskLauncher() {
      @Override
      public int slots() {
        return 1;
      }

      @Override
      public CompletableFuture<TaskOutcome> launch(TaskAttemptId id, TaskDefinition task, TaskInputs inputs) {
        if (id.partition() == 1 && id.attempt() == 0) {
          throw new IllegalStateException("cannot encode task");
        }
        return inner.launch(id, task, inputs);
      }

      @Override
      public void cancel(JobId job) {
        inner.cancel(job);
      }

      @Override
      public void close() {}
    };
    assertEquals(2, run(new DagScheduler(throwing, 2), oneStage(2), new ArrayList<>()).size());
    assertEquals(1, inner.attemptsOf(0, 1), "attempt 0 never reached the launcher; attempt 1 did");
  }

  @Test
  void runningTasksAreCancelledAsSoonAsATaskFails() {
    // Partition 0 runs until it is cancelled; partition 1 fails at once. The scheduler must not wait for
    // partition 0 to finish on its own before noticing the failure.
    launcher = new FakeLauncher((id, l) -> {
      if (id.partition() == 0) {
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      } else {
        throw new IllegalStateException("worker lost");
      }
    });
    QuiverException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(QuiverException.class,
        () -> run(new DagScheduler(launcher, 1), oneStage(2), new ArrayList<>())));
    assertTrue(e.getMessage().contains("task 1.0 of stage 0"), e.getMessage());
    assertEquals(List.of(JOB), launcher.cancelled);
    assertEquals(2, launcher.all.size());
    assertTrue(launcher.all.get(0).isCompletedExceptionally(), "the blocked task was cancelled");
  }
}
