package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters over Parquet whose pushed part the reader judges itself (by dictionary id, or by value on pages past
 * a dictionary overflow): a query returns exactly the rows its condition keeps, with every column intact,
 * including conditions the reader only partly understands and null rows.
 */
class ParquetScanFilterTest {
  static final String[] MODES = {"AIR", "AIR REG", "MAIL", "RAIL", "SHIP", "TRUCK", "FOB"};
  static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  static final int ROWS = 30_000;

  static Session spark;
  @TempDir
  static Path dir;
  static String file;
  static List<Row> data;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("scan-filter").getOrCreate();
    data = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      // quantity repeats (dictionary), price is nearly unique (its dictionary overflows after a few pages).
      data.add(RowFactory.create((long) i, i % 53 == 7 ? null : MODES[(i * 3 + i / 7) % MODES.length],
          INSTRUCTIONS[i / 3 % INSTRUCTIONS.length], i % 41 == 3 ? null : (double) (i % 50 + 1),
          i % 1000 * 1.25 + i / 1000 * 0.001, "c" + i));
    }
    file = dir.resolve("items").toString();
    spark.createDataFrame(data, "id BIGINT, mode STRING, instr STRING, qty DOUBLE, price DOUBLE, comment STRING")
        .repartition(1).write().option("parquet.block.size", 256 * 1024).option("parquet.page.size", 4096)
        .option("parquet.dictionary.page.size", 8192).parquet(file);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void check(Column condition, Predicate<Row> keeps) {
    List<String> want = data.stream().filter(keeps).map(Row::toString).sorted().collect(Collectors.toList());
    List<String> got = spark.read().parquet(file).filter(condition).collectAsList().stream().map(Row::toString)
        .sorted().collect(Collectors.toList());
    assertEquals(want.size(), got.size(), "rows kept by " + condition);
    assertEquals(want, got);
  }

  private static boolean in(Object v, Object... values) {
    return v != null && List.of(values).contains(v);
  }

  @Test
  void stringInAndEqualityOnDictionaryColumns() {
    check(col("mode").isin("AIR", "AIR REG").and(col("instr").equalTo("DELIVER IN PERSON")),
        r -> in(r.get(1), "AIR", "AIR REG") && r.get(2).equals("DELIVER IN PERSON"));
    check(col("mode").isin("AIR", "AIR REG").and(col("instr").equalTo("DELIVER IN PERSON"))
            .and(col("qty").geq(1).and(col("qty").leq(11)).or(col("qty").geq(20).and(col("qty").leq(30)))),
        r -> in(r.get(1), "AIR", "AIR REG") && r.get(2).equals("DELIVER IN PERSON") && r.get(3) != null
            && ((Double) r.get(3) <= 11 || (Double) r.get(3) >= 20 && (Double) r.get(3) <= 30));
  }

  @Test
  void nullsAndPlainPagesAndConditionsTheReaderCannotJudge() {
    check(col("mode").isNull().and(col("id").lt(5000)), r -> r.get(1) == null && (Long) r.get(0) < 5000);
    check(col("price").gt(1240.0).and(col("price").lt(1249.0)),
        r -> (Double) r.get(4) > 1240.0 && (Double) r.get(4) < 1249.0);
    // upper(...) is not pushed; the reader judges the rest, the plan the whole condition.
    check(functions.upper(col("mode")).equalTo("MAIL").and(col("qty").equalTo(7.0)),
        r -> "MAIL".equals(r.get(1)) && r.get(3) != null && (Double) r.get(3) == 7.0);
    check(col("comment").startsWith("c2999"), r -> ((String) r.get(5)).startsWith("c2999"));
    long notAir = spark.read().parquet(file).filter(col("mode").notEqual("AIR")).count();
    assertTrue(notAir > 0);
    assertEquals(data.stream().filter(r -> r.get(1) != null && !r.get(1).equals("AIR")).count(), notAir);
  }
}
