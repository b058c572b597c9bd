package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behaviour compared with Apache Spark 4.0's: the texts of show() and toString() (Dataset.showString/getRows,
 * SchemaUtils.escapeMetaCharacters, Utils.stringHalfWidth), column names, settings' defaults, renaming,
 * union by name, session lifecycle and the errors users see.
 */
class SparkParityTest {
  private static Session spark;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("parity").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<String> rows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(r.toString());
    }
    return out;
  }

  private static DataFrame strings(String column, String... values) {
    List<Row> rows = new ArrayList<>();
    for (String v : values) {
      rows.add(RowFactory.create(v));
    }
    return spark.createDataFrame(rows, new StructType().add(column, DataTypes.StringType));
  }

  // ------------------------------------------------------------------ show()

  @Test
  void showNeverTruncatesColumnNames() {
    DataFrame df = spark.range(1).select(col("id").as("a_very_long_column_name_here"));
    assertEquals(String.join("\n",
        "+----------------------------+",
        "|a_very_long_column_name_here|",
        "+----------------------------+",
        "|                           0|",
        "+----------------------------+",
        ""), df.showString(20, 20, false));
  }

  @Test
  void showOfIntegerMaxValueRowsShowsAllRows() {
    assertEquals(String.join("\n",
        "+---+",
        "| id|",
        "+---+",
        "|  0|",
        "|  1|",
        "|  2|",
        "+---+",
        ""), spark.range(3).showString(Integer.MAX_VALUE, 20, false));
    String out = EndToEndTest.capture(() -> spark.range(3).show(Integer.MAX_VALUE));
    assertTrue(out.contains("|  2|"), out);
  }

  @Test
  void showEscapesControlCharactersInNamesAndCells() {
    DataFrame df = strings("a\nb", "x\ty", "c\rd\fe\bf\u000Bg\u0007h");
    assertEquals(String.join("\n",
        "+----------------+",
        "|            a\\nb|",
        "+----------------+",
        "|            x\\ty|",
        "|c\\rd\\fe\\bf\\vg\\ah|",
        "+----------------+",
        ""), df.showString(20, 20, false));
  }

  @Test
  void showEscapesBeforeTruncating() {
    DataFrame df = strings("s", "a\nbcdef");
    // Escaped, "a\\nbcdef" is 8 characters: cut to 5 it is "a\\..." (the newline never reaches the table).
    assertEquals(String.join("\n",
        "+-----+",
        "|    s|",
        "+-----+",
        "|a\\...|",
        "+-----+",
        ""), df.showString(20, 5, false));
  }

  @Test
  void showWidthsCountUtf16UnitsAndFullWidthCharactersTwice() {
    // U+1F600 is two UTF-16 units, as Spark's String.length counts it; 日本 is full width (two per character).
    DataFrame df = strings("e", "\uD83D\uDE00\uD83D\uDE00", "日本");
    assertEquals(String.join("\n",
        "+----+",
        "|e   |",
        "+----+",
        "|\uD83D\uDE00\uD83D\uDE00|",
        "|日本|",
        "+----+",
        ""), df.showString(20, 0, false));
  }

  @Test
  void verticalShowMatchesSparksLayout() {
    DataFrame df = spark.range(2).select(col("id"), lit("x").as("name"));
    assertEquals(String.join("\n",
        "-RECORD 0---",
        " id   | 0   ",
        " name | x   ",
        "-RECORD 1---",
        " id   | 1   ",
        " name | x   ",
        ""), df.showString(20, 20, true));
  }

  @Test
  void verticalShowWithMoreRowsAndWithNone() {
    assertEquals(String.join("\n",
        "-RECORD 0--",
        " id  | 0   ",
        "only showing top 1 row"), spark.range(3).showString(1, 20, true));
    assertEquals("(0 rows)", spark.range(0).showString(20, 20, true));
    assertEquals("(0 rows)", spark.range(3).showString(0, 20, true));
    assertEquals(String.join("\n",
        "-RECORD 0-----------------",
        " a_long_name | 0          ",
        " b           | abcdefg... ",
        ""), spark.range(1).select(col("id").as("a_long_name"), lit("abcdefghijklmnop").as("b"))
            .showString(1, 10, true));
  }

  // ------------------------------------------------------------------ toString()

  @Test
  void toStringShowsTwoFieldsThenHowManyMore() {
    DataFrame three = spark.range(1).select(col("id"), col("id").as("b"), col("id").as("c"));
    assertEquals("[id: bigint, b: bigint ... 1 more field]", three.toString());
    assertEquals("[id: bigint, b: bigint ... 2 more fields]", three.withColumn("d", lit("x")).toString());
    assertEquals("[id: bigint, b: bigint]", three.drop("c").toString());
    assertEquals("[id: bigint]", spark.range(1).toString());
  }

  // ------------------------------------------------------------------ names

  @Test
  void aCastColumnKeepsItsName() {
    DataFrame df = spark.range(2);
    assertArrayEquals(new String[] {"id"}, df.select(col("id").cast("string")).columns());
    assertEquals(DataTypes.StringType, df.select(col("id").cast("string")).schema().apply(0).dataType());
    assertArrayEquals(new String[] {"x"}, df.select(col("id").as("x").cast("int")).columns());
    assertArrayEquals(new String[] {"id"}, df.selectExpr("CAST(id AS STRING)").columns());
    assertArrayEquals(new String[] {"CAST((id + 1) AS STRING)"},
        df.select(col("id").plus(1).cast("string")).columns());
    assertArrayEquals(new String[] {"id", "count"}, df.groupBy(col("id").cast("string")).count().columns());
    assertEquals(List.of("[0]", "[1]"), rows(df.select(col("id").as("x").cast("int"))));
    assertEquals(List.of("[0]", "[1]"), rows(df.select(col("id").cast("string"))));
  }

  // ------------------------------------------------------------------ settings

  @Test
  void settingsSparkHasDefaultsForReadAsSparksDefaults() {
    RuntimeConfig conf = spark.conf();
    assertEquals("true", conf.get("spark.sql.ansi.enabled"));
    assertEquals("false", conf.get("spark.sql.caseSensitive"));
    assertEquals("10485760b", conf.get("spark.sql.autoBroadcastJoinThreshold"));
    assertEquals("134217728b", conf.get("spark.sql.files.maxPartitionBytes"));
    assertEquals("parquet", conf.get("spark.sql.sources.default"));
    assertEquals(ZoneId.systemDefault().getId(), conf.get("spark.sql.session.timeZone"));
    assertTrue(conf.getOption("spark.sql.ansi.enabled").isPresent());
    assertFalse(conf.contains("spark.sql.ansi.enabled"), "a default is not a setting");
    assertEquals("x", conf.get("spark.sql.caseSensitive", "x"));
    conf.set("spark.sql.autoBroadcastJoinThreshold", "1m");
    try {
      assertEquals("1m", conf.get("spark.sql.autoBroadcastJoinThreshold"));
    } finally {
      conf.unset("spark.sql.autoBroadcastJoinThreshold");
    }
  }

  @Test
  void anUnknownSettingIsSparksSqlConfNotFound() {
    NoSuchElementException e = assertThrows(NoSuchElementException.class,
        () -> spark.conf().get("spark.quiver.no.such.setting"));
    assertEquals("[SQL_CONF_NOT_FOUND] The SQL config \"spark.quiver.no.such.setting\" cannot be found. Please "
        + "verify that the config exists. SQLSTATE: 42K0I", e.getMessage());
    assertEquals("SQL_CONF_NOT_FOUND", ((QuiverThrowable) e).getErrorClass());
    // Unset, the number of shuffle partitions is sized from the data: there is no fixed default to report.
    assertFalse(spark.conf().getOption("spark.sql.shuffle.partitions").isPresent());
  }

  // ------------------------------------------------------------------ renaming and unions

  @Test
  void toDfRenamesByPositionEvenWithDuplicateNames() {
    DataFrame a = spark.range(2).select(col("id"), col("id").multiply(10).as("v"));
    DataFrame b = spark.range(2).select(col("id"), col("id").multiply(100).as("v"));
    DataFrame joined = a.join(b, a.col("id").equalTo(b.col("id")));
    assertArrayEquals(new String[] {"id", "v", "id", "v"}, joined.columns());
    DataFrame renamed = joined.toDF("a", "b", "c", "d");
    assertArrayEquals(new String[] {"a", "b", "c", "d"}, renamed.columns());
    assertEquals(List.of("[0,0,0,0]", "[1,10,1,100]"), rows(renamed.orderBy("a")));
    assertArrayEquals(new String[] {"x", "y"}, spark.range(1).select(col("id"), col("id").as("v"))
        .toDF("x", "y").columns());
  }

  @Test
  void toDfWithTheWrongNumberOfNamesFails() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> spark.range(1).toDF("a", "b"));
    assertEquals("[_LEGACY_ERROR_TEMP_1028] Number of column aliases does not match number of columns. Number of "
        + "column aliases: 2; number of columns: 1.", e.getMessage());
  }

  @Test
  void unionByNameWithMissingColumnsAddsThemAsNulls() {
    DataFrame u = spark.range(2).select(lit(1).as("a")).unionByName(spark.range(1), true);
    assertArrayEquals(new String[] {"a", "id"}, u.columns());
    assertEquals(DataTypes.IntegerType, u.schema().apply(0).dataType());
    assertEquals(DataTypes.LongType, u.schema().apply(1).dataType());
    assertEquals(List.of("[1,null]", "[1,null]", "[null,0]"), rows(u));
  }

  // ------------------------------------------------------------------ session lifecycle

  @Test
  void stoppingTheSparkContextStopsTheSessionAndGetOrCreateMakesANewOne() {
    Session old = Session.builder().master("local[2]").appName("parity").getOrCreate();
    old.sparkContext().stop();
    assertTrue(Session.getActiveSession().isEmpty(), "a stopped session is not active");
    Session fresh = Session.builder().master("local[2]").appName("parity").getOrCreate();
    assertNotSame(old, fresh);
    spark = fresh;
    assertEquals(3, spark.range(3).count());
  }

  // ------------------------------------------------------------------ errors

  @Test
  void anUnknownCastTypeIsAnAnalysisException() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> col("id").cast("integr"));
    assertEquals("UNSUPPORTED_DATATYPE", e.getErrorClass());
    assertEquals("[UNSUPPORTED_DATATYPE] Unsupported data type \"INTEGR\". SQLSTATE: 0A000", e.getMessage());
    AnalysisException schema = assertThrows(AnalysisException.class,
        () -> spark.read().schema("a INT, b strin").csv("x.csv"));
    assertEquals("UNSUPPORTED_DATATYPE", schema.getErrorClass());
    assertEquals("PARSE_SYNTAX_ERROR", assertThrows(AnalysisException.class,
        () -> spark.createDataFrame(List.of(), "a DECIMAL(10,")).getErrorClass());
  }

  @Test
  void nullNamesAndRowsAreClearErrors() {
    QuiverException e = assertThrows(QuiverException.class, () -> col(null));
    assertTrue(e.getMessage().contains("col()"), e.getMessage());
    assertThrows(QuiverException.class, () -> spark.range(1).col(null));
    assertThrows(QuiverException.class, () -> functions.sum((Column) null));
    QuiverException row = assertThrows(QuiverException.class, () -> spark.createDataFrame(
        Arrays.asList(RowFactory.create(1), null), new StructType().add("a", DataTypes.IntegerType)));
    assertTrue(row.getMessage().startsWith("Row 1 "), row.getMessage());
  }

  @Test
  void tailOfANegativeCountIsSparksLimitError() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> spark.range(3).tail(-1));
    assertEquals("[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression \"-1\" is invalid. The tail "
        + "expression must be equal to or greater than 0, but got -1. SQLSTATE: 42K0E", e.getMessage());
    assertEquals(2, spark.range(3).tail(2).length);
    assertEquals(0, spark.range(3).tail(0).length);
  }

  @Test
  void explainWithAnUnknownModeFailsAsSparksDoes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spark.range(1).explain("foo"));
    assertEquals("Unknown explain mode: foo. Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', "
        + "'formatted'.", e.getMessage());
    String out = EndToEndTest.capture(() -> spark.range(1).explain("FORMATTED"));
    assertFalse(out.isEmpty());
  }

  @Test
  void rowToStringPrintsBinaryAsTheJvmDoes() {
    byte[] b = {1, 2};
    assertEquals("[" + b + ",x]", new GenericRow(new Object[] {b, "x"}).toString());
  }
}
