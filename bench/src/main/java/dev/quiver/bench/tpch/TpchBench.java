package dev.quiver.bench.tpch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The TPC-H benchmark: Quiver (and with {@code --compare} Spark and DuckDB) in local[2] on the same Parquet
 * files, each engine in its own child JVM, engines alternating run by run. Prints per query the median, min
 * and max of the timed runs and the result rows, per engine the cold start (JVM start to the first Q6
 * result) and peak RSS, and the Quiver/other ratios with their geometric means. {@code --check} instead
 * compares Quiver's answers with DuckDB's. Run {@code --help} for the options.
 */
public final class TpchBench {
  private record Options(double scaleFactor, int runs, List<String> engines, List<String> queries, Path dataDir,
      Optional<Path> markdown, boolean check, List<String> quiverJvmArgs) {}

  private record Timing(long rows, long[] millis) {
    long median() {
      long[] t = millis.clone();
      Arrays.sort(t);
      return t[t.length / 2];
    }

    long min() {
      return Arrays.stream(millis).min().orElse(0);
    }

    long max() {
      return Arrays.stream(millis).max().orElse(0);
    }
  }

  private TpchBench() {}

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    TpchData data = TpchData.at(options.dataDir(), options.scaleFactor()).ensureGenerated();
    if (options.check()) {
      System.exit(check(data, options.queries()) ? 0 : 1);
    }
    run(data, options);
  }

  /** Runs every query on Quiver and DuckDB in this JVM and compares the answers; true when all agree. */
  static boolean check(TpchData data, List<String> queries) throws Exception {
    boolean allAgree = true;
    try (QueryEngine quiver = QueryEngine.create("quiver", data);
        QueryEngine duckdb = QueryEngine.create("duckdb", data)) {
      for (String query : queries) {
        List<List<Object>> expected = duckdb.run(query);
        List<List<Object>> actual = quiver.run(query);
        Optional<String> difference = Answers.difference(expected, actual);
        System.out.printf(Locale.ROOT, "%-4s %s%n", query,
            difference.map(d -> "DIFFERS: " + d).orElse("ok (" + actual.size() + " rows)"));
        allAgree &= difference.isEmpty();
      }
    }
    return allAgree;
  }

  private static void run(TpchData data, Options options) throws Exception {
    Path logDir = data.root().resolve("logs");
    Map<String, EngineChild> children = new LinkedHashMap<>();
    Map<String, Long> coldStartMs = new LinkedHashMap<>();
    Map<String, Long> peakRssMib = new LinkedHashMap<>();
    Map<String, Map<String, Timing>> timings = new LinkedHashMap<>();
    try {
      for (String engine : options.engines()) {
        List<String> jvmArgs = engine.equals("quiver") ? options.quiverJvmArgs() : List.of();
        EngineChild child = EngineChild.start(engine, data, logDir, jvmArgs);
        children.put(engine, child);
        child.run("q6");
        coldStartMs.put(engine, (System.nanoTime() - child.startNanos()) / 1_000_000);
        System.err.printf(Locale.ROOT, "%s: cold start to the first Q6 result %d ms%n", engine, coldStartMs.get(engine));
        timings.put(engine, new LinkedHashMap<>());
      }
      List<EngineChild> order = new ArrayList<>(children.values());
      for (String query : options.queries()) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, long[]> millis = new LinkedHashMap<>();
        for (EngineChild child : order) {
          rows.put(child.engine, child.run(query)[0]);
          millis.put(child.engine, new long[options.runs()]);
        }
        for (int r = 0; r < options.runs(); r++) {
          for (int i = 0; i < order.size(); i++) {
            EngineChild child = order.get((i + r) % order.size());
            IdleWait.forQuiet(order.stream().filter(other -> other != child).map(EngineChild::pid).toList());
            millis.get(child.engine)[r] = child.run(query)[1];
          }
        }
        for (EngineChild child : order) {
          Timing timing = new Timing(rows.get(child.engine), millis.get(child.engine));
          timings.get(child.engine).put(query, timing);
          System.err.printf(Locale.ROOT, "%-4s %-7s median %6d ms  min %6d  max %6d  rows %d%n", query, child.engine,
              timing.median(), timing.min(), timing.max(), timing.rows());
        }
      }
      for (EngineChild child : order) {
        peakRssMib.put(child.engine, child.peakRssMib());
      }
    } finally {
      for (EngineChild child : children.values()) {
        child.close();
      }
    }
    String table = table(options, timings, coldStartMs, peakRssMib);
    System.out.print(table);
    if (options.markdown().isPresent()) {
      Files.writeString(options.markdown().get(), table);
    }
  }

  private static String table(Options options, Map<String, Map<String, Timing>> timings, Map<String, Long> coldStartMs,
      Map<String, Long> peakRssMib) {
    List<String> others = options.engines().stream().filter(e -> !e.equals("quiver")).toList();
    boolean hasQuiver = timings.containsKey("quiver");
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("query"));
    for (String engine : options.engines()) {
      header.addAll(List.of(engine + " median ms", engine + " min", engine + " max"));
    }
    header.add("rows");
    if (hasQuiver) {
      others.forEach(o -> header.add("quiver/" + o));
    }
    row(sb, header);
    row(sb, header.stream().map(h -> h.equals("query") ? "---" : "---:").toList());
    Map<String, Double> logRatioSums = new LinkedHashMap<>();
    for (String query : options.queries()) {
      List<String> cells = new ArrayList<>(List.of(query.toUpperCase(Locale.ROOT)));
      for (String engine : options.engines()) {
        Timing t = timings.get(engine).get(query);
        cells.addAll(List.of(Long.toString(t.median()), Long.toString(t.min()), Long.toString(t.max())));
      }
      cells.add(Long.toString(timings.get(options.engines().get(0)).get(query).rows()));
      if (hasQuiver) {
        for (String other : others) {
          double ratio = Math.max(1, timings.get("quiver").get(query).median())
              / (double) Math.max(1, timings.get(other).get(query).median());
          logRatioSums.merge(other, Math.log(ratio), Double::sum);
          cells.add(String.format(Locale.ROOT, "%.2f", ratio));
        }
      }
      row(sb, cells);
    }
    List<String> geomean = new ArrayList<>(List.of("geomean"));
    for (String engine : options.engines()) {
      double logSum = timings.get(engine).values().stream().mapToDouble(t -> Math.log(Math.max(1, t.median()))).sum();
      geomean.addAll(List.of(String.format(Locale.ROOT, "%.0f", Math.exp(logSum / options.queries().size())), "", ""));
    }
    geomean.add("");
    if (hasQuiver) {
      others.forEach(o -> geomean.add(String.format(Locale.ROOT, "%.2f",
          Math.exp(logRatioSums.get(o) / options.queries().size()))));
    }
    row(sb, geomean);
    sb.append('\n');
    row(sb, List.of("engine", "cold start to first Q6 ms", "peak RSS MiB"));
    row(sb, List.of("---", "---:", "---:"));
    for (String engine : options.engines()) {
      row(sb, List.of(engine, Long.toString(coldStartMs.get(engine)), Long.toString(peakRssMib.get(engine))));
    }
    sb.append(String.format(Locale.ROOT, "%nSF %s, Parquet (Snappy), local[2] / 2 DuckDB threads, %d timed runs after "
        + "one warm-up per query, engines alternating run by run, %s on %d cores, %s%n", options.scaleFactor(),
        options.runs(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE)));
    return sb.toString();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static Options parse(String[] args) {
    double sf = 1;
    int runs = 5;
    List<String> engines = List.of("quiver");
    List<String> queries = new ArrayList<>(TpchQueries.all().keySet());
    String env = System.getenv("QUIVER_TPCH_DIR");
    Path dataDir = Path.of(env != null && !env.isEmpty() ? env : "bench/target/tpch");
    Optional<Path> markdown = Optional.empty();
    boolean check = false;
    List<String> quiverJvmArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--sf" -> sf = Double.parseDouble(value(args, ++i, arg));
        case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
        case "--compare" -> engines = List.of("quiver", "spark", "duckdb");
        case "--engines" -> engines = List.of(value(args, ++i, arg).split(","));
        case "--queries" -> queries = Arrays.stream(value(args, ++i, arg).split(","))
            .map(q -> q.toLowerCase(Locale.ROOT)).toList();
        case "--data" -> dataDir = Path.of(value(args, ++i, arg));
        case "--markdown" -> markdown = Optional.of(Path.of(value(args, ++i, arg)));
        case "--check" -> check = true;
        case "--quiver-jvm-arg" -> quiverJvmArgs.add(value(args, ++i, arg));
        case "--help", "-h" -> {
          System.out.println("""
              tpch-bench [--sf 1] [--runs 5] [--compare | --engines quiver,spark,duckdb] [--queries q1,q6]
                         [--data DIR] [--markdown FILE] [--check] [--quiver-jvm-arg ARG]...
                --sf        scale factor (data generated once under DIR/sf<N>; default DIR bench/target/tpch
                            or $QUIVER_TPCH_DIR)
                --runs      timed runs per query and engine, after one warm-up run (default 5)
                --compare   also run Spark 4.0.1 (needs the -Pspark build) and DuckDB, each in its own JVM
                --check     compare Quiver's answers with DuckDB's instead of timing""");
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
      }
    }
    for (String q : queries) {
      if (!TpchQueries.all().containsKey(q)) {
        throw new IllegalArgumentException("unknown query '" + q + "'; use q1 .. q22");
      }
    }
    return new Options(sf, runs, engines, queries, dataDir, markdown, check, quiverJvmArgs);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; see --help");
    }
    return args[i];
  }
}
