package dev.quiver.driver.scheduler;

import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.stages.StageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Where the map outputs of every shuffle of running jobs are: per (job, map stage), the output of each map
 * partition. Reduce tasks ask it for the files to read; outputs on a lost worker are forgotten (and re-made by
 * re-running just those map tasks); a finished job's entries are removed with its files.
 */
public final class MapOutputTracker {
  private record Key(JobId job, StageId stage) {}

  private final Map<Key, TaskOutcome.MapOutput[]> outputs = new ConcurrentHashMap<>();

  public void register(JobId job, StageId stage, TaskOutcome.MapOutput[] perMapPartition) {
    outputs.put(new Key(job, stage), perMapPartition.clone());
  }

  /** Records one map partition's output (a first run, a retry, or a recomputation after a loss). */
  public void registerPartition(JobId job, StageId stage, int numPartitions, int partition,
      TaskOutcome.MapOutput output) {
    TaskOutcome.MapOutput[] a = outputs.computeIfAbsent(new Key(job, stage),
        k -> new TaskOutcome.MapOutput[numPartitions]);
    synchronized (a) {
      a[partition] = output;
    }
  }

  /** The map partitions of a finished shuffle whose output was forgotten since (their worker was lost). */
  public List<Integer> lost(JobId job, StageId stage) {
    TaskOutcome.MapOutput[] a = outputs.get(new Key(job, stage));
    List<Integer> lost = new ArrayList<>();
    if (a != null) {
      synchronized (a) {
        for (int p = 0; p < a.length; p++) {
          if (a[p] == null) {
            lost.add(p);
          }
        }
      }
    }
    return lost;
  }

  /**
   * The map outputs of a shuffle, by map partition; fails with a {@link FetchFailedException} if one is missing
   * (its worker was lost), so that the scheduler re-runs it.
   */
  public List<TaskOutcome.MapOutput> outputs(JobId job, StageId stage) {
    TaskOutcome.MapOutput[] o = outputs.get(new Key(job, stage));
    if (o == null) {
      throw new IllegalStateException("No map output registered for " + stage + " of " + job);
    }
    synchronized (o) {
      for (int p = 0; p < o.length; p++) {
        if (o[p] == null) {
          throw new FetchFailedException(stage.id(), null, "The output of map task " + p + " of " + stage + " ("
              + job + ") was lost with its worker");
        }
      }
      return List.of(o);
    }
  }

  /** Forgets every map output whose data file matches (those of a lost worker); returns how many. */
  public int forget(Predicate<String> dataFile) {
    int n = 0;
    for (TaskOutcome.MapOutput[] a : outputs.values()) {
      synchronized (a) {
        for (int p = 0; p < a.length; p++) {
          if (a[p] != null && dataFile.test(a[p].dataFile())) {
            a[p] = null;
            n++;
          }
        }
      }
    }
    return n;
  }

  /** Forgets a job's shuffles and returns their outputs so their files can be deleted. */
  public List<TaskOutcome.MapOutput> removeJob(JobId job) {
    List<TaskOutcome.MapOutput> removed = new ArrayList<>();
    outputs.entrySet().removeIf(e -> {
      if (e.getKey().job().equals(job)) {
        for (TaskOutcome.MapOutput m : e.getValue()) {
          if (m != null) {
            removed.add(m);
          }
        }
        return true;
      }
      return false;
    });
    return removed;
  }
}
