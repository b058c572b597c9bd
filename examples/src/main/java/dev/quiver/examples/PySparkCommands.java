package dev.quiver.examples;

import static dev.quiver.sql.functions.avg;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.sum;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Session;

/**
 * The seed's PySpark commands program in Java: show the first rows, select, filter, group and aggregate,
 * write Parquet with overwrite, join on an id, and cache. (The RDD and MLlib parts have no Quiver equivalent.)
 */
public final class PySparkCommands {
  private PySparkCommands() {}

  public static void main(String[] args) {
    try (Session spark = Session.builder().appName("PySparkExample").master("local[2]").getOrCreate()) {
      DataFrame df = spark.read().format("csv").option("header", "true").option("inferSchema", "true")
          .load(ExamplePaths.data("people.csv"));
      df.show(5);
      DataFrame selected = df.select(col("name"), col("age"));
      selected.show(5);
      DataFrame filtered = df.filter(col("age").gt(30));
      System.out.println("people over 30: " + filtered.count());
      DataFrame grouped = df.groupBy("country").agg(sum("salary"), avg("age"));
      grouped.orderBy("country").show();

      String out = ExamplePaths.output("pyspark-commands", "output.parquet");
      df.write().format("parquet").mode("overwrite").save(out);
      System.out.println("Wrote Parquet to " + out);

      DataFrame df2 = spark.read().format("csv").option("header", "true").option("inferSchema", "true")
          .load(ExamplePaths.data("orders.csv")).withColumnRenamed("customer_id", "id");
      DataFrame joined = df.join(df2, "id");
      joined.select("id", "name", "order_id", "product").orderBy("order_id").show();

      df.cache();
      System.out.println("cached rows: " + df.count() + ", again from the cache: " + df.count());
    }
  }
}
