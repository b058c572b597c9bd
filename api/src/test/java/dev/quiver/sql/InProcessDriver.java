package dev.quiver.sql;

import dev.quiver.driver.LocalSession;
import dev.quiver.driver.MasterUrl;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.remote.SessionServer;
import java.util.Optional;
import java.util.function.Consumer;

/** A session server in the test's JVM whose client sessions run on local[2] engines: quiver:// without a cluster. */
public final class InProcessDriver {
  private InProcessDriver() {}

  public static SessionServer start() {
    return start(Optional.empty());
  }

  /**
   * For a test class that reruns its superclass's cases through quiver://: stops the local session the
   * superclass's @BeforeAll started (so that getOrCreate makes a new one), starts a driver, hands its URL to
   * {@code begin}, and checks the session really went to the driver.
   */
  public static SessionServer replaceLocal(Session local, Consumer<String> begin) {
    local.stop();
    SessionServer driver = start();
    begin.accept(driver.url());
    if (driver.service().sessionIds().size() != 1) {
      driver.close();
      throw new IllegalStateException("The session did not go through the driver: another is still active");
    }
    return driver;
  }

  /** Stops the session, then the driver, also when stopping the session fails. */
  public static void stop(Session session, SessionServer driver) {
    try {
      session.stop();
    } finally {
      driver.close();
    }
  }

  public static SessionServer start(Optional<String> secret) {
    return SessionServer.start("127.0.0.1", 0,
        (appName, settings) -> new LocalSession(new QuiverConf(settings), MasterUrl.parse("local[2]"), appName),
        secret);
  }
}
