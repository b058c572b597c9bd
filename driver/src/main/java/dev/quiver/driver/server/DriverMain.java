package dev.quiver.driver.server;

import dev.quiver.driver.QuiverConf;
import dev.quiver.proto.rpc.Rpc;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/quiver-driver}: the long-running driver that workers register with and clients connect to. */
@Command(name = "quiver-driver", mixinStandardHelpOptions = true,
    description = "Starts a Quiver driver: schedules client sessions' jobs on the workers that register with it.")
public final class DriverMain implements Callable<Integer> {
  @Option(names = "--host", defaultValue = Rpc.DEFAULT_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, only this machine).")
  String host;

  @Option(names = "--port", defaultValue = "7077", description = "Port for workers and clients (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--ui-port", defaultValue = "8080",
      description = "Port of the status page (default: ${DEFAULT-VALUE}; -1 disables it).")
  int uiPort;

  @Option(names = "--conf", description = "A setting KEY=VALUE, e.g. quiver.authenticate.secret=...; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("quiver.") || key.startsWith("spark.")) {
        settings.put(key, System.getProperty(key));
      }
    }
    settings.putAll(conf);
    QuiverConf qc = new QuiverConf(settings);
    DriverServer server = new DriverServer(qc, host, port, uiPort);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "quiver-driver-stop"));
    System.out.println("Quiver driver at " + server.url()
        + (server.uiPort() > 0 ? ", status page http://" + host + ":" + server.uiPort() + "/" : ""));
    System.out.flush();
    server.awaitTermination();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DriverMain()).execute(args));
  }
}
