package dev.quiver.examples.cluster;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.sum;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Row;
import dev.quiver.sql.Session;
import java.util.List;

/**
 * A shuffle-heavy job (a join and an aggregation over generated rows) run by bin/quiver-submit in the cluster
 * tests; prints one line per group. Its master comes from --master, as for any submitted job.
 */
public final class ClusterJob {
  private ClusterJob() {}

  static DataFrame query(Session spark, long rows) {
    DataFrame facts = spark.range(0, rows).withColumn("k", col("id").mod(50_000));
    DataFrame dims = spark.range(0, 50_000).withColumnRenamed("id", "k2").withColumn("w", col("k2").mod(7));
    return facts.join(dims, col("k").equalTo(col("k2"))).groupBy(col("w"))
        .agg(count("*").as("c"), sum(col("id")).as("s")).orderBy(col("w"));
  }

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    try (Session spark = Session.builder().appName("cluster-job").getOrCreate()) {
      List<Row> result = query(spark, rows).collectAsList();
      for (Row r : result) {
        System.out.println("group " + r.mkString(","));
      }
    }
  }
}
