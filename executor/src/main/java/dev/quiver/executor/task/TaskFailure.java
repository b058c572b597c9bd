package dev.quiver.executor.task;

import dev.quiver.planner.serde.ErrorSerde;
import dev.quiver.sql.QuiverThrowable;

/**
 * Why a task attempt failed, in a form that crosses process boundaries: what kind of failure it is (which
 * decides whether the driver retries it) and the error itself as {@link ErrorSerde} bytes, so the driver
 * rethrows a user's error with the same type and message.
 */
public record TaskFailure(Kind kind, String message, int fetchMapStageId, String fetchWorkerId, byte[] error) {

  public enum Kind {
    /** The data or the query is at fault: retrying cannot help. */
    USER_ERROR,
    /** A shuffle block could not be fetched from the worker holding it. */
    FETCH_FAILED,
    CANCELLED,
    OTHER
  }

  public static TaskFailure of(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ShuffleFetchException f) {
        return new TaskFailure(Kind.FETCH_FAILED, f.getMessage(), f.mapStageId(), f.workerId(),
            ErrorSerde.toBytes(t));
      }
    }
    Kind kind = t instanceof TaskContext.TaskCancelledException ? Kind.CANCELLED
        : t instanceof QuiverThrowable ? Kind.USER_ERROR : Kind.OTHER;
    String message = t.getMessage() != null ? t.getMessage() : t.toString();
    return new TaskFailure(kind, t.getClass().getSimpleName() + ": " + message, -1, null, ErrorSerde.toBytes(t));
  }

  /** The error as it was thrown on the worker (a user's error keeps its type and message). */
  public RuntimeException toException() {
    return ErrorSerde.fromBytes(error);
  }
}
