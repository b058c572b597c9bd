package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.lit;
import static dev.quiver.sql.functions.monotonically_increasing_id;
import static dev.quiver.sql.functions.rand;
import static dev.quiver.sql.functions.randn;
import static dev.quiver.sql.functions.sum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcast joins whose build keys filter the Parquet scan of their other side while the task runs: every join
 * type gives the same rows with the filters as without, for bigint, int and date keys, null keys, keys renamed
 * on the way, chains of joins, and sides that must keep their unmatched rows (outer and anti joins).
 */
class ScanKeyFilterEndToEndTest {
  static Session spark;
  @TempDir
  static Path dir;
  static DataFrame facts;
  static DataFrame dims;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("scan-key-filters").getOrCreate();
    List<Row> f = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      f.add(RowFactory.create(i % 97 == 5 ? null : (long) (i % 20_000), i % 31 == 2 ? null : i % 1_000,
          java.sql.Date.valueOf(java.time.LocalDate.of(2020, 1, 1).plusDays(i % 700)), (double) (i % 13)));
    }
    List<Row> d = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      d.add(RowFactory.create(i == 7 ? null : (long) (i * 7), i % 400, java.sql.Date.valueOf(
          java.time.LocalDate.of(2020, 1, 1).plusDays(i % 50 * 3)), i % 4 == 0 ? "A" : "B"));
    }
    String factsPath = dir.resolve("facts").toString();
    spark.createDataFrame(f, "fk BIGINT, fi INT, fday DATE, amount DOUBLE").repartition(2).write()
        .option("parquet.block.size", 128 * 1024).parquet(factsPath);
    String dimsPath = dir.resolve("dims").toString();
    spark.createDataFrame(d, "dk BIGINT, di INT, dday DATE, kind STRING").write().parquet(dimsPath);
    facts = spark.read().parquet(factsPath);
    dims = spark.read().parquet(dimsPath);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void same(Supplier<DataFrame> query) {
    SettingEffects.sameRowsWithAndWithout(spark, "quiver.sql.scanKeyFilters.enabled", query);
  }

  private static DataFrame fewDims() {
    return dims.filter(col("kind").equalTo("A"));
  }

  @Test
  void innerAndSemiJoinsOnBigintIntAndDateKeys() {
    same(() -> facts.join(fewDims(), col("fk").equalTo(col("dk"))));
    same(() -> facts.join(fewDims(), col("fi").equalTo(col("di"))).groupBy("kind").agg(sum("amount"), count(lit(1))));
    same(() -> facts.join(fewDims(), col("fday").equalTo(col("dday"))).groupBy("fday").agg(count(lit(1))));
    same(() -> facts.join(fewDims(), col("fk").equalTo(col("dk")), "left_semi"));
    same(() -> fewDims().join(facts, col("fk").equalTo(col("dk"))));
  }

  @Test
  void outerAndAntiJoinsKeepTheirUnmatchedRows() {
    same(() -> facts.join(fewDims(), col("fk").equalTo(col("dk")), "left"));
    same(() -> fewDims().join(facts, col("fk").equalTo(col("dk")), "right"));
    same(() -> facts.join(fewDims(), col("fk").equalTo(col("dk")), "left_anti"));
    same(() -> facts.join(fewDims(), col("fk").equalTo(col("dk")), "full"));
  }

  @Test
  void renamedKeysChainsAndExtraConditions() {
    same(() -> facts.select(col("fk").as("key"), col("fi"), col("amount")).filter(col("amount").gt(3))
        .join(fewDims(), col("key").equalTo(col("dk"))));
    same(() -> facts.join(fewDims(), col("fk").equalTo(col("dk")))
        .join(dims.filter(col("di").lt(50)).select(col("di").as("di2")), col("fi").equalTo(col("di2"))));
    same(() -> facts.join(fewDims(), col("fk").equalTo(col("dk")).and(col("amount").lt(col("di")))));
    // A computed key reads no column unchanged; the scan is left alone.
    same(() -> facts.join(fewDims(), col("fk").plus(1).equalTo(col("dk"))));
  }

  @Test
  void nondeterministicExpressionsAboveTheScanSeeEveryRow() {
    // Ids and random draws depend on the rows before them in the partition: filtering the scan first would
    // change them for the rows that remain.
    same(() -> facts.withColumn("rid", monotonically_increasing_id()).join(fewDims(), col("fk").equalTo(col("dk")))
        .select("rid", "fk", "kind"));
    same(() -> facts.filter(rand(7).lt(0.5)).join(fewDims(), col("fk").equalTo(col("dk"))));
    same(() -> facts.select(col("fk"), randn(3).as("noise")).join(fewDims(), col("fk").equalTo(col("dk"))));
  }
}
