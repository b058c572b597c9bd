package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.dense_rank;
import static dev.quiver.sql.functions.row_number;
import static dev.quiver.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.expressions.Window;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Joins of every type and window functions through the public API, on data that has duplicates and nulls. */
class JoinsAndWindowsTest {
  static Session spark;
  private static DataFrame left;
  private static DataFrame right;

  @BeforeAll
  static void start() {
    begin("local[2]");
  }

  static void begin(String master) {
    spark = Session.builder().master(master).appName("joins").getOrCreate();
    StructType l = new StructType().add("k", DataTypes.IntegerType).add("a", DataTypes.StringType);
    StructType r = new StructType().add("k", DataTypes.IntegerType).add("b", DataTypes.StringType);
    left = spark.createDataFrame(List.of(RowFactory.create(1, "x"), RowFactory.create(2, "y"),
        RowFactory.create(2, "y2"), RowFactory.create(null, "n"), RowFactory.create(4, "z")), l);
    right = spark.createDataFrame(List.of(RowFactory.create(2, "p"), RowFactory.create(2, "q"),
        RowFactory.create(3, "r"), RowFactory.create(null, "m")), r);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<String> sorted(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
  }

  @Test
  void everyJoinType() {
    assertEquals(List.of("[2,y,p]", "[2,y,q]", "[2,y2,p]", "[2,y2,q]"), sorted(left.join(right, "k")));
    assertEquals(List.of("[1,x,null]", "[2,y,p]", "[2,y,q]", "[2,y2,p]", "[2,y2,q]", "[4,z,null]", "[null,n,null]"),
        sorted(left.join(right, new String[] {"k"}, "left")));
    assertEquals(List.of("[2,y,p]", "[2,y,q]", "[2,y2,p]", "[2,y2,q]", "[3,null,r]", "[null,null,m]"),
        sorted(left.join(right, new String[] {"k"}, "right")));
    assertEquals(9, left.join(right, new String[] {"k"}, "full").count());
    assertEquals(List.of("[2,y2]", "[2,y]"), sorted(left.join(right, new String[] {"k"}, "left_semi")));
    assertEquals(List.of("[1,x]", "[4,z]", "[null,n]"), sorted(left.join(right, new String[] {"k"}, "left_anti")));
    assertEquals(20, left.crossJoin(right).count());
  }

  @Test
  void conditionJoinsWithExtraPredicatesAndSelfJoins() {
    DataFrame j = left.join(right, left.col("k").equalTo(right.col("k")).and(right.col("b").notEqual("q")));
    assertEquals(List.of("[2,y,2,p]", "[2,y2,2,p]"), sorted(j));
    DataFrame nonEqui = left.join(right, left.col("k").lt(right.col("k")), "inner");
    assertEquals(List.of("[1,x,2,p]", "[1,x,2,q]", "[1,x,3,r]", "[2,y,3,r]", "[2,y2,3,r]"), sorted(nonEqui));
    DataFrame a = left.alias("a");
    DataFrame b = left.alias("b");
    // keys 1, 2, 2, null, 4 on both sides: 1 + 2 x 2 + 1 matches; null never matches
    assertEquals(6, a.join(b, col("a.k").equalTo(col("b.k"))).count());
    AnalysisException e = assertThrows(AnalysisException.class, () -> left.join(right, "k").select("nope"));
    assertTrue(e.getMessage().contains("UNRESOLVED_COLUMN"), e.getMessage());
  }

  @Test
  void shuffledJoinsGiveTheSameAnswerAsBroadcastJoins() {
    DataFrame big = spark.range(0, 20000).withColumn("k", col("id").mod(1000));
    DataFrame small = spark.range(0, 1000).withColumnRenamed("id", "k").withColumn("v", col("k").multiply(2));
    long broadcast = big.join(small, "k").agg(sum("v")).first().getLong(0);
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
    spark.conf().set("spark.sql.shuffle.partitions", "3");
    try {
      DataFrame shuffled = big.join(small, "k");
      String plan = EndToEndTest.capture(shuffled::explain);
      assertTrue(plan.contains("ShuffledHashJoin"), plan);
      assertEquals(broadcast, shuffled.agg(sum("v")).first().getLong(0));
      assertEquals(20000, big.join(small, new String[] {"k"}, "full").count());
    } finally {
      spark.conf().unset("spark.sql.autoBroadcastJoinThreshold");
      spark.conf().unset("spark.sql.shuffle.partitions");
    }
  }

  @Test
  void nullSafeJoinsMatchNullsAndRunAsHashJoins() {
    DataFrame j = left.join(right, left.col("k").eqNullSafe(right.col("k")));
    assertEquals(List.of("[2,y,2,p]", "[2,y,2,q]", "[2,y2,2,p]", "[2,y2,2,q]", "[null,n,null,m]"), sorted(j));
    String plan = EndToEndTest.capture(j::explain);
    assertTrue(plan.contains("HashJoin"), plan);
  }

  @Test
  void intersectAndExceptCompareWholeRowsWithNullsEqual() {
    DataFrame a = left.select("k");
    DataFrame b = right.select("k");
    assertEquals(List.of("[2]", "[null]"), sorted(a.intersect(b)));
    assertEquals(List.of("[1]", "[4]"), sorted(a.except(b)));
    assertThrows(AnalysisException.class, () -> left.intersect(right.select("k")));
  }

  @Test
  void windowFunctions() {
    DataFrame df = spark.range(0, 10).withColumn("g", col("id").mod(3));
    DataFrame w = df.select(col("g"), col("id"),
        row_number().over(Window.partitionBy("g").orderBy(col("id").desc())).as("rn"),
        sum("id").over(Window.partitionBy("g").orderBy("id")).as("running"),
        dense_rank().over(Window.orderBy("g")).as("dr"))
        .orderBy("g", "id");
    List<String> rows = w.collectAsList().stream().map(Row::toString).collect(Collectors.toList());
    assertEquals(List.of("[0,0,4,0,1]", "[0,3,3,3,1]", "[0,6,2,9,1]", "[0,9,1,18,1]", "[1,1,3,1,2]",
        "[1,4,2,5,2]", "[1,7,1,12,2]", "[2,2,3,2,3]", "[2,5,2,7,3]", "[2,8,1,15,3]"), rows);
  }
}
