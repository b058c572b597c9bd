package dev.quiver.planner.stages;

import java.util.List;

/** The stages of one job in dependency order: every stage comes after its parents; the result stage is last. */
public record StageDag(List<Stage> stages) {
  public StageDag {
    stages = List.copyOf(stages);
  }

  public Stage result() {
    return stages.get(stages.size() - 1);
  }

  public Stage stage(StageId id) {
    for (Stage s : stages) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("No " + id + " in this job");
  }
}
