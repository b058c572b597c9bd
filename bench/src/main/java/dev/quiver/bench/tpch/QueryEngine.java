package dev.quiver.bench.tpch;

import java.util.List;

/** One engine that answers the TPC-H queries by name ("q1".."q22") over one data directory. */
public interface QueryEngine extends AutoCloseable {
  /** Runs the query to completion and returns its rows, each a list of plain Java values. */
  List<List<Object>> run(String query) throws Exception;

  @Override
  void close() throws Exception;

  /** Creates the engine named {@code quiver}, {@code duckdb} or {@code spark} (the last only with -Pspark). */
  static QueryEngine create(String name, TpchData data) throws Exception {
    return switch (name) {
      case "quiver" -> new QuiverEngine(data);
      case "duckdb" -> new DuckDbEngine(data);
      case "spark" -> {
        Class<?> spark;
        try {
          spark = Class.forName("dev.quiver.bench.tpch.spark.SparkEngine");
        } catch (ClassNotFoundException e) {
          throw new IllegalArgumentException("the spark engine is compiled only with the Maven profile -Pspark; "
              + "run bin/tpch-bench --compare (which builds with it) or mvn -Pspark -pl bench -am package", e);
        }
        yield (QueryEngine) spark.getConstructor(TpchData.class).newInstance(data);
      }
      default -> throw new IllegalArgumentException("unknown engine '" + name + "'; use quiver, duckdb or spark");
    };
  }
}
