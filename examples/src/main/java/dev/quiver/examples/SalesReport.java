package dev.quiver.examples;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.countDistinct;
import static dev.quiver.sql.functions.desc;
import static dev.quiver.sql.functions.round;
import static dev.quiver.sql.functions.sum;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Session;

/**
 * Revenue by country: reads orders and customers (CSV), filters, joins, aggregates, orders, shows the
 * result and writes it as Parquet and CSV.
 */
public final class SalesReport {
  private SalesReport() {}

  public static void main(String[] args) {
    try (Session spark = Session.builder().appName("sales-report").master("local[2]").getOrCreate()) {
      DataFrame orders = spark.read().option("header", "true").option("inferSchema", "true")
          .csv(ExamplePaths.data("orders.csv"));
      DataFrame customers = spark.read().option("header", "true").option("inferSchema", "true")
          .csv(ExamplePaths.data("customers.csv"));

      DataFrame revenue = orders
          .filter(col("quantity").isNotNull())
          .withColumn("amount", col("quantity").multiply(col("unit_price")))
          .join(customers, orders.col("customer_id").equalTo(customers.col("id")))
          .groupBy("country")
          .agg(count("*").as("orders"), countDistinct(col("customer_id")).as("customers"),
              round(sum("amount"), 2).as("revenue"))
          .orderBy(desc("revenue"));

      System.out.println("Revenue by country:");
      revenue.show();

      String parquetOut = ExamplePaths.output("sales", "revenue_by_country.parquet");
      String csvOut = ExamplePaths.output("sales", "revenue_by_country.csv");
      revenue.write().mode("overwrite").parquet(parquetOut);
      revenue.write().mode("overwrite").option("header", "true").csv(csvOut);
      System.out.println("Wrote Parquet to " + parquetOut);
      System.out.println("Wrote CSV to " + csvOut);
      System.out.println("Read back from Parquet: " + spark.read().parquet(parquetOut).count() + " rows");
    }
  }
}
