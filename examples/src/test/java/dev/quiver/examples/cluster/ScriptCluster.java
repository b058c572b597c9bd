package dev.quiver.examples.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A driver and workers on 127.0.0.1 started by bin/start-cluster (free ports, its own run directory under
 * target/) and stopped by bin/stop-cluster — after the test, and from a JVM shutdown hook if the test JVM dies.
 * The scripts run Quiver from this test's classpath (QUIVER_CLASSPATH), so they build nothing.
 */
final class ScriptCluster implements AutoCloseable {
  private static final Path HOME = findHome();

  private final Path runDir;
  private final Map<String, String> env;
  private final Thread hook = new Thread(this::stopQuietly, "stop-test-cluster");
  private String url;
  private String statusPage;

  ScriptCluster(Path runDir, Map<String, String> env) {
    this.runDir = runDir;
    this.env = env;
  }

  private static Path findHome() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("bin/start-cluster"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("bin/start-cluster not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  static Path home() {
    return HOME;
  }

  void start(int workers) throws IOException, InterruptedException {
    Runtime.getRuntime().addShutdownHook(hook);
    Result r = run(List.of("bin/start-cluster", "--workers", String.valueOf(workers), "--cores", "1", "--memory",
        "1g", "--port", "0", "--ui-port", "0"), 180);
    if (r.exit != 0) {
      throw new IllegalStateException("start-cluster failed (" + r.exit + "):\n" + r.output);
    }
    url = Files.readString(runDir.resolve("master-url")).trim();
    Matcher m = Pattern.compile("Status page: (\\S+)").matcher(r.output);
    if (!m.find()) {
      throw new IllegalStateException("start-cluster printed no status page:\n" + r.output);
    }
    statusPage = m.group(1);
  }

  String url() {
    return url;
  }

  Path runDir() {
    return runDir;
  }

  /** The status page's plain-text form: one "worker ..." line per registered worker, one "job ..." per job. */
  String status() throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(statusPage + "status")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  long workersRegistered() throws IOException, InterruptedException {
    return status().lines().filter(l -> l.startsWith("worker ")).count();
  }

  void awaitWorkers(int n) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (workersRegistered() != n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Expected " + n + " workers, status page says:\n" + status());
      }
      Thread.sleep(100);
    }
  }

  long pid(String name) throws IOException {
    return Long.parseLong(Files.readString(runDir.resolve(name + ".pid")).trim());
  }

  /** Starts one more worker with bin/quiver-worker; its pid file makes bin/stop-cluster stop it too. */
  Process startWorker(String name, Map<String, String> extraEnv) throws IOException {
    ProcessBuilder pb = builder(List.of("bin/quiver-worker", "--driver", url.substring("quiver://".length()),
        "--cores", "1", "--memory", "1g", "--work-dir", runDir.resolve("work").resolve(name).toString()));
    pb.environment().putAll(extraEnv);
    pb.redirectErrorStream(true).redirectOutput(runDir.resolve(name + ".log").toFile());
    Process p = pb.start();
    Files.writeString(runDir.resolve(name + ".pid"), Long.toString(p.pid()));
    return p;
  }

  record Result(int exit, String output) {}

  Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Files.createDirectories(runDir);
    Path out = Files.createTempFile(runDir, "cmd-", ".out");
    Process p = builder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      return new Result(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(out));
    }
    return new Result(p.exitValue(), Files.readString(out));
  }

  private ProcessBuilder builder(List<String> command) throws IOException {
    Files.createDirectories(runDir);
    List<String> cmd = new ArrayList<>(command);
    cmd.set(0, HOME.resolve(cmd.get(0)).toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile());
    pb.environment().remove("QUIVER_SECRET");
    pb.environment().putAll(env);
    pb.environment().put("QUIVER_RUN_DIR", runDir.toString());
    pb.environment().put("QUIVER_CLASSPATH", System.getProperty("java.class.path"));
    // Tests keep Arrow's bounds checks on, also in the processes the scripts start.
    pb.environment().put("QUIVER_ARROW_CHECKS", "on");
    pb.environment().put("QUIVER_WORKER_OPTS", "-Xmx512m");
    return pb;
  }

  private void stopQuietly() {
    try {
      run(List.of("bin/stop-cluster"), 60);
    } catch (IOException | InterruptedException e) {
      System.err.println("stop-cluster failed: " + e);
    }
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs anyway.
    }
  }
}
