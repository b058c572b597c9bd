package dev.quiver.planner.serde;

import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageId;
import dev.quiver.planner.stages.StageKind;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One task attempt as the driver hands it to a TaskRunner: partition {@code partition} of the stage's
 * {@code fragment}, attempt {@code attempt}. {@code outputPartitioning} is the stage's; only a SHUFFLE_MAP
 * task uses it, to split its rows into {@code numOutputPartitions} shuffle partitions. {@code settings} are
 * the session settings the executor needs (session time zone, ...), by Spark's configuration keys.
 */
public record TaskDefinition(String jobId, StageId stageId, int partition, int attempt, StageKind kind,
    PhysicalPlan fragment, Partitioning outputPartitioning, int numOutputPartitions, Map<String, String> settings) {

  public TaskDefinition {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fragment, "fragment");
    Objects.requireNonNull(outputPartitioning, "outputPartitioning");
    // Sorted so that equal settings print alike and encode to the same bytes.
    settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /** The task for {@code partition} of {@code stage}. */
  public static TaskDefinition of(String jobId, Stage stage, int partition, int attempt, Map<String, String> settings) {
    return new TaskDefinition(jobId, stage.id(), partition, attempt, stage.kind(), stage.fragment(),
        stage.outputPartitioning(), stage.outputPartitioning().numPartitions(), settings);
  }
}
