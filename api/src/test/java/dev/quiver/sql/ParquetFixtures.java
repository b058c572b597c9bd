package dev.quiver.sql;

import java.nio.file.Path;
import java.util.List;

/** Test tables written as Parquet: two files each, so a scan has more than one task. */
final class ParquetFixtures {
  private ParquetFixtures() {}

  /** Writes {@code rows} of {@code schema} under {@code dir/name} and reads them back. */
  static DataFrame write(Session spark, Path dir, String name, List<Row> rows, String schema) {
    String path = dir.resolve(name).toString();
    spark.createDataFrame(rows, schema).repartition(2).write().parquet(path);
    return spark.read().parquet(path);
  }
}
