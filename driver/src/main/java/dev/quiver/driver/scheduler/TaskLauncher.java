package dev.quiver.driver.scheduler;

import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.serde.TaskDefinition;
import java.util.concurrent.CompletableFuture;

/**
 * Runs task attempts somewhere: on local threads ({@code local[n]}) or on remote workers. Every task travels
 * as its protobuf encoding, in local mode too, so local runs test what a worker receives.
 */
public interface TaskLauncher extends AutoCloseable {
  /** How many tasks can run at once. */
  int slots();

  CompletableFuture<TaskOutcome> launch(TaskAttemptId id, TaskDefinition task, TaskInputs inputs);

  /** Asks the running tasks of {@code job} to stop; they fail with a cancellation error. */
  void cancel(JobId job);

  /**
   * A task could not fetch map output from {@code workerId}: forget that worker's outputs so they are re-made.
   * Nothing to do where every output is on this machine.
   */
  default void outputsLost(String workerId) {}

  @Override
  void close();
}
