package dev.quiver.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The examples bin/run-example knows: {@code Examples} lists them, {@code Examples NAME args} runs one. */
public final class Examples {
  private record Example(String description, Consumer<String[]> main) {}

  private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("sales", new Example(
        "Revenue by country: CSV in, filter, join, aggregate, order, show, Parquet and CSV out",
        SalesReport::main));
    EXAMPLES.put("spark-commands", new Example(
        "The seed's Apache Spark commands: read/write, transform, join/union, count/first/show, save modes",
        SparkCommands::main));
    EXAMPLES.put("batch-processing", new Example(
        "The seed's batch processing: several CSV sources, validation and mapping, Parquet load and archive",
        BatchProcessing::main));
    EXAMPLES.put("basic-functions", new Example(
        "The seed's basic and advanced functions: schema, select, filter, agg, join, union, window rank",
        BasicFunctions::main));
    EXAMPLES.put("pyspark-commands", new Example(
        "The seed's PySpark commands in Java: show, select, filter, groupBy/agg, write, join, cache",
        PySparkCommands::main));
    EXAMPLES.put("context-info", new Example(
        "The seed's SparkContext commands: app name, application id, version, master, user",
        ContextInfo::main));
  }

  private Examples() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      for (Map.Entry<String, Example> e : EXAMPLES.entrySet()) {
        System.out.println(e.getKey() + "\t" + e.getValue().description());
      }
      return;
    }
    Example example = EXAMPLES.get(args[0]);
    if (example == null) {
      System.err.println("No example named '" + args[0] + "'. Run bin/run-example without arguments to list them.");
      System.exit(2);
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    example.main().accept(rest);
  }

  /** The example names, for tests. */
  public static Iterable<String> names() {
    return EXAMPLES.keySet();
  }
}
