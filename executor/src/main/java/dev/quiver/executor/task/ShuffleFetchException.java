package dev.quiver.executor.task;

import java.io.IOException;

/**
 * A shuffle block could not be fetched from the worker that holds it (the worker is gone, or its file is).
 * The driver answers by re-running the map tasks whose output was on that worker, not by failing the job.
 */
public final class ShuffleFetchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int mapStageId;
  private final String workerId;

  public ShuffleFetchException(int mapStageId, String workerId, String message, Throwable cause) {
    super(message, cause);
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
