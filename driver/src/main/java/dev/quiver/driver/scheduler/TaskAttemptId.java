package dev.quiver.driver.scheduler;

import dev.quiver.planner.stages.StageId;

/** One attempt of one task: partition {@code partition} of a stage of a job, tried for the n-th time. */
public record TaskAttemptId(JobId job, StageId stage, int partition, int attempt) {
  @Override
  public String toString() {
    return "task " + partition + "." + attempt + " of stage " + stage.id() + " (" + job + ")";
  }
}
