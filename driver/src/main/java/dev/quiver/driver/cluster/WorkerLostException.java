package dev.quiver.driver.cluster;

/** A task attempt ended because the worker running it was lost; the scheduler retries it on another worker. */
final class WorkerLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WorkerLostException(String message) {
    super(message);
  }
}
