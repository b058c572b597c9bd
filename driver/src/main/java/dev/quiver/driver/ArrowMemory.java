package dev.quiver.driver;

import dev.quiver.sql.QuiverException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The process's root allocator, created once per application. Arrow needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on JDK 17; without it the first allocation fails deep
 * inside Arrow, so this turns that into a message that says which flag to add.
 */
public final class ArrowMemory {
  public static final String REQUIRED_FLAG = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private ArrowMemory() {}

  public static BufferAllocator newRoot() {
    try {
      RootAllocator root = new RootAllocator(maxDirectMemory());
      // Touching the memory is what needs the flag (Arrow's MemoryUtil initializes on first access).
      try (var probe = root.buffer(8)) {
        probe.setZero(0, 8);
      } catch (RuntimeException | LinkageError e) {
        root.close();
        throw e;
      }
      return root;
    } catch (RuntimeException | LinkageError e) {
      if (String.valueOf(e).contains("add-opens") || String.valueOf(e.getCause()).contains("add-opens")
          || e instanceof ExceptionInInitializerError || e instanceof NoClassDefFoundError) {
        throw new QuiverException("Apache Arrow cannot access off-heap memory in this JVM. Start Java with "
            + REQUIRED_FLAG + " (bin/quiver-submit and bin/run-example add it for you).", e);
      }
      throw e;
    }
  }

  /** The JVM's direct memory limit (-XX:MaxDirectMemorySize, by default the heap size). */
  public static long maxDirectMemory() {
    try {
      Class<?> vm = Class.forName("jdk.internal.misc.VM");
      return (Long) vm.getMethod("maxDirectMemory").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Runtime.getRuntime().maxMemory();
    }
  }

  /**
   * Closes an allocator at the end of a session. A leak is a Quiver bug: tests set
   * quiver.memory.leakCheck=fail so that it fails them; elsewhere it is logged.
   */
  public static void closeRoot(BufferAllocator allocator, org.slf4j.Logger log) {
    try {
      allocator.close();
    } catch (IllegalStateException e) {
      if ("fail".equals(System.getProperty("quiver.memory.leakCheck"))) {
        throw e;
      }
      log.warn("Some Arrow memory was still in use when the session stopped: {}", e.getMessage());
    }
  }
}
