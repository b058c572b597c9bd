package dev.quiver.executor.task;

import dev.quiver.sql.QuiverThrowable;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Why a task attempt failed, in a form that crosses process boundaries: what kind of failure it is (which
 * decides whether the driver retries it), the error's class, Spark error class, SQL state and message.
 */
public record TaskFailure(Kind kind, String exceptionClass, String errorClass, String sqlState, String message,
    int fetchMapStageId, String fetchWorkerId, String stack) {

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
        return new TaskFailure(Kind.FETCH_FAILED, f.getClass().getName(), null, null, f.getMessage(),
            f.mapStageId(), f.workerId(), stack(t));
      }
    }
    Kind kind = t instanceof TaskContext.TaskCancelledException ? Kind.CANCELLED
        : t instanceof QuiverThrowable ? Kind.USER_ERROR : Kind.OTHER;
    String errorClass = t instanceof QuiverThrowable q ? q.getErrorClass() : null;
    String sqlState = t instanceof QuiverThrowable q ? q.getSqlState() : null;
    String message = t.getMessage() != null ? t.getMessage() : t.toString();
    return new TaskFailure(kind, t.getClass().getName(), errorClass, sqlState, message, -1, null, stack(t));
  }

  private static String stack(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    String s = w.toString();
    return s.length() > 8000 ? s.substring(0, 8000) : s;
  }
}
