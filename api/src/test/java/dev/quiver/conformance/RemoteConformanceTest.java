package dev.quiver.conformance;

import dev.quiver.driver.remote.SessionServer;
import dev.quiver.sql.InProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Spark's recorded answers once more, the Session connected to a driver through quiver:// instead of local[2]. */
class RemoteConformanceTest extends ConformanceTest {
  private static SessionServer driver;

  @BeforeAll
  static void startRemote() {
    driver = InProcessDriver.replaceLocal(spark, ConformanceTest::begin);
  }

  @AfterAll
  static void stopRemote() {
    InProcessDriver.stop(spark, driver);
  }
}
