package dev.quiver.bench.tpch.spark;

import dev.quiver.bench.tpch.QueryEngine;
import dev.quiver.bench.tpch.TpchData;
import dev.quiver.bench.tpch.TpchSql;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Apache Spark 4.0.1 in local[2] with its default settings (UI off, bound to loopback), answering each query's SQL text over
 * temporary views of the same Parquet files. Compiled only with the Maven profile -Pspark.
 */
public final class SparkEngine implements QueryEngine {
  private final SparkSession spark;

  public SparkEngine(TpchData data) {
    spark = SparkSession.builder().appName("tpch").master("local[2]").config("spark.ui.enabled", "false")
        // Loopback only: the benchmark machine's other addresses are not for traffic.
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    for (TpchTable<?> table : TpchTable.getTables()) {
      spark.read().parquet(data.parquet(table.getTableName()).toString()).createOrReplaceTempView(table.getTableName());
    }
  }

  @Override
  public List<List<Object>> run(String query) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : spark.sql(TpchSql.text(query)).collectAsList()) {
      List<Object> values = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return rows;
  }

  @Override
  public void close() {
    spark.stop();
  }
}
