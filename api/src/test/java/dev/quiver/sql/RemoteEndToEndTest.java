package dev.quiver.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.driver.remote.SessionServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every end-to-end case again, the Session connected to a driver through quiver:// instead of local[2]. */
class RemoteEndToEndTest extends EndToEndTest {
  private static SessionServer driver;

  /** Runs after the superclass's local[2] start: that session is stopped so that getOrCreate makes a new one. */
  @BeforeAll
  static void startRemote() throws IOException {
    spark.stop();
    driver = InProcessDriver.start();
    begin(driver.url());
    // The cases below must really go through the driver, not a local session left active by another class.
    assertEquals(1, driver.service().sessionIds().size());
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
