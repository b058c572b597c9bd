package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing into existing tables (by name, by position), cache refresh after writes, partitioned overwrites. */
class TablesAndCachesTest {
  static Session spark;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    begin("local[2]");
  }

  static void begin(String master) {
    spark = Session.builder().master(master).appName("tables")
        .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString()).getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static DataFrame rows(int n) {
    return spark.range(1, n + 1).select(col("id").cast("int").as("id"), col("id").cast("string").as("s"));
  }

  private static List<String> sorted(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
  }

  @Test
  void insertIntoMatchesColumnsByPosition() {
    rows(2).write().mode("overwrite").saveAsTable("by_pos");
    rows(1).select(col("id").as("x"), col("s").as("y")).write().insertInto("by_pos");
    assertEquals(List.of("[1,1]", "[1,1]", "[2,2]"), sorted(spark.table("by_pos")));
    AnalysisException e = assertThrows(AnalysisException.class, () -> rows(1).select("id").write().insertInto("by_pos"));
    assertTrue(e.getMessage().contains("INSERT_COLUMN_ARITY_MISMATCH"), e.getMessage());
    rows(1).write().mode("overwrite").insertInto("by_pos");
    assertEquals(List.of("[1,1]"), sorted(spark.table("by_pos")));
  }

  @Test
  void saveAsTableAppendMatchesColumnsByNameAndCasts() {
    rows(2).write().mode("overwrite").saveAsTable("by_name");
    rows(1).select(col("s"), col("id").cast("long").as("id")).write().mode("append").saveAsTable("by_name");
    assertEquals(List.of("[1,1]", "[1,1]", "[2,2]"), sorted(spark.table("by_name")));
    assertEquals("struct<id:int,s:string>", spark.table("by_name").schema().simpleString());
    AnalysisException missing = assertThrows(AnalysisException.class,
        () -> rows(1).select("id").write().mode("append").saveAsTable("by_name"));
    assertTrue(missing.getMessage().contains("CANNOT_FIND_DATA"), missing.getMessage());
  }

  @Test
  void insertIntoKeepsTheTablesFormatAndPartitioning() {
    rows(4).withColumn("p", col("id").mod(2)).write().format("csv").partitionBy("p").saveAsTable("parted");
    rows(2).withColumn("p", col("id").mod(2)).write().mode("overwrite").insertInto("parted");
    DataFrame t = spark.table("parted");
    assertEquals(2, t.count());
    assertTrue(Files.exists(dir.resolve("warehouse/parted/p=1")));
    try (var files = Files.walk(dir.resolve("warehouse/parted"))) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".csv")), "still CSV");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCacheOverFilesIsRefreshedWhenTheyAreOverwritten() {
    String path = dir.resolve("refreshed").toString();
    rows(2).write().parquet(path);
    DataFrame r = spark.read().parquet(path);
    r.cache();
    assertEquals(2, r.count());
    rows(3).write().mode("overwrite").parquet(path);
    assertEquals(3, r.count());
    r.unpersist();
  }

  @Test
  void partitionByNamesResolveCaseInsensitively() {
    String path = dir.resolve("cased").toString();
    rows(3).write().partitionBy("ID").parquet(path);
    assertTrue(Files.exists(Path.of(path, "id=1")));
  }

  @Test
  void dynamicPartitionOverwriteIsRefusedRatherThanDeletingPartitions() {
    String path = dir.resolve("dynamic").toString();
    rows(3).write().partitionBy("id").parquet(path);
    AnalysisException e = assertThrows(AnalysisException.class, () -> rows(1).write().mode("overwrite")
        .option("partitionOverwriteMode", "dynamic").partitionBy("id").parquet(path));
    assertTrue(e.getMessage().contains("DYNAMIC_PARTITION_OVERWRITE"), e.getMessage());
    assertEquals(3, spark.read().parquet(path).count(), "nothing was deleted");
  }
}
