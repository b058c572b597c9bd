package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.max;
import static dev.quiver.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DataFrame used in two branches of one query: with exchange reuse its shuffle (or broadcast) is computed
 * once and read by both, and the answer is the one computed twice without reuse.
 */
class ExchangeReuseEndToEndTest {
  static Session spark;

  @BeforeAll
  static void start() {
    begin("local[2]");
  }

  static void begin(String master) {
    spark = Session.builder().master(master).appName("exchange-reuse").getOrCreate();
    spark.conf().set("spark.sql.shuffle.partitions", "4");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Sums of v per k over 200,000 rows, with some null keys, so the aggregate has a shuffle below it. */
  private static DataFrame totals() {
    return rows().groupBy("k").agg(sum("v").as("s"), count("*").as("c"));
  }

  private static DataFrame rows() {
    return spark.range(0, 200_000)
        .withColumn("k", functions.when(col("id").mod(997).equalTo(0), functions.lit(null)).otherwise(col("id").mod(1000)))
        .withColumn("v", col("id").mod(7));
  }

  private static List<String> sorted(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
  }

  private static String explain(DataFrame df) {
    return spark.backend().explain(df.plan(), false);
  }

  /** The query's rows and plan with reuse on, checked against its rows with reuse off. */
  private static List<String> sameWithAndWithoutReuse(Supplier<DataFrame> query, String broadcastThreshold) {
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", broadcastThreshold);
    try {
      spark.conf().set("spark.sql.exchange.reuse", "false");
      DataFrame off = query.get();
      assertFalse(explain(off).contains("ReusedExchange"), explain(off));
      List<String> expected = sorted(off);
      spark.conf().set("spark.sql.exchange.reuse", "true");
      DataFrame on = query.get();
      assertTrue(explain(on).contains("ReusedExchange"), explain(on));
      List<String> actual = sorted(on);
      assertEquals(expected, actual);
      return actual;
    } finally {
      spark.conf().unset("spark.sql.autoBroadcastJoinThreshold");
      spark.conf().unset("spark.sql.exchange.reuse");
    }
  }

  @Test
  void aSelfJoinOfAnAggregate() {
    List<String> rows = sameWithAndWithoutReuse(() -> {
      DataFrame t = totals();
      return t.alias("a").join(t.alias("b"), col("a.k").equalTo(col("b.k")))
          .select(col("a.k"), col("a.s"), col("b.c"));
    }, "-1");
    assertEquals(1000, rows.size());
  }

  @Test
  void aUnionOfTwoBranchesOfOneAggregate() {
    List<String> rows = sameWithAndWithoutReuse(() -> {
      DataFrame t = totals();
      // Both branches use every column: a branch that needs fewer computes a narrower exchange, not this one.
      return t.filter(col("s").gt(600)).select(col("k"), col("s"), col("c")).union(
          t.filter(col("s").leq(600)).select(col("k"), col("c"), col("s").multiply(-1)));
    }, "-1");
    assertEquals(1001, rows.size());
  }

  @Test
  void aScalarOfAnAggregateCrossJoinedWithItsRows() {
    // TPC-H Q15's shape: the groups whose total is the largest total.
    for (String threshold : List.of("-1", "10485760")) {
      List<String> rows = sameWithAndWithoutReuse(() -> {
        DataFrame t = rows().groupBy("k").agg(sum("v").as("s"));
        return t.crossJoin(t.agg(max("s").as("top"))).filter(col("s").equalTo(col("top")));
      }, threshold);
      assertFalse(rows.isEmpty());
    }
  }

  @Test
  void aBroadcastJoinedTwice() {
    List<String> rows = sameWithAndWithoutReuse(() -> {
      DataFrame names = spark.range(0, 1000).withColumn("name", functions.concat(functions.lit("n"),
          col("id").cast("string")));
      DataFrame facts = spark.range(0, 50_000).withColumn("a", col("id").mod(1000)).withColumn("b",
          col("id").mod(999));
      DataFrame n1 = names.alias("n1");
      DataFrame n2 = names.alias("n2");
      return facts.join(n1, facts.col("a").equalTo(col("n1.id"))).join(n2, facts.col("b").equalTo(col("n2.id")))
          .groupBy(col("n1.name")).agg(count("*").as("c"), max(col("n2.name")).as("t"));
    }, "10485760");
    assertEquals(1000, rows.size());
  }
}
