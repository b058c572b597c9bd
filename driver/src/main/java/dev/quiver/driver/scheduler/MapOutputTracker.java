package dev.quiver.driver.scheduler;

import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.stages.StageId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the map outputs of every shuffle of running jobs are: per (job, map stage), the output of each map
 * partition. Reduce tasks ask it for the files to read; a finished job's entries are removed with its files.
 */
public final class MapOutputTracker {
  private record Key(JobId job, StageId stage) {}

  private final Map<Key, TaskOutcome.MapOutput[]> outputs = new ConcurrentHashMap<>();

  public void register(JobId job, StageId stage, TaskOutcome.MapOutput[] perMapPartition) {
    outputs.put(new Key(job, stage), perMapPartition.clone());
  }

  /** The map outputs of a shuffle, by map partition; fails if the stage has not run. */
  public List<TaskOutcome.MapOutput> outputs(JobId job, StageId stage) {
    TaskOutcome.MapOutput[] o = outputs.get(new Key(job, stage));
    if (o == null) {
      throw new IllegalStateException("No map output registered for " + stage + " of " + job);
    }
    return List.of(o);
  }

  /** Forgets a job's shuffles and returns their outputs so their files can be deleted. */
  public List<TaskOutcome.MapOutput> removeJob(JobId job) {
    List<TaskOutcome.MapOutput> removed = new java.util.ArrayList<>();
    outputs.entrySet().removeIf(e -> {
      if (e.getKey().job().equals(job)) {
        removed.addAll(List.of(e.getValue()));
        return true;
      }
      return false;
    });
    return removed;
  }
}
