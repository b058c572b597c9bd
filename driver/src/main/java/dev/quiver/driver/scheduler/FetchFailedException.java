package dev.quiver.driver.scheduler;

/**
 * A task could not read the output of a map task of {@code mapStageId}: the worker holding it ({@code workerId},
 * null when unknown) is gone. Not the task's fault: the scheduler re-runs the lost map tasks, then the task.
 */
public final class FetchFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int mapStageId;
  private final String workerId;

  public FetchFailedException(int mapStageId, String workerId, String message) {
    super(message);
    this.mapStageId = mapStageId;
    this.workerId = workerId;
  }

  public int mapStageId() {
    return mapStageId;
  }

  public String workerId() {
    return workerId;
  }
}
