package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens at the edges: small task memory, files split over many tasks, writes that fail. */
class EngineLimitsTest {
  private static Session spark;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("limits").config("quiver.executor.memory", "8m")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aTaskOverItsMemoryBudgetFailsWithAClearError() {
    DataFrame wide = spark.range(0, 2_000_000).withColumn("s", col("id").cast("string"));
    QuiverException e = assertThrows(QuiverException.class, () -> wide.groupBy("s").count().count());
    assertTrue(e.getMessage().contains("TASK_MEMORY_EXCEEDED"), e.getMessage());
    assertTrue(e.getMessage().contains("quiver.executor.memory"), e.getMessage());
    // The session survives: the next query runs.
    assertEquals(10, spark.range(10).count());
  }

  @Test
  void aLargeFileIsSplitOverSeveralTasksAndReadOnce() throws IOException {
    Path file = dir.resolve("big.csv");
    StringBuilder sb = new StringBuilder("id,name\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append(i).append(",name-").append(i).append('\n');
    }
    Files.writeString(file, sb);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "300k");
    try {
      DataFrame df = spark.read().option("header", "true").schema("id INT, name STRING").csv(file.toString());
      String plan = EndToEndTest.capture(df::explain);
      assertFalse(plan.contains("Tasks: 1,"), plan);
      assertEquals(200_000, df.count());
      assertEquals(19_999_900_000L, df.agg(sum(col("id").cast("long"))).first().getLong(0));
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
    }
  }

  @Test
  void aFailedWriteLeavesNoOutput() throws IOException {
    Path out = dir.resolve("failed");
    DataFrame failing = spark.range(0, 100_000, 1, 4).select(col("id").cast("int").multiply(100_000).as("big"));
    assertThrows(ArithmeticException.class, () -> failing.write().parquet(out.toString()));
    assertFalse(Files.exists(out), "no output directory after a failed write");

    Path existing = dir.resolve("kept");
    spark.range(5).write().parquet(existing.toString());
    assertThrows(ArithmeticException.class, () -> failing.write().mode("overwrite").parquet(existing.toString()));
    assertEquals(5, spark.read().parquet(existing.toString()).count(), "the old output is intact");
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("staging")), "no staging left behind");
    }
  }
}
