package dev.quiver.driver.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Worker processes started from the test's own classpath, for driver tests against real workers. */
final class WorkerProcesses implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::close, "stop-test-workers");

  WorkerProcesses() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  Process start(int driverPort, Path workDir, Path log, String... extraConf) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m", "-XX:MaxDirectMemorySize=1g",
        "-cp", System.getProperty("java.class.path"), "dev.quiver.worker.WorkerMain",
        "--driver", "127.0.0.1:" + driverPort, "--cores", "1", "--memory", "768m", "--work-dir", workDir.toString()));
    for (String c : extraConf) {
      cmd.add("--conf");
      cmd.add(c);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("QUIVER_SECRET");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  @Override
  public synchronized void close() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already.
    }
  }

  static String logOf(Path log) {
    try {
      return java.nio.file.Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static final String SEP = File.separator;
}
