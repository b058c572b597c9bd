package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shuffled joins whose one side's keys filter the rows the other side shuffles: every join type gives the
 * same rows with the filters as without, including null keys, keys only one side has, duplicates, extra
 * conditions, and a side read by two joins (which must not be filtered for either).
 */
class JoinKeyFilterEndToEndTest {
  static Session spark;
  static DataFrame orders;
  static DataFrame lines;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("join-key-filters").getOrCreate();
    // Shuffled joins everywhere, as between two big tables.
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
    List<Row> o = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      o.add(RowFactory.create(i % 211 == 3 ? null : (long) i, i % 5 == 0 ? "F" : "O", (double) (i % 17)));
    }
    List<Row> l = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      l.add(RowFactory.create(i % 307 == 1 ? null : (long) (i * 13 % 9_000), (long) (i % 7), (double) (i % 50)));
    }
    orders = spark.createDataFrame(o, "okey BIGINT, status STRING, price DOUBLE");
    lines = spark.createDataFrame(l, "lkey BIGINT, supp BIGINT, qty DOUBLE");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void same(Supplier<DataFrame> query) {
    SettingEffects.sameRowsWithAndWithout(spark, "quiver.sql.joinKeyFilters.enabled", query);
  }

  private static DataFrame finished() {
    return orders.filter(col("status").equalTo("F"));
  }

  @Test
  void innerSemiAndAntiJoins() {
    same(() -> finished().join(lines, col("okey").equalTo(col("lkey"))));
    same(() -> finished().join(lines, col("okey").equalTo(col("lkey")), "left_semi"));
    same(() -> finished().join(lines, col("okey").equalTo(col("lkey")), "left_anti"));
    same(() -> lines.filter(col("qty").lt(3)).join(orders, col("okey").equalTo(col("lkey")), "left_semi"));
  }

  @Test
  void outerJoinsKeepTheirPreservedSide() {
    same(() -> finished().join(lines, col("okey").equalTo(col("lkey")), "left"));
    same(() -> lines.join(finished(), col("okey").equalTo(col("lkey")), "right"));
    same(() -> finished().join(lines, col("okey").equalTo(col("lkey")), "full"));
    // The side that filters its rows is the optional one: it may still only filter, never be filtered.
    DataFrame fewLines = lines.filter(col("qty").lt(3));
    same(() -> orders.join(fewLines, col("okey").equalTo(col("lkey")), "left"));
    same(() -> orders.join(fewLines, col("okey").equalTo(col("lkey")), "left_anti"));
    same(() -> fewLines.join(orders, col("okey").equalTo(col("lkey")), "right"));
  }

  @Test
  void extraConditionsAndAggregatesAbove() {
    // TPC-H Q21's shape: a semi and an anti join on the key with a condition between other columns.
    same(() -> lines.filter(col("qty").gt(40)).as("l1")
        .join(lines.select(col("lkey").as("k2"), col("supp").as("s2")),
            col("k2").equalTo(col("lkey")).and(col("s2").notEqual(col("supp"))), "left_semi")
        .join(lines.filter(col("qty").gt(45)).select(col("lkey").as("k3"), col("supp").as("s3")),
            col("k3").equalTo(col("lkey")).and(col("s3").notEqual(col("supp"))), "left_anti")
        .groupBy("supp").count());
    // TPC-H Q18's shape: the few keys of a grouped filter pick the rows of the big side.
    same(() -> {
      DataFrame big = lines.groupBy(col("lkey").as("bkey")).agg(sum("qty").as("total"))
          .filter(col("total").gt(200));
      return finished().join(big, col("okey").equalTo(col("bkey")), "left_semi")
          .join(lines, col("okey").equalTo(col("lkey")))
          .groupBy("okey").agg(sum("qty"));
    });
  }

  @Test
  void aSideReadByTwoJoinsIsNotFilteredForEither() {
    same(() -> {
      DataFrame perKey = lines.groupBy("lkey").agg(sum("qty").as("q"));
      DataFrame a = finished().join(perKey, col("okey").equalTo(col("lkey")));
      DataFrame b = orders.filter(col("status").equalTo("O")).join(perKey, col("okey").equalTo(col("lkey")));
      return a.union(b);
    });
  }
}
