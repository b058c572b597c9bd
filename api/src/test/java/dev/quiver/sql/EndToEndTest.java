package dev.quiver.sql;

import static dev.quiver.sql.functions.avg;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.lit;
import static dev.quiver.sql.functions.sum;
import static dev.quiver.sql.functions.upper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API end to end on real files, in local[2] ({@link RemoteEndToEndTest}: through quiver://). */
class EndToEndTest {
  static Session spark;
  @TempDir
  static Path dir;
  private static String people;

  @BeforeAll
  static void start() throws IOException {
    people = dir.resolve("people.csv").toString();
    Files.writeString(Path.of(people), String.join("\n",
        "name,age,dept,salary",
        "Alice,34,Eng,100.5",
        "Bob,45,Sales,80.0",
        "Carol,29,Eng,",
        "Dan,,Sales,70.0",
        "Eve,52,Ops,90.0") + "\n");
    begin("local[2]");
  }

  static void begin(String master) {
    spark = Session.builder().master(master).appName("e2e")
        .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString()).getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static DataFrame people() {
    return spark.read().option("header", "true").option("inferSchema", "true").csv(people);
  }

  private static List<String> rows(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).collect(Collectors.toList());
  }

  @Test
  void filterProjectAggregateOrder() {
    DataFrame df = people().filter(col("age").gt(30))
        .groupBy("dept").agg(count("*").as("n"), sum("salary").as("total"))
        .orderBy(col("dept"));
    assertEquals(List.of("[Eng,1,100.5]", "[Ops,1,90.0]", "[Sales,1,80.0]"), rows(df));
    assertEquals("struct<dept:string,n:bigint,total:double>", df.schema().simpleString());
  }

  @Test
  void actions() {
    DataFrame df = people();
    assertEquals(5, df.count());
    assertEquals("Alice", df.first().getString(0));
    assertEquals(2, df.take(2).length);
    assertEquals(5, df.collect().length);
    assertFalse(df.isEmpty());
    assertTrue(df.filter(lit(false)).isEmpty());
    Iterator<Row> it = df.toLocalIterator();
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    assertEquals(5, n);
    assertThrows(java.util.NoSuchElementException.class, () -> df.filter(lit(false)).first());
    assertEquals(34, (int) df.first().<Integer>getAs("age"));
  }

  @Test
  void orderByLimitIsTopN() {
    DataFrame df = people().orderBy(col("salary").desc()).limit(2).select("name");
    assertEquals(List.of("[Alice]", "[Eve]"), rows(df));
    String plan = capture(() -> people().orderBy(col("salary").desc()).limit(2).explain());
    assertTrue(plan.contains("TopN(limit=2"), plan);
  }

  @Test
  void unionDistinctAndDropDuplicates() {
    DataFrame a = people().select("dept");
    assertEquals(6, a.union(a).distinct().count() * 2);
    assertEquals(3, a.dropDuplicates().count());
    assertEquals(3, people().dropDuplicates("dept").count());
  }

  @Test
  void unknownColumnNamesTheNearestColumns() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> people().select("nmae"));
    assertTrue(e.getMessage().contains("`nmae`"), e.getMessage());
    assertTrue(e.getMessage().contains("`name`"), e.getMessage());
  }

  @Test
  void missingPathIsAnAnalysisError() {
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> spark.read().csv(dir.resolve("nope.csv").toString()));
    assertTrue(e.getMessage().contains("PATH_NOT_FOUND"), e.getMessage());
  }

  @Test
  void parquetRoundTripWithPartitions() {
    String out = dir.resolve("by_dept").toString();
    people().write().partitionBy("dept").parquet(out);
    assertTrue(Files.exists(Path.of(out, "dept=Eng")));
    assertTrue(Files.exists(Path.of(out, "_SUCCESS")));
    DataFrame back = spark.read().parquet(out);
    assertEquals("struct<name:string,age:int,salary:double,dept:string>", back.schema().simpleString());
    assertEquals(2, back.filter(col("dept").equalTo("Eng")).count());
  }

  @Test
  void saveModes() {
    String out = dir.resolve("modes").toString();
    people().write().parquet(out);
    assertThrows(AnalysisException.class, () -> people().write().parquet(out));
    people().write().mode("ignore").parquet(out);
    assertEquals(5, spark.read().parquet(out).count());
    people().write().mode("append").parquet(out);
    assertEquals(10, spark.read().parquet(out).count());
    people().limit(1).write().mode("overwrite").parquet(out);
    assertEquals(1, spark.read().parquet(out).count());
  }

  @Test
  void csvWriteWithHeaderReadsBack() {
    String out = dir.resolve("csv_out").toString();
    people().withColumn("dept", upper(col("dept"))).write().option("header", "true").csv(out);
    DataFrame back = spark.read().option("header", "true").option("inferSchema", "true").csv(out);
    assertEquals(5, back.count());
    assertEquals(3, back.filter(col("dept").isin("ENG", "OPS")).count());
  }

  @Test
  void savedTablesAreReadByName() {
    people().write().mode("overwrite").saveAsTable("people_t");
    assertEquals(5, spark.table("people_t").count());
    assertThrows(AnalysisException.class, () -> people().write().saveAsTable("people_t"));
    people().write().mode("append").saveAsTable("people_t");
    assertEquals(10, spark.table("default.people_t").count());
    assertThrows(AnalysisException.class, () -> spark.table("no_such_table"));
  }

  @Test
  void tempViewsAndSql() {
    people().createOrReplaceTempView("p");
    DataFrame df = spark.sql("SELECT dept, COUNT(*) AS n FROM p WHERE age > 30 GROUP BY dept ORDER BY dept");
    assertEquals(List.of("[Eng,1]", "[Ops,1]", "[Sales,1]"), rows(df));
  }

  @Test
  void cacheIsUsed() {
    DataFrame df = people().filter(col("age").isNotNull());
    df.cache();
    assertEquals(4, df.count());
    String plan = capture(() -> df.select(avg("age")).explain());
    assertTrue(plan.contains("InMemoryTableScan"), plan);
    assertEquals(4, df.count());
    df.unpersist();
  }

  @Test
  void createDataFrameChecksTypes() {
    StructType schema = new StructType().add("id", DataTypes.LongType).add("s", DataTypes.StringType);
    DataFrame df = spark.createDataFrame(List.of(RowFactory.create(1L, "a"), RowFactory.create(2L, null)), schema);
    assertEquals(List.of("[1,a]", "[2,null]"), rows(df));
    QuiverException e = assertThrows(QuiverException.class,
        () -> spark.createDataFrame(List.of(RowFactory.create(1, "a")), schema));
    assertTrue(e.getMessage().contains("java.lang.Long"), e.getMessage());
  }

  @Test
  void rangeRepartitionAndCoalesce() {
    DataFrame r = spark.range(0, 1000, 1, 4);
    assertEquals(499500L, r.agg(sum("id")).first().getLong(0));
    assertEquals(1000, r.repartition(3).count());
    assertEquals(1000, r.repartition(5, col("id")).coalesce(2).count());
  }

  @Test
  void explainShowsEveryPlanAndStageBoundaries() {
    String text = capture(() -> people().groupBy("dept").count().explain(true));
    for (String part : List.of("== Parsed Logical Plan ==", "== Analyzed Logical Plan ==",
        "== Optimized Logical Plan ==", "== Physical Plan ==", "stage boundary", "HashAggregate")) {
      assertTrue(text.contains(part), part + " in\n" + text);
    }
  }

  @Test
  void describeGivesSparksSummaryRows() {
    List<String> r = rows(people().describe("age"));
    assertEquals(List.of("[count,4]", "[mean,40.0]", "[stddev,10.424330514074594]", "[min,29]", "[max,52]"), r);
  }

  @Test
  void showPrintsSparksTable() {
    String out = capture(() -> people().select("name", "age").show(2));
    assertEquals(String.join("\n",
        "+-----+---+",
        "| name|age|",
        "+-----+---+",
        "|Alice| 34|",
        "|  Bob| 45|",
        "+-----+---+",
        "only showing top 2 rows",
        ""), out);
  }

  @Test
  void naDropAndFill() {
    assertEquals(3, people().na().drop().count());
    assertEquals(5, people().na().drop("all").count());
    assertEquals(4, people().na().drop(new String[] {"age"}).count());
    DataFrame filled = people().na().fill(0).na().fill("none");
    assertEquals(0, filled.filter(col("age").isNull().or(col("salary").isNull())).count());
    assertEquals("[Dan,0,Sales,70.0]", filled.filter(col("name").equalTo("Dan")).first().toString());
    assertEquals("[Carol,29,Eng,-1.0]", people().na().fill(java.util.Map.of("salary", -1.0))
        .filter(col("name").equalTo("Carol")).first().toString());
  }

  @Test
  void duckDbReadsQuiversParquet() throws Exception {
    String out = dir.resolve("for_duckdb").toString();
    people().write().parquet(out);
    try (var conn = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var st = conn.createStatement();
        var rs = st.executeQuery("SELECT count(*), sum(age), max(name) FROM read_parquet('" + out + "/*.parquet')")) {
      assertTrue(rs.next());
      assertEquals(5, rs.getLong(1));
      assertEquals(160, rs.getLong(2));
      assertEquals("Eve", rs.getString(3));
    }
  }

  @Test
  void quiverReadsDuckDbsParquet() throws Exception {
    Path file = dir.resolve("duck.parquet");
    try (var conn = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = conn.createStatement()) {
      st.execute("COPY (SELECT range AS id, 'v' || range AS s, DATE '2024-01-01' + range::INT AS d "
          + "FROM range(100)) TO '" + file + "' (FORMAT PARQUET)");
    }
    DataFrame df = spark.read().parquet(file.toString());
    assertEquals("struct<id:bigint,s:string,d:date>", df.schema().simpleString());
    assertEquals(100, df.count());
    assertEquals("v42", df.filter(col("id").equalTo(42)).first().getString(1));
  }

  static String capture(Runnable r) {
    PrintStream original = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(original);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
