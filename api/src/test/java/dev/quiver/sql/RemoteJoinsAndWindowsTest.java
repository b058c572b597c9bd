package dev.quiver.sql;

import dev.quiver.driver.remote.SessionServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every join and window case, the Session connected to a driver through quiver:// instead of local[2]. */
class RemoteJoinsAndWindowsTest extends JoinsAndWindowsTest {
  private static SessionServer driver;

  @BeforeAll
  static void startRemote() {
    driver = InProcessDriver.replaceLocal(spark, JoinsAndWindowsTest::begin);
  }

  @AfterAll
  static void stopRemote() {
    InProcessDriver.stop(spark, driver);
  }
}
