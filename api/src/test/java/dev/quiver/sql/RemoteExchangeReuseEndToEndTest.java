package dev.quiver.sql;

import dev.quiver.driver.remote.SessionServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every exchange reuse case through quiver://, so the setting and the explain text travel to the driver. */
class RemoteExchangeReuseEndToEndTest extends ExchangeReuseEndToEndTest {
  private static SessionServer driver;

  @BeforeAll
  static void startRemote() {
    driver = InProcessDriver.replaceLocal(spark, ExchangeReuseEndToEndTest::begin);
  }

  @AfterAll
  static void stopRemote() {
    InProcessDriver.stop(spark, driver);
  }
}
