package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.lit;
import static dev.quiver.sql.functions.repeat;
import static dev.quiver.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.driver.remote.SessionServer;
import dev.quiver.sql.types.StructType;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole programs through {@code Session.builder().master("quiver://...")}, each compared with the same program
 * on local[2]: answers, show() text, errors (type and message).
 */
class RemoteSessionTest {
  private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

  @TempDir
  Path dir;

  /** Runs {@code program} on a fresh session of {@code master} and returns what it printed or returned. */
  private <T> T run(String master, Function<Session, T> program, String... settings) {
    Session.Builder b = Session.builder().master(master).appName("remote-test")
        .config("spark.sql.warehouse.dir", dir.resolve("warehouse-" + master.hashCode()).toString())
        .config("spark.sql.session.timeZone", "UTC");
    for (int i = 0; i < settings.length; i += 2) {
      b.config(settings[i], settings[i + 1]);
    }
    Session s = b.getOrCreate();
    try {
      return program.apply(s);
    } finally {
      s.stop();
    }
  }

  /** The program's outcome on local[2] and through a driver, which must be equal. */
  private <T> T sameOnBoth(Function<Session, T> program) {
    T local = run("local[2]", program);
    try (SessionServer driver = InProcessDriver.start()) {
      T remote = run(driver.url(), program);
      assertEquals(local, remote);
      return remote;
    }
  }

  private static DataFrame sales(Session s) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(RowFactory.create(i, "store" + (i % 7), (i * 37) % 101 + 0.5));
    }
    return s.createDataFrame(rows, "id INT, store STRING, amount DOUBLE");
  }

  @Test
  void joinsAggregationsSortsAndShowMatchLocalMode() {
    String out = sameOnBoth(s -> {
      DataFrame sales = sales(s);
      DataFrame stores = s.range(0, 7).select(functions.concat(lit("store"), col("id").cast("string")).as("store"),
          col("id").multiply(10).as("region"));
      DataFrame joined = sales.join(stores, "store").groupBy("region").agg(count("*").as("n"),
          sum("amount").as("total")).orderBy(col("total").desc());
      return EndToEndTest.capture(() -> {
        joined.show();
        joined.printSchema();
        sales.orderBy(col("amount").desc(), col("id")).show(5, false);
        // Expression ids count up per process, as in Spark: they are the only part allowed to differ.
        System.out.print(EndToEndTest.capture(joined::explain).replaceAll("#\\d+", "#N"));
      }) + joined.collectAsList() + sales.filter(col("amount").gt(90)).count();
    });
    assertTrue(out.contains("|region|"), out);
  }

  @Test
  void writesToParquetAndCsvReadBackTheSame() {
    sameOnBoth(s -> {
      int run = RUNS.incrementAndGet();
      String parquet = dir.resolve("sales-" + run + ".parquet").toString();
      String csv = dir.resolve("sales-" + run + ".csv").toString();
      sales(s).write().partitionBy("store").parquet(parquet);
      sales(s).write().option("header", "true").csv(csv);
      DataFrame p = s.read().parquet(parquet);
      DataFrame c = s.read().option("header", "true").option("inferSchema", "true").csv(csv);
      return p.schema().simpleString() + c.schema().simpleString()
          + p.orderBy("id").collectAsList() + c.orderBy("id").collectAsList();
    });
  }

  @Test
  void analysisErrorsHaveTheSameTypeAndMessage() {
    sameOnBoth(s -> {
      AnalysisException unknown = assertThrows(AnalysisException.class, () -> sales(s).select("amonut"));
      AnalysisException table = assertThrows(AnalysisException.class, () -> s.table("no_such_table"));
      AnalysisException path = assertThrows(AnalysisException.class,
          () -> s.read().parquet(dir.resolve("missing").toString()));
      return List.of(unknown.getClass(), unknown.getMessage(), table.getMessage(),
          path.getMessage().replace(dir.toString(), "DIR"));
    });
  }

  @Test
  void ansiRuntimeErrorsHaveTheSameTypeAndMessage() {
    sameOnBoth(s -> {
      ArithmeticException divide = assertThrows(ArithmeticException.class,
          () -> s.range(0, 3).select(functions.expr("id div 0")).collectAsList());
      NumberFormatException cast = assertThrows(NumberFormatException.class,
          () -> s.range(0, 3).select(lit("abc").cast("int")).collectAsList());
      return List.of(divide.getClass(), divide.getMessage(), cast.getClass(), cast.getMessage());
    });
  }

  @Test
  void largePlansAndResultsGoThrough() {
    try (SessionServer driver = InProcessDriver.start()) {
      run(driver.url(), s -> {
        // ~10 MB of rows inside the plan, well over gRPC's default 4 MiB message limit.
        List<Row> rows = new ArrayList<>();
        String text = "v".repeat(90);
        for (int i = 0; i < 100_000; i++) {
          rows.add(RowFactory.create(i, text));
        }
        DataFrame big = s.createDataFrame(rows, "id INT, text STRING");
        assertEquals(100_000L, big.count());
        // ~20 MB of result.
        List<Row> result = s.range(0, 100_000, 1, 3).select(col("id"), repeat(lit("w"), 200).as("pad"))
            .collectAsList();
        assertEquals(100_000, result.size());
        long total = 0;
        for (Row r : result) {
          total += r.getLong(0);
        }
        assertEquals(4_999_950_000L, total);
        return null;
      });
    }
  }

  @Test
  void theApplicationIsTheDrivers() {
    try (SessionServer driver = InProcessDriver.start()) {
      run(driver.url(), s -> {
        String id = s.sparkContext().applicationId();
        assertTrue(id != null && !id.isEmpty());
        assertEquals("remote-test", s.sparkContext().appName());
        assertEquals(System.getProperty("user.name"), s.sparkContext().sparkUser());
        assertEquals(dev.quiver.driver.Versions.QUIVER, s.version());
        return null;
      });
    }
  }

  @Test
  void settingsSetAtRuntimeApplyOnTheDriver() {
    try (SessionServer driver = InProcessDriver.start()) {
      run(driver.url(), s -> {
        DataFrame df = s.range(0, 3);
        s.conf().set("spark.sql.caseSensitive", "true");
        assertThrows(AnalysisException.class, () -> df.select("ID"));
        s.conf().set("spark.sql.caseSensitive", "false");
        assertEquals(3, df.select("ID").count());
        return null;
      });
    }
  }

  @Test
  void theSecretIsRequiredWhenTheDriverHasOne() {
    try (SessionServer driver = InProcessDriver.start(Optional.of("letmein"))) {
      QuiverException missing = assertThrows(QuiverException.class, () -> run(driver.url(), s -> null));
      assertTrue(missing.getMessage().contains("requires a shared secret"), missing.getMessage());
      QuiverException wrong = assertThrows(QuiverException.class,
          () -> run(driver.url(), s -> null, "quiver.authenticate.secret", "guess"));
      assertTrue(wrong.getMessage().contains("does not match"), wrong.getMessage());
      assertTrue(wrong.getMessage().contains("QUIVER_SECRET"), wrong.getMessage());
      assertEquals(3L, (long) run(driver.url(), s -> s.range(3).count(), "quiver.authenticate.secret", "letmein"));
    }
  }

  @Test
  void aDriverThatIsNotRunningIsAClearError() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "quiver://127.0.0.1:" + port;
    QuiverException e = assertThrows(QuiverException.class, () -> run(url, s -> null));
    assertEquals("Cannot reach the Quiver driver at " + url + " (connection refused). Is it running? Start one with "
        + "bin/quiver-driver or bin/start-cluster.", e.getMessage());
    assertSame(null, e.getCause());
    assertTrue(Session.getActiveSession().isEmpty());
  }

  @Test
  void createDataFrameSchemaAndToLocalIteratorMatch() {
    sameOnBoth(s -> {
      DataFrame df = sales(s).orderBy("id");
      StructType schema = df.schema();
      List<String> rows = new ArrayList<>();
      df.toLocalIterator().forEachRemaining(r -> rows.add(r.toString()));
      return schema.treeString() + rows;
    });
  }
}
