package dev.quiver;

import dev.quiver.driver.AppInfo;
import dev.quiver.driver.SessionBackend;

/** What Spark's SparkContext tells about the running application: name, id, master, user, parallelism. */
public final class SparkContext {
  private final SessionBackend backend;
  private final Runnable stop;

  public SparkContext(SessionBackend backend) {
    this(backend, backend::stop);
  }

  /** A context whose {@link #stop()} runs {@code stop} (the Session's stop, so the session is stopped too). */
  public SparkContext(SessionBackend backend, Runnable stop) {
    this.backend = backend;
    this.stop = stop;
  }

  private AppInfo info() {
    return backend.appInfo();
  }

  public String appName() {
    return info().appName();
  }

  public String applicationId() {
    return info().applicationId();
  }

  public String master() {
    return info().master();
  }

  public String sparkUser() {
    return info().sparkUser();
  }

  public String version() {
    return info().version();
  }

  public long startTime() {
    return info().startTime();
  }

  public int defaultParallelism() {
    return info().defaultParallelism();
  }

  public boolean isLocal() {
    return info().master().startsWith("local");
  }

  /** Stops the application: the Session that made this context is stopped, as in Spark. */
  public void stop() {
    stop.run();
  }
}
