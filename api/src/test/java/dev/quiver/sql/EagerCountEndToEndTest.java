package dev.quiver.sql;

import static dev.quiver.sql.functions.coalesce;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A count of the optional side of a left outer join, per left-side key (TPC-H Q13's shape), is counted per
 * join key before the join (optimizer rule CountBelowOuterJoin). On real Parquet files with duplicate and
 * null keys on both sides, left rows without a match and right rows whose counted column is null, the counts
 * must be what counting the joined rows gives, worked out here row by row.
 */
class EagerCountEndToEndTest {
  static Session spark;
  @TempDir
  static Path dir;
  static DataFrame customers;
  static DataFrame orders;
  static final List<Long> customerKeys = new ArrayList<>();
  static final List<Long[]> orderRows = new ArrayList<>();

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("eager-count").getOrCreate();
    List<Row> cs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // Keys 0-299, key 7 three times, and two customers without a key; 250-299 have no orders.
      Long key = i == 20 || i == 21 ? null : i == 8 || i == 9 ? 7L : (long) i;
      customerKeys.add(key);
      cs.add(RowFactory.create(key, "customer " + i));
    }
    List<Row> os = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      Long custkey = i % 331 == 0 ? null : (long) (i % 250);
      Long orderkey = i % 17 == 0 ? null : (long) i;
      orderRows.add(new Long[] {orderkey, custkey});
      os.add(RowFactory.create(orderkey, custkey, "order comment number " + i));
    }
    customers = write("customers", cs, "c_custkey BIGINT, c_name STRING");
    orders = write("orders", os, "o_orderkey BIGINT, o_custkey BIGINT, o_comment STRING");
  }

  private static DataFrame write(String name, List<Row> rows, String schema) {
    return ParquetFixtures.write(spark, dir, name, rows, schema);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static DataFrame ordersPerCustomer() {
    return customers.join(orders, col("c_custkey").equalTo(col("o_custkey")), "left_outer")
        .groupBy("c_custkey").agg(count("o_orderkey").as("c_count"));
  }

  /** Per customer key (null too): the non-null order keys of the joined rows, one joined row per match. */
  private static Map<Long, Long> expectedCounts() {
    Map<Long, Long> perKey = new HashMap<>();
    for (Long[] o : orderRows) {
      if (o[0] != null && o[1] != null) {
        perKey.merge(o[1], 1L, Long::sum);
      }
    }
    Map<Long, Long> expected = new HashMap<>();
    for (Long key : customerKeys) {
      long matches = key == null ? 0 : perKey.getOrDefault(key, 0L);
      expected.merge(key, matches, Long::sum);
    }
    return expected;
  }

  @Test
  void countsPerCustomerAreThoseOfTheJoinedRows() {
    DataFrame df = ordersPerCustomer();
    String plan = EndToEndTest.capture(df::explain);
    assertTrue(plan.matches("(?s).*HashAggregate\\(keys=\\[o_custkey#\\d+L], functions=\\[count\\(o_orderkey.*"),
        plan);
    Map<Long, Long> actual = new HashMap<>();
    for (Row r : df.collectAsList()) {
      actual.put(r.isNullAt(0) ? null : r.getLong(0), r.getLong(1));
    }
    assertEquals(expectedCounts(), actual);
    assertEquals("struct<c_custkey:bigint,c_count:bigint>", df.schema().simpleString());
    assertEquals(false, df.schema().apply("c_count").nullable());
  }

  @Test
  void aCountOfAnExpressionCountsTheNullExtendedRows() {
    // count(coalesce(o_orderkey, 0)) is not null on a customer's null-extended row: it counts it, so the rule
    // must leave it alone. Every joined row counts: each order of the key (even one without an order key),
    // or 1 for a customer without orders.
    Map<Long, Long> orders = new HashMap<>();
    for (Long[] o : orderRows) {
      if (o[1] != null) {
        orders.merge(o[1], 1L, Long::sum);
      }
    }
    Map<Long, Long> expected = new HashMap<>();
    for (Long key : customerKeys) {
      expected.merge(key, key == null ? 1L : orders.getOrDefault(key, 1L), Long::sum);
    }
    DataFrame df = customers.join(EagerCountEndToEndTest.orders, col("c_custkey").equalTo(col("o_custkey")),
        "left_outer").groupBy("c_custkey").agg(count(coalesce(col("o_orderkey"), lit(0L))).as("n"));
    Map<Long, Long> actual = new HashMap<>();
    for (Row r : df.collectAsList()) {
      actual.put(r.isNullAt(0) ? null : r.getLong(0), r.getLong(1));
    }
    assertEquals(expected, actual);
  }

  @Test
  void theDistributionOfCountsAsInTpchQ13() {
    Map<Long, Long> expected = new TreeMap<>();
    for (long n : expectedCounts().values()) {
      expected.merge(n, 1L, Long::sum);
    }
    Map<Long, Long> actual = new TreeMap<>();
    for (Row r : ordersPerCustomer().groupBy("c_count").agg(count("*").as("custdist")).collectAsList()) {
      actual.put(r.getLong(0), r.getLong(1));
    }
    assertEquals(expected, actual);
    assertTrue(actual.containsKey(0L), "customers without orders count 0");
  }
}
