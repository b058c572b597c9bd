package dev.quiver.examples;

import static dev.quiver.sql.functions.avg;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.rank;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Session;
import dev.quiver.sql.expressions.Window;
import dev.quiver.sql.expressions.WindowSpec;

/**
 * The seed's "basic and advanced functions" program: schema, show, select, filter, groupBy/agg, join,
 * union, a window function, and writing Parquet. (The seed's Python lambda UDF becomes a column expression.)
 */
public final class BasicFunctions {
  private BasicFunctions() {}

  public static void main(String[] args) {
    try (Session spark = Session.builder().appName("SparkExample").master("local[2]").getOrCreate()) {
      DataFrame data = spark.read().option("header", "true").option("inferSchema", "true")
          .csv(ExamplePaths.data("people.csv"));
      DataFrame otherData = spark.read().option("header", "true").option("inferSchema", "true")
          .csv(ExamplePaths.data("people_more.csv"));

      // Basic functions
      data.printSchema();
      data.show();
      DataFrame selected = data.select("name", "age");
      selected.show(3);
      DataFrame filtered = data.filter(col("age").gt(30));
      filtered.show();
      DataFrame grouped = data.groupBy("country").agg(count("age"), avg("salary"));
      grouped.orderBy("country").show();

      // Advanced functions
      DataFrame joined = data.join(otherData, new String[] {"country"});
      joined.show();
      DataFrame union = data.union(otherData);
      System.out.println("union has " + union.count() + " rows");
      DataFrame transformed = data.withColumn("new_col", col("age").multiply(2));
      transformed.select("name", "age", "new_col").show(5);
      WindowSpec windowSpec = Window.partitionBy("country").orderBy("age");
      DataFrame ranked = union.withColumn("rank", rank().over(windowSpec));
      ranked.orderBy("country", "rank").show(20, false);

      String out = ExamplePaths.output("basic-functions", "output.parquet");
      data.write().mode("overwrite").parquet(out);
      System.out.println("Wrote Parquet to " + out);
    }
  }
}
