package dev.quiver.sql;

import dev.quiver.driver.remote.SessionServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every end-to-end case, the Session connected to a driver through quiver:// instead of local[2]. */
class RemoteEndToEndTest extends EndToEndTest {
  private static SessionServer driver;

  @BeforeAll
  static void startRemote() {
    driver = InProcessDriver.replaceLocal(spark, EndToEndTest::begin);
  }

  @AfterAll
  static void stopRemote() {
    InProcessDriver.stop(spark, driver);
  }
}
