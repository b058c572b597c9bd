package dev.quiver.driver.scheduler;

/**
 * The life of a stage within a job:
 * <pre>
 *   WAITING --(parents done)--> RUNNING --(all tasks succeeded)--> DONE
 *                                  |  \--(a task failed for good)--> FAILED
 *                                  \--(a parent's output was lost)--> RESUBMITTED --> RUNNING
 * </pre>
 */
public enum StageState {
  WAITING,
  RUNNING,
  DONE,
  FAILED,
  RESUBMITTED;

  public boolean canMoveTo(StageState next) {
    switch (this) {
      case WAITING:
        return next == RUNNING || next == FAILED;
      case RUNNING:
        return next == DONE || next == FAILED || next == RESUBMITTED;
      case RESUBMITTED:
        return next == RUNNING || next == FAILED;
      case DONE:
        return next == RESUBMITTED;
      default:
        return false;
    }
  }
}
