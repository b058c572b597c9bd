package dev.quiver.examples;

import static dev.quiver.sql.functions.col;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Row;
import dev.quiver.sql.Session;
import java.util.Map;

/**
 * The seed's "Apache Spark commands" program ported to Quiver: read and write commands, select/filter/
 * groupBy/agg, join and union, count/first/show, and saving with modes, as a table and as CSV.
 */
public final class SparkCommands {
  private SparkCommands() {}

  public static void main(String[] args) {
    // Create a Session (Spark's SparkSession)
    try (Session spark = Session.builder().appName("SparkExample").master("local[2]").getOrCreate()) {
      // Read and write commands
      DataFrame df = spark.read().format("csv").option("header", "true").load(ExamplePaths.data("people.csv"));
      df.write().mode("overwrite").format("parquet").save(ExamplePaths.output("spark-commands", "output.parquet"));

      // Data transformation commands: the CSV was read without inferSchema, so every column is a string
      DataFrame transformed = df.select("name", "age").filter(col("age").cast("int").gt(30))
          .groupBy("name").agg(Map.of("age", "sum"));
      transformed.show();

      // Join and union commands
      DataFrame df1 = spark.read().format("csv").option("header", "true").load(ExamplePaths.data("people.csv"));
      DataFrame df2 = spark.read().format("csv").option("header", "true").load(ExamplePaths.data("people_more.csv"));
      DataFrame joined = df1.join(df2, df1.col("age").equalTo(df2.col("age")), "inner");
      DataFrame union = df1.union(df2);
      System.out.println("joined rows: " + joined.count() + ", union rows: " + union.count());

      // Data analysis commands
      long count = df.count();
      Row firstRow = df.first();
      System.out.println("count = " + count + ", first row = " + firstRow);
      df.show();

      // Save commands
      String parquet = ExamplePaths.output("spark-commands", "output_overwrite.parquet");
      String csv = ExamplePaths.output("spark-commands", "output.csv");
      df.write().mode("overwrite").parquet(parquet);
      df.write().mode("overwrite").saveAsTable("my_table");
      df.write().mode("overwrite").format("csv").option("header", "true").save(csv);
      System.out.println("Wrote " + parquet + ", " + csv + " and table my_table ("
          + spark.table("my_table").count() + " rows in the warehouse spark-warehouse/)");
    }
  }
}
