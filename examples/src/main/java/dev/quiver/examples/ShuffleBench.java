package dev.quiver.examples;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.sum;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Row;
import dev.quiver.sql.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wall time of a shuffle-heavy query — a shuffled join of N generated rows with 100,000 keys, then an
 * aggregation — on whatever master it is given, so local[2] and a cluster can be compared on one machine:
 * <pre>
 *   bin/quiver-submit --master 'local[2]' --class dev.quiver.examples.ShuffleBench examples/target/quiver-examples-*.jar 4000000 5
 *   bin/start-cluster --workers 2 --cores 1 --memory 3g
 *   bin/quiver-submit --master "$(cat run/master-url)" --class dev.quiver.examples.ShuffleBench examples/target/quiver-examples-*.jar 4000000 5
 *   grep fetched run/worker-*.log     # shuffle fetch throughput between the workers, per job
 * </pre>
 */
public final class ShuffleBench {
  private ShuffleBench() {}

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (Session spark = Session.builder().appName("shuffle-bench")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config("spark.sql.shuffle.partitions", "8").getOrCreate()) {
      List<Long> millis = new ArrayList<>();
      String answer = null;
      for (int i = 0; i < runs + 1; i++) {
        long start = System.nanoTime();
        List<Row> result = query(spark, rows).collectAsList();
        long took = (System.nanoTime() - start) / 1_000_000;
        answer = result.toString();
        if (i > 0) {
          millis.add(took); // the first run warms up the JVMs
        }
      }
      Collections.sort(millis);
      System.out.printf("master=%s rows=%d runs=%d median=%d ms best=%d ms all=%s%n", spark.sparkContext().master(),
          rows, runs, millis.get(millis.size() / 2), millis.get(0), millis);
      System.out.println("answer " + answer.hashCode());
    }
  }

  static DataFrame query(Session spark, long rows) {
    DataFrame facts = spark.range(0, rows).withColumn("k", col("id").mod(100_000)).withColumn("v", col("id").mod(97));
    DataFrame keys = spark.range(0, 100_000).withColumnRenamed("id", "k2").withColumn("g", col("k2").mod(10));
    return facts.join(keys, col("k").equalTo(col("k2"))).groupBy(col("g"))
        .agg(count("*").as("c"), sum(col("v")).as("s")).orderBy(col("g"));
  }
}
