package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime filters (semi-join reduction) on real Parquet files: a query gives the same rows with them and
 * without, and the plan shows the fact table's scan filtered by the small filtered side's keys below the
 * aggregates and joins in between. The tables are shaped so the rule applies: a fact table many times the
 * size of a dimension table, whose filter keeps few keys; null keys and keys without a match on both sides.
 */
class RuntimeFilterTest {
  static Session spark;
  @TempDir
  static Path dir;
  static DataFrame fact;
  static DataFrame dim;
  static DataFrame link;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("runtime-filter").getOrCreate();
    List<Row> facts = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      facts.add(RowFactory.create(i % 997 == 5 ? null : (long) (i * 7 % 12_000), (long) (i % 13),
          i % 101 == 0 ? null : (double) (i % 100), "pad-" + (i % 5000)));
    }
    List<Row> dims = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      dims.add(RowFactory.create(i % 499 == 1 ? null : (long) i, (i % 97 == 0 ? "forest " : "plain ") + i));
    }
    List<Row> links = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      links.add(RowFactory.create((long) (i % 11_000), (long) (i % 13), (double) (i % 400)));
    }
    fact = write("fact", facts, "k BIGINT, s BIGINT, v DOUBLE, pad STRING");
    dim = write("dim", dims, "id BIGINT, name STRING");
    link = write("link", links, "lk BIGINT, ls BIGINT, avail DOUBLE");
  }

  private static DataFrame write(String name, List<Row> rows, String schema) {
    return ParquetFixtures.write(spark, dir, name, rows, schema);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @AfterEach
  void defaults() {
    spark.conf().unset("spark.sql.optimizer.runtimeFilter.semiJoinReduction.enabled");
  }

  private static DataFrame forestKeys() {
    return dim.filter(col("name").startsWith("forest")).select("id");
  }

  /** The rows with runtime filters on and off, which must be equal, and the plan with them on. */
  private static String check(Supplier<DataFrame> query) {
    spark.conf().set("spark.sql.optimizer.runtimeFilter.semiJoinReduction.enabled", "false");
    List<String> without = sorted(query.get());
    spark.conf().set("spark.sql.optimizer.runtimeFilter.semiJoinReduction.enabled", "true");
    List<String> with = sorted(query.get());
    assertEquals(without, with);
    assertFalse(with.isEmpty(), "the query should keep some rows");
    return EndToEndTest.capture(query.get()::explain);
  }

  private static List<String> sorted(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
  }

  /** Whether the physical plan has a semi join of the fact scan's key against the dimension's. */
  private static boolean factScanFiltered(String plan) {
    return plan.matches("(?s).*BroadcastHashJoin \\[k#\\d+L], \\[id#\\d+L], LeftSemi.*");
  }

  @Test
  void aggregateOfTheFactTableJoinedWithFilteredKeys() {
    String plan = check(() -> fact.groupBy(col("k").as("key")).agg(sum("v").as("total"))
        .join(forestKeys(), col("key").equalTo(col("id"))));
    assertTrue(factScanFiltered(plan), plan);
  }

  @Test
  void keysThatReachTheFilterThroughAnotherJoin() {
    // TPC-H Q20's shape: the link table is limited to the forest keys by a semi join, and joined with the
    // fact table's aggregate on two keys; only the first key has a filtered source.
    String plan = check(() -> {
      DataFrame shipped = fact.groupBy(col("k").as("agg_k"), col("s").as("agg_s")).agg(sum("v").as("qty"));
      return link.join(forestKeys(), col("lk").equalTo(col("id")), "left_semi")
          .join(shipped, col("lk").equalTo(col("agg_k")).and(col("ls").equalTo(col("agg_s"))))
          .filter(col("avail").gt(col("qty").multiply(0.01)));
    });
    assertTrue(factScanFiltered(plan), plan);
  }

  @Test
  void throughAnOuterJoinWhoseNullExtendedRowsTheTopJoinDrops() {
    // The fact rows are the outer join's optional side: link rows that lose their only match come out with a
    // null k, which the inner join above drops, so filtering the fact rows early changes nothing.
    String plan = check(() -> link.join(fact, col("lk").equalTo(col("k")), "left")
        .groupBy("k").agg(sum("avail").as("a"), sum("v").as("b"))
        .join(forestKeys(), col("k").equalTo(col("id"))));
    assertTrue(factScanFiltered(plan), plan);
  }

  @Test
  void notWhereTheJoinKeepsUnmatchedRows() {
    String plan = check(() -> fact.groupBy(col("k").as("key")).agg(sum("v").as("total"))
        .join(forestKeys(), col("key").equalTo(col("id")), "left"));
    assertFalse(factScanFiltered(plan), plan);
  }

  @Test
  void offWhenTheSettingSaysSo() {
    spark.conf().set("spark.sql.optimizer.runtimeFilter.semiJoinReduction.enabled", "false");
    DataFrame q = fact.groupBy(col("k").as("key")).agg(sum("v").as("total"))
        .join(forestKeys(), col("key").equalTo(col("id")));
    assertFalse(factScanFiltered(EndToEndTest.capture(q::explain)));
  }
}
