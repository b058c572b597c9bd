package dev.quiver.driver.remote;

import dev.quiver.driver.SessionBackend;
import java.util.Map;

/** Creates the driver-side engine session for one client session. */
public interface SessionBackendFactory {
  /**
   * @param appName the client's application name
   * @param settings the client's settings (Spark's keys and quiver.*), without the shared secret
   */
  SessionBackend open(String appName, Map<String, String> settings);
}
