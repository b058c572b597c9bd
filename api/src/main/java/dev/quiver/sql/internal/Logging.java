package dev.quiver.sql.internal;

import java.util.logging.Level;
import java.util.logging.LogManager;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging (used by gRPC) into SLF4J, so all library logging follows one configuration: the
 * {@code simplelogger.properties} shipped in this jar sets warnings by default, and system properties such as
 * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info} or {@code -Dorg.slf4j.simpleLogger.log.dev.quiver=debug}
 * change it without code.
 */
public final class Logging {
  private static volatile boolean configured;

  private Logging() {}

  public static synchronized void configure() {
    if (configured) {
      return;
    }
    configured = true;
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
      LogManager.getLogManager().getLogger("").setLevel(Level.WARNING);
    }
  }
}
