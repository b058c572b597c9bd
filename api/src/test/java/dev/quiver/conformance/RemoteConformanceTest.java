package dev.quiver.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.driver.remote.SessionServer;
import dev.quiver.sql.InProcessDriver;
import java.net.URISyntaxException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Spark's recorded answers once more, the Session connected to a driver through quiver://: same text, same errors. */
class RemoteConformanceTest extends ConformanceTest {
  private static SessionServer driver;

  /** Runs after the superclass's local[2] start: that session is stopped so that getOrCreate makes a new one. */
  @BeforeAll
  static void startRemote() throws URISyntaxException {
    spark.stop();
    driver = InProcessDriver.start();
    begin(driver.url());
    assertEquals(1, driver.service().sessionIds().size(), "the cases must run through the driver");
  }

  @AfterAll
  static void stopRemote() {
    try {
      spark.stop();
    } finally {
      driver.close();
    }
  }
}
