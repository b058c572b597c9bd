package dev.quiver.sql;

import dev.quiver.driver.LocalSession;
import dev.quiver.driver.MasterUrl;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.remote.SessionServer;
import java.util.Optional;

/** A session server in the test's JVM whose client sessions run on local[2] engines: quiver:// without a cluster. */
public final class InProcessDriver {
  private InProcessDriver() {}

  public static SessionServer start() {
    return start(Optional.empty());
  }

  public static SessionServer start(Optional<String> secret) {
    return SessionServer.start("127.0.0.1", 0,
        (appName, settings) -> new LocalSession(new QuiverConf(settings), MasterUrl.parse("local[2]"), appName),
        secret);
  }
}
