package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageId;
import dev.quiver.planner.stages.StageKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSerdeTest {

  private static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spark.sql.session.timeZone", "America/Sao_Paulo");
    s.put("quiver.batch.size", "8192");
    s.put("quiver.note", "ünïcode ✓");
    return s;
  }

  @Test
  void everyStageKindAndPartitioningRoundTripsThroughBytes() {
    for (StageKind kind : StageKind.values()) {
      for (Partitioning p : Samples.partitionings()) {
        for (PhysicalPlan fragment : List.of(Samples.localScan(), Samples.fileScan())) {
          TaskDefinition task = new TaskDefinition("job-42", new StageId(3), 1, 2, kind, fragment, p,
              p.numPartitions(), settings());
          byte[] bytes = TaskSerde.toBytes(task);
          TaskDefinition back = TaskSerde.fromBytes(bytes);
          assertEquals(task, back);
          // Equal tasks encode to equal bytes (settings are kept sorted), so bytes can key caches and logs.
          assertArrayEquals(bytes, TaskSerde.toBytes(back));
        }
      }
    }
  }

  @Test
  void emptySettingsAndExtremeNumbers() {
    TaskDefinition task = new TaskDefinition("", new StageId(Integer.MAX_VALUE), Integer.MAX_VALUE, 0,
        StageKind.RESULT, new ShuffleReadExec(0, List.of(Samples.ID), new Partitioning.Single()),
        new Partitioning.Unknown(Integer.MAX_VALUE), Integer.MAX_VALUE, Map.of());
    assertEquals(task, TaskSerde.fromBytes(TaskSerde.toBytes(task)));
  }

  @Test
  void ofTakesWhatTheStageSays() {
    Partitioning hash = new Partitioning.Hash(List.of(Samples.DEPT), 6);
    Stage stage = new Stage(new StageId(5), StageKind.SHUFFLE_MAP, Samples.localScan(), 2, hash, List.of());
    TaskDefinition task = TaskDefinition.of("job-1", stage, 1, 3, settings());
    assertEquals(new StageId(5), task.stageId());
    assertEquals(StageKind.SHUFFLE_MAP, task.kind());
    assertEquals(hash, task.outputPartitioning());
    assertEquals(6, task.numOutputPartitions());
    assertEquals(task, TaskSerde.fromBytes(TaskSerde.toBytes(task)));
  }

  @Test
  void settingsAreImmutable() {
    TaskDefinition task = TaskDefinition.of("job-1", new Stage(new StageId(0), StageKind.RESULT, Samples.localScan(),
        2, new Partitioning.Unknown(2), List.of()), 0, 0, settings());
    assertThrows(UnsupportedOperationException.class, () -> task.settings().put("x", "y"));
  }
}
