package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.countDistinct;
import static dev.quiver.sql.functions.lit;
import static dev.quiver.sql.functions.sum;
import static dev.quiver.sql.functions.sum_distinct;
import static dev.quiver.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DISTINCT aggregates over an input of several partitions. Without group keys they are planned as Spark
 * plans them (rows made distinct on both sides of a shuffle on the distinct values, then counted as plain
 * aggregates and merged in one task), so no task sees every row; with group keys, each group is aggregated
 * in one task after a shuffle on the keys. Every answer is checked against plain Java over the same rows.
 */
class DistinctAggregateTest {
  private static final int ROWS = 20_000;
  private static Session spark;
  private static DataFrame t;

  /** a: id % 1000, null for every 7th row; b: id % 3; x: id / 2. */
  private static Long a(long id) {
    return id % 7 == 0 ? null : id % 1000;
  }

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("distinct-aggregates").getOrCreate();
    spark.conf().set("spark.sql.shuffle.partitions", "3");
    t = spark.range(0, ROWS, 1, 4).select(col("id"),
        when(col("id").mod(7).equalTo(0), lit(null)).otherwise(col("id").mod(1000)).as("a"),
        col("id").mod(3).as("b"), col("id").divide(2).as("x"));
    t.createOrReplaceTempView("t");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static String plan(DataFrame df) {
    return EndToEndTest.capture(df::explain);
  }

  @Test
  void aGlobalDistinctCountIsSpreadOverTheShufflesPartitions() {
    DataFrame df = t.agg(countDistinct(col("a")).as("values"), sum("x").as("total"), count("*").as("rows"));
    String plan = plan(df);
    assertTrue(plan.contains("HashAggregate(keys=[a#"), plan);
    assertTrue(plan.contains("functions=[partial_count(DISTINCT a#"), plan);
    assertTrue(plan.contains("merge_sum(x#"), plan);
    assertTrue(plan.matches("(?s).*Exchange hashpartitioning\\(a#\\d+L?, 3\\).*"), plan);
    assertFalse(plan.contains("mode=Complete"), plan);

    Set<Long> values = new HashSet<>();
    double total = 0;
    for (long id = 0; id < ROWS; id++) {
      if (a(id) != null) {
        values.add(a(id));
      }
      total += id / 2.0;
    }
    assertEquals(List.of(RowFactory.create((long) values.size(), total, (long) ROWS)), df.collectAsList());
  }

  @Test
  void distinctAggregatesSharingTheirArgumentsMatchPlainJava() {
    DataFrame df = spark.sql("SELECT count(DISTINCT a), sum(DISTINCT a), avg(DISTINCT a), max(a), count(a), "
        + "count(*), min(x) FROM t");
    assertFalse(plan(df).contains("mode=Complete"), plan(df));
    Set<Long> values = new HashSet<>();
    long count = 0;
    long max = Long.MIN_VALUE;
    for (long id = 0; id < ROWS; id++) {
      Long v = a(id);
      if (v != null) {
        values.add(v);
        count++;
        max = Math.max(max, v);
      }
    }
    long sum = values.stream().mapToLong(Long::longValue).sum();
    assertEquals(List.of(RowFactory.create((long) values.size(), sum, (double) sum / values.size(), max, count,
        (long) ROWS, 0.0)), df.collectAsList());
    assertEquals(List.of("count(DISTINCT a)", "sum(DISTINCT a)", "avg(DISTINCT a)", "max(a)", "count(a)",
        "count(1)", "min(x)"), List.of(df.columns()));
  }

  @Test
  void aDistinctCountOfSeveralColumnsSkipsRowsWithANullInAny() {
    DataFrame df = t.agg(countDistinct(col("a").mod(10), col("b")).as("pairs"), sum(col("b")).as("bs"));
    Set<List<Long>> pairs = new HashSet<>();
    long bs = 0;
    for (long id = 0; id < ROWS; id++) {
      if (a(id) != null) {
        pairs.add(List.of(a(id) % 10, id % 3));
      }
      bs += id % 3;
    }
    assertFalse(plan(df).contains("mode=Complete"), plan(df));
    assertEquals(List.of(RowFactory.create((long) pairs.size(), bs)), df.collectAsList());
  }

  @Test
  void anEmptyInputCountsZeroAndSumsNull() {
    DataFrame df = t.filter(col("id").lt(0)).agg(countDistinct(col("a")).as("n"), sum_distinct(col("a")).as("s"),
        count("*").as("rows"));
    assertFalse(plan(df).contains("mode=Complete"), plan(df));
    assertEquals(List.of(RowFactory.create(0L, null, 0L)), df.collectAsList());
  }

  @Test
  void distinctAggregatesOfDifferentArgumentsAreComputedInOneTask() {
    DataFrame df = t.agg(countDistinct(col("a")).as("as"), countDistinct(col("b")).as("bs"));
    assertTrue(plan(df).contains("mode=Complete"), plan(df));
    Set<Long> values = new HashSet<>();
    for (long id = 0; id < ROWS; id++) {
      if (a(id) != null) {
        values.add(a(id));
      }
    }
    assertEquals(List.of(RowFactory.create((long) values.size(), 3L)), df.collectAsList());
  }

  @Test
  void withGroupKeysEachGroupIsAggregatedAfterOneShuffleOnTheKeys() {
    DataFrame df = t.groupBy("b").agg(countDistinct(col("a")).as("values"), count("*").as("rows")).orderBy("b");
    String plan = plan(df);
    assertTrue(plan.contains("mode=Complete"), plan);
    assertTrue(plan.contains("Exchange hashpartitioning(b#"), plan);
    Map<Long, Set<Long>> values = new TreeMap<>();
    Map<Long, Long> rows = new HashMap<>();
    for (long id = 0; id < ROWS; id++) {
      Set<Long> group = values.computeIfAbsent(id % 3, k -> new HashSet<>());
      if (a(id) != null) {
        group.add(a(id));
      }
      rows.merge(id % 3, 1L, Long::sum);
    }
    List<Row> expected = new ArrayList<>();
    values.forEach((b, set) -> expected.add(RowFactory.create(b, (long) set.size(), rows.get(b))));
    assertEquals(expected, df.collectAsList());
  }

  /**
   * A null is a distinct value like any other, as Spark makes rows distinct by grouping on the arguments:
   * count skips it, but max_by may pick it. The answer is the same whichever plan runs: the four phases
   * (several partitions, no keys), or one COMPLETE aggregation (one partition, or group keys).
   */
  @Test
  void aNullIsADistinctValueWhicheverPlanRuns() {
    StructType schema = new StructType().add("g", DataTypes.StringType).add("x", DataTypes.IntegerType)
        .add("o", DataTypes.IntegerType);
    DataFrame rows = spark.createDataFrame(List.of(RowFactory.create("k", null, 10), RowFactory.create("k", 1, 5),
        RowFactory.create("k", 1, 5), RowFactory.create("k", 2, 7)), schema).repartition(2);
    rows.createOrReplaceTempView("n");
    String aggs = "max_by(DISTINCT x, o) AS top, count(DISTINCT x, o) AS pairs";
    DataFrame spread = spark.sql("SELECT " + aggs + " FROM n");
    assertFalse(plan(spread).contains("mode=Complete"), plan(spread));
    rows.coalesce(1).createOrReplaceTempView("n1");
    DataFrame single = spark.sql("SELECT " + aggs + " FROM n1");
    assertTrue(plan(single).contains("mode=Complete"), plan(single));
    DataFrame keyed = spark.sql("SELECT " + aggs + " FROM n GROUP BY g");
    assertTrue(plan(keyed).contains("mode=Complete"), plan(keyed));
    List<Row> expected = List.of(RowFactory.create(null, 2L));
    assertEquals(expected, spread.collectAsList());
    assertEquals(expected, single.collectAsList());
    assertEquals(expected, keyed.collectAsList());
  }

  @Test
  void theShowTableIsSparks() {
    DataFrame df = spark.sql("SELECT count(DISTINCT b) AS bs, count(DISTINCT b, b) AS same FROM t");
    assertEquals(List.of("+---+----+", "| bs|same|", "+---+----+", "|  3|   3|", "+---+----+"),
        df.showString(20, 20, false).lines().collect(Collectors.toList()));
  }
}
