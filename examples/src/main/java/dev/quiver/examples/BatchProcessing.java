package dev.quiver.examples;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.current_date;
import static dev.quiver.sql.functions.trim;
import static dev.quiver.sql.functions.upper;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Session;

/**
 * The seed's batch-processing program: collect data from several source files, validate and map it, load
 * it into a destination as Parquet, and archive a copy.
 */
public final class BatchProcessing {
  private BatchProcessing() {}

  public static void main(String[] args) {
    try (Session spark = Session.builder().appName("BatchProcessingExample").master("local[2]").getOrCreate()) {
      // Data collection: several CSV sources read as one DataFrame
      DataFrame df = spark.read().format("csv").option("header", "true").option("inferSchema", "true")
          .load(ExamplePaths.data("people.csv"), ExamplePaths.data("people_more.csv"));

      // Data processing: validation, mapping and manipulation
      DataFrame processed = df
          .filter(col("age").isNotNull().and(col("age").between(18, 99)))
          .withColumn("country", upper(trim(col("country"))))
          .withColumn("has_salary", col("salary").isNotNull())
          .withColumn("processed_on", current_date());
      processed.show();

      // Data loading and archiving
      String destination = ExamplePaths.output("batch-processing", "processed_data.parquet");
      String archive = ExamplePaths.output("batch-processing", "archive/processed_data.parquet");
      processed.write().mode("overwrite").format("parquet").save(destination);
      processed.write().mode("overwrite").format("parquet").save(archive);
      System.out.println("Loaded " + spark.read().parquet(destination).count() + " rows into " + destination);
      System.out.println("Archived a copy in " + archive);
    }
  }
}
