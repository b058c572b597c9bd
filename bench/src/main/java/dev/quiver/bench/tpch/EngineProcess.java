package dev.quiver.bench.tpch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of one engine in a benchmark run. It reads commands from standard input, one a line, and
 * answers on standard output with lines starting {@value #PREFIX} (engines may print their own output):
 * <ul>
 *   <li>{@code run <query>} runs the query once and answers {@code result <query> <rows> <ms>};</li>
 *   <li>{@code quit} closes the engine and exits.</li>
 * </ul>
 * The engine starts on the first command, so the parent's time to the first answer is the cold start.
 * Usage: EngineProcess ENGINE DATA_DIR SCALE_FACTOR.
 */
public final class EngineProcess {
  static final String PREFIX = "@@tpch ";

  private EngineProcess() {}

  public static void main(String[] args) throws Exception {
    String engineName = args[0];
    TpchData data = TpchData.at(Path.of(args[1]), Double.parseDouble(args[2]));
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    // Engines' own chatter goes to stderr, so the protocol on stdout stays clean.
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    QueryEngine engine = null;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] command = line.trim().split("\\s+");
        if (command[0].equals("quit")) {
          break;
        }
        if (!command[0].equals("run") || command.length != 2) {
          out.println(PREFIX + "error unknown command '" + line + "'");
          continue;
        }
        try {
          if (engine == null) {
            long started = System.nanoTime();
            engine = QueryEngine.create(engineName, data);
            System.err.printf("%s started in %d ms (JVM up %d ms before)%n", engineName,
                (System.nanoTime() - started) / 1_000_000,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
          }
          long t0 = System.nanoTime();
          List<List<Object>> rows = engine.run(command[1]);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          out.println(PREFIX + "result " + command[1] + " " + rows.size() + " " + ms);
        } catch (Exception | Error e) {
          // Not swallowed: the full trace goes to this child's stderr, which is the engine's log file, and the
          // parent fails the run with the one-line cause and the log's name.
          e.printStackTrace(System.err);
          out.println(PREFIX + "error " + command[1] + " " + String.valueOf(e).replace('\n', ' '));
        }
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
    System.exit(0);
  }
}
