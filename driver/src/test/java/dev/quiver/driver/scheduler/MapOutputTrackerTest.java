package dev.quiver.driver.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.stages.StageId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MapOutputTrackerTest {
  private static final JobId JOB_A = new JobId(1);
  private static final JobId JOB_B = new JobId(2);

  private static TaskOutcome.MapOutput out(String name) {
    return new TaskOutcome.MapOutput(name + ".data", name + ".index", new long[] {10, 0}, new long[] {1, 0},
        TaskOutcome.TaskMetrics.none());
  }

  @Test
  void outputsAreKeptPerJobAndStageInMapPartitionOrder() {
    MapOutputTracker t = new MapOutputTracker();
    TaskOutcome.MapOutput a0 = out("a0");
    TaskOutcome.MapOutput a1 = out("a1");
    TaskOutcome.MapOutput b0 = out("b0");
    t.register(JOB_A, new StageId(0), new TaskOutcome.MapOutput[] {a0, a1});
    t.register(JOB_B, new StageId(0), new TaskOutcome.MapOutput[] {b0});
    t.register(JOB_A, new StageId(1), new TaskOutcome.MapOutput[] {b0, a0});
    assertEquals(List.of(a0, a1), t.outputs(JOB_A, new StageId(0)));
    assertEquals(List.of(b0), t.outputs(JOB_B, new StageId(0)));
    assertEquals(List.of(b0, a0), t.outputs(JOB_A, new StageId(1)));
  }

  @Test
  void registeringCopiesTheArray() {
    MapOutputTracker t = new MapOutputTracker();
    TaskOutcome.MapOutput[] arr = {out("x")};
    t.register(JOB_A, new StageId(0), arr);
    arr[0] = out("y");
    assertEquals("x.data", t.outputs(JOB_A, new StageId(0)).get(0).dataFile());
  }

  @Test
  void aRetriedStageReplacesItsOutputs() {
    MapOutputTracker t = new MapOutputTracker();
    t.register(JOB_A, new StageId(0), new TaskOutcome.MapOutput[] {out("old")});
    TaskOutcome.MapOutput fresh = out("new");
    t.register(JOB_A, new StageId(0), new TaskOutcome.MapOutput[] {fresh});
    assertSame(fresh, t.outputs(JOB_A, new StageId(0)).get(0));
  }

  @Test
  void anUnknownShuffleIsAnError() {
    MapOutputTracker t = new MapOutputTracker();
    t.register(JOB_A, new StageId(0), new TaskOutcome.MapOutput[] {out("a")});
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.outputs(JOB_B, new StageId(0)));
    assertTrue(e.getMessage().contains("stage 0") && e.getMessage().contains("job 2"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> t.outputs(JOB_A, new StageId(3)));
  }

  @Test
  void removeJobForgetsOnlyThatJobAndReturnsItsFiles() {
    MapOutputTracker t = new MapOutputTracker();
    t.register(JOB_A, new StageId(0), new TaskOutcome.MapOutput[] {out("a0"), out("a1")});
    t.register(JOB_A, new StageId(1), new TaskOutcome.MapOutput[] {out("a2")});
    t.register(JOB_B, new StageId(0), new TaskOutcome.MapOutput[] {out("b0")});
    Set<String> removed = t.removeJob(JOB_A).stream().map(TaskOutcome.MapOutput::dataFile)
        .collect(Collectors.toSet());
    assertEquals(Set.of("a0.data", "a1.data", "a2.data"), removed);
    assertThrows(IllegalStateException.class, () -> t.outputs(JOB_A, new StageId(0)));
    assertEquals(1, t.outputs(JOB_B, new StageId(0)).size());
    assertEquals(List.of(), t.removeJob(JOB_A));
  }
}
