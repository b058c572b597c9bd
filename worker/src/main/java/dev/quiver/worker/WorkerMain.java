package dev.quiver.worker;

import dev.quiver.executor.task.TaskRunner;
import dev.quiver.proto.rpc.SharedSecret;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/quiver-worker}: starts a worker that registers with a driver and runs its tasks. */
@Command(name = "quiver-worker", mixinStandardHelpOptions = true,
    description = "Starts a Quiver worker: registers with the driver, runs tasks on its cores, serves shuffle data.")
public final class WorkerMain implements Callable<Integer> {
  @Option(names = "--driver", required = true, description = "The driver's host:port, e.g. 127.0.0.1:7077.")
  String driver;

  @Option(names = "--cores", description = "Task slots (default: the machine's cores).")
  int cores = Runtime.getRuntime().availableProcessors();

  @Option(names = "--memory", defaultValue = "2g", description = "Memory for tasks, e.g. 4g (default: ${DEFAULT-VALUE}).")
  String memory;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on and to give the driver (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "0", description = "Port of the worker's service (default: any free).")
  int port;

  @Option(names = "--work-dir", description = "Directory for shuffle files (default: a temporary directory).")
  Path workDir;

  @Option(names = "--conf", description = "A setting KEY=VALUE, e.g. quiver.authenticate.secret=...; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    int colon = driver.lastIndexOf(':');
    if (colon <= 0) {
      System.err.println("quiver-worker: --driver must be host:port, e.g. 127.0.0.1:7077");
      return 2;
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("quiver.") || key.startsWith("spark.")) {
        settings.put(key, System.getProperty(key));
      }
    }
    settings.putAll(conf);
    Path dir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "quiver-worker");
    Worker.Settings s = new Worker.Settings(driver.substring(0, colon), Integer.parseInt(driver.substring(colon + 1)),
        host, port, Math.max(1, cores), parseBytes(memory), dir, SharedSecret.resolve(settings),
        Integer.parseInt(settings.getOrDefault(TaskRunner.BATCH_SIZE, String.valueOf(TaskRunner.DEFAULT_BATCH_SIZE))));
    Worker worker = new Worker(s);
    Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "quiver-worker-stop"));
    System.out.println("Quiver worker listening on " + host + ":" + worker.port() + ", driver " + driver);
    worker.awaitTermination();
    return 0;
  }

  static long parseBytes(String v) {
    String t = v.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("b$", "");
    long mult = 1;
    char unit = t.charAt(t.length() - 1);
    if ("kmgt".indexOf(unit) >= 0) {
      mult = 1L << (10 * ("kmgt".indexOf(unit) + 1));
      t = t.substring(0, t.length() - 1);
    }
    return Long.parseLong(t.trim()) * mult;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerMain()).execute(args));
  }
}
