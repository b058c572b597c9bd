package dev.quiver.bench;

import static dev.quiver.sql.functions.avg;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.countDistinct;
import static dev.quiver.sql.functions.sum;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A quick local benchmark of the engine's building blocks on generated Parquet data: scan + filter,
 * group-by, join + aggregation, sort with limit, and a write. Prints median/min/max wall time per query
 * over several runs in one JVM (after a warm-up). Usage: LocalBench [rows] [runs] [master].
 */
public final class LocalBench {
  private LocalBench() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String master = args.length > 2 ? args[2] : "local[2]";
    Path dir = Paths.get(System.getProperty("quiver.bench.dir", "bench/target/data"), "rows-" + rows);
    try (Session spark = Session.builder().appName("local-bench").master(master).getOrCreate()) {
      String facts = dir.resolve("facts").toString();
      String dims = dir.resolve("dims").toString();
      if (!Files.exists(dir.resolve("facts/_SUCCESS"))) {
        long t0 = System.nanoTime();
        spark.range(0, rows).select(col("id"), col("id").mod(100_000).as("key"),
            col("id").mod(97).cast("double").multiply(1.5).as("amount"),
            col("id").mod(13).cast("string").as("tag")).write().mode("overwrite").parquet(facts);
        spark.range(0, 100_000).select(col("id").as("key"), col("id").mod(50).as("region"))
            .write().mode("overwrite").parquet(dims);
        System.out.printf(Locale.ROOT, "generated %,d rows in %d ms under %s%n", rows,
            (System.nanoTime() - t0) / 1_000_000, dir);
      }
      Map<String, Supplier<DataFrame>> queries = new LinkedHashMap<>();
      queries.put("scan-filter-count", () -> spark.read().parquet(facts).filter(col("amount").gt(100))
          .agg(count("*")));
      queries.put("group-by-100k-keys", () -> spark.read().parquet(facts).groupBy("key")
          .agg(sum("amount"), count("*")));
      queries.put("group-by-13-tags", () -> spark.read().parquet(facts).groupBy("tag")
          .agg(avg("amount"), countDistinct(col("key"))));
      queries.put("join-then-aggregate", () -> spark.read().parquet(facts)
          .join(spark.read().parquet(dims), "key").groupBy("region").agg(sum("amount")));
      queries.put("order-by-limit", () -> spark.read().parquet(facts).orderBy(col("amount").desc(), col("id"))
          .limit(10));
      System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s %8s%n", "query", "median ms", "min ms", "max ms", "rows");
      for (Map.Entry<String, Supplier<DataFrame>> q : queries.entrySet()) {
        long resultRows = q.getValue().get().collectAsList().size();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          q.getValue().get().collectAsList();
          times.add((System.nanoTime() - t0) / 1_000_000);
        }
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%-22s %10d %10d %10d %8d%n", q.getKey(), t[t.length / 2], t[0],
            t[t.length - 1], resultRows);
      }
    }
  }
}
