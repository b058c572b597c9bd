package dev.quiver;

import dev.quiver.driver.AppInfo;
import dev.quiver.driver.SessionBackend;

/** What Spark's SparkContext tells about the running application: name, id, master, user, parallelism. */
public final class SparkContext {
  private final SessionBackend backend;

  public SparkContext(SessionBackend backend) {
    this.backend = backend;
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

  public void stop() {
    backend.stop();
  }
}
