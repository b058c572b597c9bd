package dev.quiver.driver.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageDag;
import dev.quiver.planner.stages.StageId;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.sql.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Recovery from lost map outputs: only the lost map tasks run again, then the tasks that could not fetch. */
class DagSchedulerRecoveryTest {
  private static final JobId JOB = new JobId(3);

  /**
   * Runs every attempt at once on the caller's thread. Map task p of every stage writes "on" worker wP%2; a
   * test decides per attempt whether it fails, and what "losing" a worker does to the tracker.
   */
  private static final class FakeLauncher implements TaskLauncher {
    final MapOutputTracker tracker;
    final List<TaskAttemptId> launched = new ArrayList<>();
    final List<String> lostWorkers = new ArrayList<>();
    Function<TaskAttemptId, RuntimeException> failure = id -> null;

    FakeLauncher(MapOutputTracker tracker) {
      this.tracker = tracker;
    }

    @Override
    public int slots() {
      return 2;
    }

    @Override
    public CompletableFuture<TaskOutcome> launch(TaskAttemptId id, TaskDefinition task, TaskInputs inputs) {
      launched.add(id);
      RuntimeException e = failure.apply(id);
      if (e != null) {
        return CompletableFuture.failedFuture(e);
      }
      if (task.kind() == StageKind.SHUFFLE_MAP) {
        String file = "worker://w" + (id.partition() % 2) + "@h:1/map" + id.stage().id() + "-" + id.partition();
        return CompletableFuture.completedFuture(new TaskOutcome.MapOutput(file, file + ".index", new long[] {1, 1},
            new long[] {1, 1}, TaskOutcome.TaskMetrics.none()));
      }
      return CompletableFuture.completedFuture(new TaskOutcome.Rows(new byte[0], 0, TaskOutcome.TaskMetrics.none()));
    }

    @Override
    public void outputsLost(String workerId) {
      lostWorkers.add(workerId);
      tracker.forget(name -> name.startsWith("worker://" + workerId + "@"));
    }

    @Override
    public void cancel(JobId job) {}

    @Override
    public void close() {}

    long attempts(int stage, int partition) {
      return launched.stream().filter(t -> t.stage().id() == stage && t.partition() == partition).count();
    }
  }

  private static Stage stage(int id, StageKind kind, int partitions, int... parents) {
    List<StageId> ps = new ArrayList<>();
    for (int p : parents) {
      ps.add(new StageId(p));
    }
    return new Stage(new StageId(id), kind, new LocalTableScanExec(List.of(), List.of(), partitions), partitions,
        kind == StageKind.SHUFFLE_MAP ? new Partitioning.RoundRobin(2) : new Partitioning.Unknown(partitions), ps);
  }

  /** Stage 0 (4 map tasks) feeds stage 1 (2 map tasks), which feeds stage 2 (2 result tasks). */
  private static StageDag chain() {
    return new StageDag(List.of(stage(0, StageKind.SHUFFLE_MAP, 4), stage(1, StageKind.SHUFFLE_MAP, 2, 0),
        stage(2, StageKind.RESULT, 2, 1)));
  }

  private static List<TaskOutcome> run(DagScheduler s, StageDag dag) {
    return s.runJob(JOB, dag, Map.of("spark.sql.session.timeZone", "UTC"), null, (stage, outcomes) -> {});
  }

  @Test
  void aFetchFailureReRunsOnlyTheLostMapTasksThenTheReduceTask() {
    MapOutputTracker tracker = new MapOutputTracker();
    FakeLauncher launcher = new FakeLauncher(tracker);
    // Reduce task 1 of stage 1 cannot fetch from worker w1 on its first attempt.
    launcher.failure = id -> id.stage().id() == 1 && id.partition() == 1 && id.attempt() == 0
        ? new FetchFailedException(0, "w1", "connection refused") : null;
    List<TaskOutcome> result = run(new DagScheduler(launcher, 4, tracker), chain());

    assertEquals(2, result.size());
    assertEquals(List.of("w1"), launcher.lostWorkers);
    // Map partitions 1 and 3 of stage 0 were on w1: re-run once each; 0 and 2 kept their output.
    assertEquals(List.of(1L, 2L, 1L, 2L), List.of(launcher.attempts(0, 0), launcher.attempts(0, 1),
        launcher.attempts(0, 2), launcher.attempts(0, 3)));
    assertEquals(1, launcher.attempts(1, 0));
    assertEquals(2, launcher.attempts(1, 1));
    assertEquals(List.of(), tracker.lost(JOB, new StageId(0)));
  }

  @Test
  void outputsLostBetweenStagesAreRecomputedBeforeTheNextStageStarts() {
    MapOutputTracker tracker = new MapOutputTracker();
    FakeLauncher launcher = new FakeLauncher(tracker);
    // Worker w0 is lost (as the heartbeat monitor would report it) right after stage 1 finished.
    new DagScheduler(launcher, 4, tracker).runJob(JOB, chain(), Map.of(), null, (stage, outcomes) -> {
      if (stage.id().id() == 1) {
        launcher.outputsLost("w0");
      }
    });
    // Stage 1 partition 0 (on w0) runs again before stage 2, after the lost outputs of stage 0 it reads.
    assertEquals(2, launcher.attempts(1, 0));
    assertEquals(List.of(2L, 1L, 2L, 1L), List.of(launcher.attempts(0, 0), launcher.attempts(0, 1),
        launcher.attempts(0, 2), launcher.attempts(0, 3)));
    assertEquals(1, launcher.attempts(1, 1));
    assertEquals(1, launcher.attempts(2, 0));
  }

  @Test
  void fetchFailuresThatNeverStopFailTheJobNamingStageTaskAndCause() {
    MapOutputTracker tracker = new MapOutputTracker();
    FakeLauncher launcher = new FakeLauncher(tracker);
    launcher.failure = id -> id.stage().id() == 2 && id.partition() == 0
        ? new FetchFailedException(1, "w0", "connection refused") : null;
    QuiverException e = assertThrows(QuiverException.class, () -> run(new DagScheduler(launcher, 3, tracker), chain()));
    assertTrue(e.getMessage().contains("task 0.") && e.getMessage().contains("stage 2")
        && e.getMessage().contains("connection refused"), e.getMessage());
    // Bounded: the first attempt plus maxFailures retries after recomputation.
    assertEquals(4, launcher.attempts(2, 0));
  }

  @Test
  void tasksOfALostWorkerAreRetriedAndCountAgainstMaxFailures() {
    MapOutputTracker tracker = new MapOutputTracker();
    FakeLauncher launcher = new FakeLauncher(tracker);
    launcher.failure = id -> id.stage().id() == 0 && id.partition() == 2 && id.attempt() < 2
        ? new IllegalStateException("worker lost") : null;
    assertEquals(2, run(new DagScheduler(launcher, 4, tracker), chain()).size());
    assertEquals(3, launcher.attempts(0, 2));
    launcher.launched.clear();
    launcher.failure = id -> id.stage().id() == 0 && id.partition() == 2 ? new IllegalStateException("worker lost")
        : null;
    QuiverException e = assertThrows(QuiverException.class, () -> run(new DagScheduler(launcher, 4, tracker), chain()));
    assertTrue(e.getMessage().contains("failed 4 time(s)"), e.getMessage());
  }
}
