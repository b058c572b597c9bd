package dev.quiver.planner.stages;

import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.List;

/**
 * A plan fragment run as {@code numPartitions} tasks, one per partition. Its leaves read files, local data,
 * or the output of its {@code parents}; a SHUFFLE_MAP stage writes its rows split by {@code outputPartitioning}.
 */
public record Stage(StageId id, StageKind kind, PhysicalPlan fragment, int numPartitions,
    Partitioning outputPartitioning, List<StageId> parents) {
  public Stage {
    parents = List.copyOf(parents);
  }
}
