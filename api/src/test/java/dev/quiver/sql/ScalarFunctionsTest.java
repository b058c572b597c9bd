package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark 4.0's hash, try_*, text, datetime, constructor and nondeterministic functions through the Java API and
 * SQL: generated column names, result types, values (those of Spark's function reference) and show().
 */
class ScalarFunctionsTest {
  private static Session spark;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("scalar-functions").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<String> rows(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).collect(Collectors.toList());
  }

  private static DataFrame strings(String... values) {
    StructType schema = new StructType().add("s", DataTypes.StringType);
    return spark.createDataFrame(Arrays.stream(values).map(v -> RowFactory.create(v)).toList(), schema);
  }

  private static DataFrame pairs(Integer[]... values) {
    StructType schema = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.IntegerType);
    return spark.createDataFrame(Arrays.stream(values).map(v -> RowFactory.create(v[0], v[1])).toList(), schema);
  }

  private static List<String> types(DataFrame df) {
    return Arrays.stream(df.schema().fields()).map(f -> f.dataType().simpleString()).toList();
  }

  @Test
  void hashesAndEncodingsAreNamedAndTypedAsSpark() {
    DataFrame df = strings("Spark", null).select(functions.md5(col("s")), functions.sha1(col("s")),
        functions.sha2(col("s"), 256), functions.crc32(col("s")), functions.hash(col("s")),
        functions.xxhash64(col("s")), functions.base64(col("s")), functions.hex(col("s")));
    assertEquals(List.of("md5(s)", "sha1(s)", "sha2(s, 256)", "crc32(s)", "hash(s)", "xxhash64(s)", "base64(s)",
        "hex(s)"), Arrays.asList(df.columns()));
    assertEquals(List.of("string", "string", "string", "bigint", "int", "bigint", "string", "string"), types(df));
    List<Row> out = df.collectAsList();
    Row spark4 = out.get(0);
    assertEquals("8cde774d6f7333752ed72cacddb05126", spark4.getString(0));
    assertEquals("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c", spark4.getString(1));
    assertEquals("529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b", spark4.getString(2));
    assertEquals(1557323817L, spark4.getLong(3));
    assertEquals("[null,null,null,null,42,42,null,null]", out.get(1).toString(), "hash of null is the seed");
    assertEquals(List.of("[-757602832,599895104]"), rows(spark.sql("SELECT hash('ABC'), hash('ABC', 'DEF')")));
    assertEquals(List.of("[-1321691492,5602566077635097486]"),
        rows(spark.sql("SELECT hash('Spark', array(123), 2), xxhash64('Spark', array(123), 2)")));
    DataFrame sha = spark.sql("SELECT sha('Spark')");
    assertEquals(List.of("sha(Spark)"), Arrays.asList(sha.columns()));
    assertEquals(List.of("[85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c]"), rows(sha));
    assertThrows(IllegalArgumentException.class, () -> functions.sha2(col("s"), 128));
  }

  @Test
  void tryArithmeticIsNullWhereTheOperatorRaises() {
    DataFrame df = pairs(new Integer[] {1982, 15}, new Integer[] {2147483647, 1}, new Integer[] {1234, 0})
        .select(functions.try_add(col("a"), col("b")), functions.try_subtract(col("a"), col("b")),
            functions.try_multiply(col("a"), col("b")), functions.try_divide(col("a"), col("b")),
            functions.try_mod(col("a"), col("b")));
    assertEquals(List.of("try_add(a, b)", "try_subtract(a, b)", "try_multiply(a, b)", "try_divide(a, b)",
        "try_mod(a, b)"), Arrays.asList(df.columns()));
    assertEquals(List.of("int", "int", "int", "double", "int"), types(df));
    assertEquals(List.of("[1997,1967,29730,132.13333333333333,2]", "[null,2147483646,2147483647,2.147483647E9,0]",
        "[1234,1234,0,null,null]"), rows(df));
    assertEquals(List.of("[2015-10-01,2021-01-01]"), rows(spark.sql("SELECT try_add(DATE'2015-09-30', 1), "
        + "try_subtract(DATE'2021-01-02', 1)")));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> pairs(new Integer[] {1234, 0}).select(col("a").mod(col("b"))).collectAsList());
    assertTrue(e.getMessage().contains("DIVIDE_BY_ZERO"), e.getMessage());
    e = assertThrows(RuntimeException.class,
        () -> pairs(new Integer[] {2147483647, 1}).select(col("a").plus(col("b"))).collectAsList());
    assertTrue(e.getMessage().contains("ARITHMETIC_OVERFLOW"), e.getMessage());
  }

  @Test
  void tryCastNamesAColumnAfterItAndTextAsSpark() {
    DataFrame df = strings("10", "abc", null).select(col("s").try_cast("int"), col("s").try_cast(DataTypes.DoubleType)
        .as("d"));
    assertEquals(List.of("s", "d"), Arrays.asList(df.columns()));
    assertEquals(List.of("int", "double"), types(df));
    assertEquals(List.of("[10,10.0]", "[null,null]", "[null,null]"), rows(df));
    DataFrame sql = spark.sql("SELECT try_cast('abc' AS INT), try_cast('2024-02-29' AS DATE)");
    assertEquals(List.of("TRY_CAST(abc AS INT)", "TRY_CAST(2024-02-29 AS DATE)"), Arrays.asList(sql.columns()));
    assertEquals(List.of("[null,2024-02-29]"), rows(sql));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> strings("abc").select(col("s").cast("int")).collectAsList());
    assertTrue(e.getMessage().contains("CAST_INVALID_INPUT"), e.getMessage());
  }

  @Test
  void textFunctionsNameTheirArguments() {
    DataFrame df = strings("SSparkSQLS").select(functions.trim(col("s"), "SL"), functions.ltrim(col("s"), "SL"),
        functions.rtrim(col("s"), "SL"), functions.substring_index(col("s"), "S", 2),
        functions.translate(col("s"), "S", "s"), functions.levenshtein(col("s"), lit("SparkSQL")),
        functions.left(col("s"), lit(3)));
    assertEquals(List.of("TRIM(BOTH SL FROM s)", "TRIM(LEADING SL FROM s)", "TRIM(TRAILING SL FROM s)",
        "substring_index(s, S, 2)", "translate(s, S, s)", "levenshtein(s, SparkSQL)", "left(s, 3)"),
        Arrays.asList(df.columns()));
    assertEquals(List.of("[parkSQ,parkSQLS,SSparkSQ,S,ssparksQLs,2,SSp]"), rows(df));
    DataFrame formatted = spark.range(1).select(functions.format_number(lit(12332.123456), 4),
        functions.format_string("Hello World %d %s", lit(100), lit("days")));
    assertEquals(List.of("format_number(12332.123456, 4)", "format_string(Hello World %d %s, 100, days)"),
        Arrays.asList(formatted.columns()));
    assertEquals(List.of("[12,332.1235,Hello World 100 days]"), rows(formatted));
    // SQL's two-argument form takes the characters first.
    assertEquals(List.of("[parkSQ,3,SparkSQL ]"), rows(spark.sql("SELECT trim(BOTH 'SL' FROM 'SSparkSQLS'), "
        + "levenshtein('kitten', 'sitting'), ltrim('abc', 'acbabSparkSQL ')")));
  }

  @Test
  void datetimeFunctionsUseTheSessionTimeZone() {
    String before = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    try {
      DataFrame df = spark.range(1).select(functions.unix_timestamp(lit("2016-04-08"), "yyyy-MM-dd"),
          functions.from_unixtime(lit(0L)), functions.trunc(lit("2019-08-04").cast("date"), "quarter"),
          functions.next_day(lit("2015-01-14").cast("date"), "TU"),
          functions.make_date(lit(2013), lit(7), lit(15)));
      assertEquals(List.of("unix_timestamp(2016-04-08, yyyy-MM-dd)", "from_unixtime(0, yyyy-MM-dd HH:mm:ss)",
          "trunc(CAST(2019-08-04 AS DATE), quarter)", "next_day(CAST(2015-01-14 AS DATE), TU)",
          "make_date(2013, 7, 15)"), Arrays.asList(df.columns()));
      assertEquals(List.of("bigint", "string", "date", "date", "date"), types(df));
      assertEquals(List.of("[1460098800,1969-12-31 16:00:00,2019-07-01,2015-01-20,2013-07-15]"), rows(df));
      // Timestamps as text in the session time zone (a collected java.sql.Timestamp prints in the JVM's).
      DataFrame utc = spark.sql("SELECT CAST(to_utc_timestamp('2016-08-31', 'Asia/Seoul') AS STRING), "
          + "CAST(from_utc_timestamp('2016-08-31', 'Asia/Seoul') AS STRING), "
          + "CAST(date_trunc('HOUR', '2015-03-05T09:32:05.359') AS STRING)");
      assertEquals(List.of("[2016-08-30 15:00:00,2016-08-31 09:00:00,2015-03-05 09:00:00]"), rows(utc));
    } finally {
      spark.conf().set("spark.sql.session.timeZone", before);
    }
  }

  @Test
  void constructorsBuildArraysAndStructs() {
    DataFrame df = pairs(new Integer[] {1, null}).select(functions.array(col("a"), col("b")),
        functions.array_size(functions.array("a", "b")), functions.struct(col("a"), col("b")));
    assertEquals(List.of("array(a, b)", "array_size(array(a, b))", "struct(a, b)"), Arrays.asList(df.columns()));
    assertEquals(List.of("array<int>", "int", "struct<a:int,b:int>"), types(df));
    assertEquals(List.of("[ArraySeq(1, null),2,[1,null]]"), rows(df));

    DataFrame arrays = spark.sql("SELECT array(3, 1, null, 2) AS a");
    DataFrame picked = arrays.select(functions.element_at(col("a"), 1), functions.try_element_at(col("a"), lit(9)),
        functions.sort_array(col("a")), functions.sort_array(col("a"), false));
    assertEquals(List.of("element_at(a, 1)", "try_element_at(a, 9)", "sort_array(a, true)", "sort_array(a, false)"),
        Arrays.asList(picked.columns()));
    assertEquals(List.of("[3,null,ArraySeq(null, 1, 2, 3),ArraySeq(3, 2, 1, null)]"), rows(picked));
    assertEquals(List.of("sort_array(a, true)"), Arrays.asList(arrays.selectExpr("sort_array(a)").columns()));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> arrays.select(functions.element_at(col("a"), 9)).collectAsList());
    assertTrue(e.getMessage().contains("INVALID_ARRAY_INDEX_IN_ELEMENT_AT"), e.getMessage());
  }

  @Test
  void randomValuesAndIdsAreSparks() {
    // spark.range(0, 2, 1, 1).withColumn('rand', rand(seed=42) * 3) in Spark's documentation.
    DataFrame r = spark.range(0, 2, 1, 1).select(functions.rand(42).multiply(3), functions.randn(7));
    assertEquals(List.of("(rand(42) * 3)", "randn(7)"), Arrays.asList(r.columns()));
    List<Row> out = r.collectAsList();
    assertEquals(1.8575681106759028, out.get(0).getDouble(0));
    assertEquals(1.5288056527339444, out.get(1).getDouble(0));
    assertTrue(functions.rand().expr().toString().matches(".*rand.*-?\\d+.*"), "rand() draws a visible seed");

    DataFrame ids = spark.range(0, 4, 1, 2).select(functions.spark_partition_id(),
        functions.monotonically_increasing_id());
    assertEquals(List.of("SPARK_PARTITION_ID()", "monotonically_increasing_id()"), Arrays.asList(ids.columns()));
    Set<String> got = new HashSet<>(rows(ids));
    assertEquals(Set.of("[0,0]", "[0,1]", "[1,8589934592]", "[1,8589934593]"), got);
  }

  @Test
  void showPrintsTheNewColumns() {
    DataFrame df = strings("Spark").select(functions.md5(col("s")), functions.try_divide(lit(1), lit(0)));
    assertEquals(String.join("\n",
        "+--------------------------------+----------------+",
        "|md5(s)                          |try_divide(1, 0)|",
        "+--------------------------------+----------------+",
        "|8cde774d6f7333752ed72cacddb05126|NULL            |",
        "+--------------------------------+----------------+",
        ""), df.showString(20, 0, false), "show(false) aligns left, as Spark's");
  }

  @Test
  void describeGivesTheMeanOfNumericText() {
    DataFrame d = strings("1", "2", "3", "x", null).describe("s");
    assertEquals(List.of("[count,4]", "[mean,2.0]", "[stddev,1.0]", "[min,1]", "[max,x]"), rows(d));
  }
}
