package dev.quiver.sql;

import dev.quiver.driver.remote.SessionServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every table and cache case, the Session connected to a driver through quiver:// instead of local[2]. */
class RemoteTablesAndCachesTest extends TablesAndCachesTest {
  private static SessionServer driver;

  @BeforeAll
  static void startRemote() {
    driver = InProcessDriver.replaceLocal(spark, TablesAndCachesTest::begin);
  }

  @AfterAll
  static void stopRemote() {
    InProcessDriver.stop(spark, driver);
  }
}
