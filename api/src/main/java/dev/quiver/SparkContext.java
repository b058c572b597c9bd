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
  /**
   * Spark's setLogLevel: ALL, DEBUG, ERROR, FATAL, INFO, OFF, TRACE or WARN. It applies to libraries that log
   * through java.util.logging (gRPC); SLF4J levels (Quiver, Hadoop, Parquet, Arrow, Netty) are set when the JVM
   * starts, with -Dorg.slf4j.simpleLogger.defaultLogLevel=..., because slf4j-simple cannot change them later.
   */
  public void setLogLevel(String logLevel) {
    java.util.logging.Level level;
    switch (logLevel.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "ALL":
      case "TRACE":
        level = java.util.logging.Level.ALL;
        break;
      case "DEBUG":
        level = java.util.logging.Level.FINE;
        break;
      case "INFO":
        level = java.util.logging.Level.INFO;
        break;
      case "WARN":
        level = java.util.logging.Level.WARNING;
        break;
      case "ERROR":
      case "FATAL":
        level = java.util.logging.Level.SEVERE;
        break;
      case "OFF":
        level = java.util.logging.Level.OFF;
        break;
      default:
        throw new IllegalArgumentException("Supplied level " + logLevel + " did not match one of: ALL, DEBUG, "
            + "ERROR, FATAL, INFO, OFF, TRACE, WARN");
    }
    java.util.logging.LogManager.getLogManager().getLogger("").setLevel(level);
  }

  public void stop() {
    stop.run();
  }
}
