package dev.quiver.sql;

import static dev.quiver.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark's collection, statistical, boolean and by-ordering aggregates and the offset/distribution window
 * functions end to end through SQL text and expr(): names, types, nulls and values as Spark 4.0 gives them.
 */
class AggregateAndWindowFunctionsTest {
  private static Session spark;
  private static DataFrame t;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("aggs").getOrCreate();
    spark.conf().set("spark.sql.shuffle.partitions", "3");
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("g", DataTypes.StringType)
        .add("x", DataTypes.IntegerType).add("y", DataTypes.DoubleType).add("b", DataTypes.BooleanType);
    t = spark.createDataFrame(List.of(
        RowFactory.create(1, "a", 10, 1.0, true),
        RowFactory.create(2, "a", 20, 2.0, false),
        RowFactory.create(3, "a", null, 3.0, null),
        RowFactory.create(4, "b", 10, 4.0, true),
        RowFactory.create(5, "b", 10, null, true),
        RowFactory.create(6, "c", null, null, null)), schema).repartition(2);
    t.createOrReplaceTempView("t");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<String> rows(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).collect(Collectors.toList());
  }

  @Test
  void collectionsSkipNullsAndNameAsSpark() {
    DataFrame df = spark.sql("SELECT g, collect_list(x), collect_set(x), array_agg(x), approx_count_distinct(x), "
        + "count_if(b) FROM (SELECT * FROM t ORDER BY id) GROUP BY g ORDER BY g");
    assertEquals(Arrays.asList("g", "collect_list(x)", "collect_set(x)", "array_agg(x)",
        "approx_count_distinct(x)", "count_if(b)"), Arrays.asList(df.columns()));
    assertEquals("array<int>", df.schema().fields()[1].dataType().simpleString());
    assertEquals(false, df.schema().fields()[1].nullable());
    assertEquals(false, df.schema().fields()[4].nullable());
    List<String> out = rows(df);
    assertEquals(3, out.size());
    assertEquals("[c,ArraySeq(),ArraySeq(),ArraySeq(),0,0]", out.get(2));
    assertEquals("[b,ArraySeq(10, 10),ArraySeq(10),ArraySeq(10, 10),1,2]", out.get(1));
    assertTrue(out.get(0).startsWith("[a,"), out.get(0));
  }

  @Test
  void statisticsMatchSpark() {
    DataFrame df = spark.sql("SELECT stddev_pop(y), var_pop(y), corr(x, y), covar_samp(x, y), covar_pop(x, y), "
        + "corr(id, id), covar_samp(id, y) FROM t WHERE g = 'a'");
    assertEquals(Arrays.asList("stddev_pop(y)", "var_pop(y)", "corr(x, y)", "covar_samp(x, y)", "covar_pop(x, y)",
        "corr(id, id)", "covar_samp(id, y)"), Arrays.asList(df.columns()));
    Row r = df.first();
    assertEquals(Math.sqrt(2.0 / 3), r.getDouble(0), 1e-15);
    assertEquals(2.0 / 3, r.getDouble(1), 1e-15);
    assertEquals(1.0, r.getDouble(2), 1e-15);
    assertEquals(5.0, r.getDouble(3), 1e-15);
    assertEquals(2.5, r.getDouble(4), 1e-15);
    assertEquals(1.0, r.getDouble(5), 1e-15);
    assertEquals(1.0, r.getDouble(6), 1e-15);
    // One pair: covar_samp and corr are null, covar_pop is 0; no pair at all: all null.
    assertEquals("[null,0.0,null]", rows(spark.sql("SELECT corr(x, y), covar_pop(x, y), covar_samp(x, y) FROM t "
        + "WHERE id = 1")).get(0));
    assertEquals("[null,null,null,null]", rows(spark.sql("SELECT corr(x, y), covar_pop(x, y), stddev_pop(x), "
        + "var_pop(y) FROM t WHERE g = 'c'")).get(0));
  }

  @Test
  void booleansAnyValueAndByOrdering() {
    DataFrame df = spark.sql("SELECT g, bool_and(b), every(b), bool_or(b), some(b), any_value(x), "
        + "max_by(x, y), min_by(x, y), max_by(g, id), min_by(id, y) FROM t GROUP BY g ORDER BY g");
    assertEquals(Arrays.asList("g", "bool_and(b)", "every(b)", "bool_or(b)", "some(b)", "any_value(x)",
        "max_by(x, y)", "min_by(x, y)", "max_by(g, id)", "min_by(id, y)"), Arrays.asList(df.columns()));
    List<String> out = rows(df);
    assertEquals("[c,null,null,null,null,null,null,null,c,null]", out.get(2));
    assertEquals("[b,true,true,true,true,10,10,10,b,4]", out.get(1));
    assertTrue(out.get(0).startsWith("[a,false,false,true,true,"), out.get(0));
    assertTrue(out.get(0).endsWith(",null,10,a,1]"), out.get(0));
  }

  @Test
  void windowOffsetsAndDistribution() {
    DataFrame df = t.select(expr("id"), expr("lag(x, 1) OVER (ORDER BY id)"), expr("lead(x) OVER (ORDER BY id)"),
        expr("lag(x, 2, -1) OVER (PARTITION BY g ORDER BY id)"), expr("cume_dist() OVER (ORDER BY x)"),
        expr("nth_value(id, 2) OVER (PARTITION BY g ORDER BY id)"),
        expr("first_value(x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)"),
        expr("collect_list(x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)")).orderBy("id");
    List<String> out = rows(df);
    assertEquals(Arrays.asList(
        "[1,null,20,-1,0.8333333333333334,null,10,ArraySeq(10)]",
        "[2,10,null,-1,1.0,2,10,ArraySeq(10, 20)]",
        "[3,20,10,10,0.3333333333333333,2,20,ArraySeq(20)]",
        "[4,null,10,-1,0.8333333333333334,null,null,ArraySeq(10)]",
        "[5,10,null,-1,0.8333333333333334,5,10,ArraySeq(10, 10)]",
        "[6,10,null,-1,0.3333333333333333,null,10,ArraySeq(10)]"), out);
  }
}
