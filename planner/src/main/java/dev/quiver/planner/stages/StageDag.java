package dev.quiver.planner.stages;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stages of one job in dependency order: every stage comes after its parents and the stages it must run
 * after; the result stage is last.
 *
 * @param runsAfter stages a stage must wait for beyond the parents whose output it reads: a stage filtered by
 *     the keys another stage records ({@link JoinKeyFilters}) runs after it
 */
public record StageDag(List<Stage> stages, Map<StageId, Set<StageId>> runsAfter) {
  public StageDag {
    stages = List.copyOf(stages);
    Map<StageId, Set<StageId>> copy = new HashMap<>();
    runsAfter.forEach((stage, before) -> copy.put(stage, Set.copyOf(before)));
    runsAfter = Map.copyOf(copy);
    // The scheduler starts stages in this order once their prerequisites are done; a later prerequisite would
    // be a stage it cannot wait for.
    Set<StageId> seen = new HashSet<>();
    for (Stage s : stages) {
      Set<StageId> before = prerequisites(s, runsAfter);
      if (!seen.containsAll(before)) {
        throw new IllegalArgumentException(s.id() + " comes before a stage it depends on: " + before + " in "
            + stages.stream().map(Stage::id).toList());
      }
      seen.add(s.id());
    }
  }

  /** Stages ordered by what they read only. */
  public StageDag(List<Stage> stages) {
    this(stages, Map.of());
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

  /** The stages that must finish before {@code stage} starts: its parents, then the stages it runs after. */
  public Set<StageId> prerequisites(Stage stage) {
    return prerequisites(stage, runsAfter);
  }

  private static Set<StageId> prerequisites(Stage stage, Map<StageId, Set<StageId>> runsAfter) {
    Set<StageId> all = new LinkedHashSet<>(stage.parents());
    all.addAll(runsAfter.getOrDefault(stage.id(), Set.of()));
    return all;
  }
}
