package dev.quiver.sql;

import static dev.quiver.sql.functions.avg;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.lit;
import static dev.quiver.sql.functions.row_number;
import static dev.quiver.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.expressions.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local[n]} runs a stage's planned fragment in all of the stage's tasks at once unless
 * {@code quiver.local.encodeTasks} gives each task its own copy decoded from protobuf (as the test suites do by
 * default): queries of every operator kind give the same rows both ways, on two task threads.
 */
class LocalTaskSharingTest {
  @TempDir
  static Path dir;

  @Test
  void tasksSharingTheirFragmentAnswerAsTasksDecodingTheirOwn() {
    List<String> shared = run(false);
    List<String> decoded = run(true);
    assertFalse(shared.isEmpty());
    assertEquals(decoded, shared);
  }

  private static List<String> run(boolean encodeTasks) {
    // The setting is read when a session starts: an active session would answer both runs the same way.
    assertTrue(Session.getActiveSession().isEmpty(), "another test left a session running");
    Session spark = Session.builder().master("local[2]").appName("task-sharing")
        .config("quiver.local.encodeTasks", Boolean.toString(encodeTasks))
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    try {
      List<Row> orderRows = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        orderRows.add(RowFactory.create((long) i, i % 3 == 0 ? "F" : "O", i % 97 == 0 ? null : (double) (i % 41)));
      }
      List<Row> lineRows = new ArrayList<>();
      for (int i = 0; i < 60_000; i++) {
        lineRows.add(RowFactory.create((long) (i * 7 % 6_000), (long) (i % 13), (double) (i % 50)));
      }
      // Each run writes its own copy: a table's path cannot be written twice.
      Path tables = dir.resolve("encodeTasks-" + encodeTasks);
      DataFrame o = ParquetFixtures.write(spark, tables, "orders", orderRows,
          "okey BIGINT, status STRING, price DOUBLE");
      DataFrame l = ParquetFixtures.write(spark, tables, "lines", lineRows, "lkey BIGINT, supp BIGINT, qty DOUBLE");
      List<String> rows = new ArrayList<>();
      List<DataFrame> queries = List.of(
          o.join(l, col("okey").equalTo(col("lkey"))).groupBy(col("status"), col("supp"))
              .agg(sum(col("qty")).as("q"), avg(col("price")).as("p"), count(lit(1)).as("n")),
          l.filter(col("qty").gt(10)).groupBy(col("lkey")).agg(sum(col("qty")).as("q"))
              .orderBy(col("q").desc(), col("lkey")).limit(25),
          o.join(l, col("okey").equalTo(col("lkey")), "left_anti").select(col("okey"), col("price")),
          l.withColumn("r", row_number().over(Window.partitionBy(col("supp")).orderBy(col("qty"), col("lkey"))))
              .filter(col("r").leq(3)),
          o.select(col("okey").as("k")).union(l.select(col("lkey").as("k"))).distinct());
      for (DataFrame q : queries) {
        rows.add("-- " + q.count());
        rows.addAll(SettingEffects.sortedRows(q));
      }
      return rows;
    } finally {
      spark.stop();
    }
  }
}
