package dev.quiver.examples.cluster;

import static dev.quiver.sql.functions.avg;
import static dev.quiver.sql.functions.col;
import static dev.quiver.sql.functions.count;
import static dev.quiver.sql.functions.countDistinct;
import static dev.quiver.sql.functions.max;
import static dev.quiver.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.DataFrame;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.Row;
import dev.quiver.sql.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cluster mode as a user runs it: bin/start-cluster starts a driver and two workers (real processes on
 * 127.0.0.1, shared secret on), programs connect with quiver:// and must get local[2]'s answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScriptClusterTest {
  private static final String SECRET = "test-secret-" + UUID.randomUUID();
  private static final Path RUN = Path.of("target", "cluster-run-" + ProcessHandle.current().pid()).toAbsolutePath();
  private static ScriptCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ScriptCluster(RUN, Map.of("QUIVER_SECRET", SECRET));
    try {
      cluster.start(2);
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Session session(String master) {
    Session.getActiveSession().ifPresent(Session::stop);
    return Session.builder().master(master).appName("cluster-test")
        .config("quiver.authenticate.secret", SECRET)
        .config("spark.sql.shuffle.partitions", "6")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", RUN.resolve("warehouse").toString())
        .getOrCreate();
  }

  private static List<String> rows(List<Row> rows) {
    return rows.stream().map(Row::toString).collect(Collectors.toList());
  }

  /** Runs the same program locally and on the cluster; returns both answers. */
  private static List<List<String>> bothWays(Function<Session, List<Row>> program) {
    List<List<String>> out = new ArrayList<>();
    for (String master : List.of("local[2]", cluster.url())) {
      try (Session s = session(master)) {
        out.add(rows(program.apply(s)));
      }
    }
    return out;
  }

  private static void sameAsLocal(Function<Session, List<Row>> program) {
    List<List<String>> both = bothWays(program);
    assertTrue(!both.get(0).isEmpty());
    assertEquals(both.get(0), both.get(1));
  }

  @Test
  @Order(1)
  void joinsAggregationsSortsAndWritesGiveLocalAnswers() {
    sameAsLocal(s -> ClusterJob.query(s, 200_000).collectAsList());
    sameAsLocal(s -> s.range(0, 100_000).withColumn("g", col("id").mod(13))
        .groupBy("g").agg(avg("id"), max("id"), count("*")).orderBy(col("g").desc()).collectAsList());
    sameAsLocal(s -> s.range(0, 30_000).withColumn("m", col("id").mod(101)).orderBy(col("m"), col("id").desc())
        .limit(50).collectAsList());
    // A global DISTINCT count: its middle phase merges sum's buffers and reads rows for the count.
    sameAsLocal(s -> s.range(0, 100_000, 1, 4).withColumn("v", col("id").mod(977))
        .agg(countDistinct(col("v")), sum("id"), count("*")).collectAsList());
    // A broadcast join (small side under the threshold) and a left outer join.
    sameAsLocal(s -> s.range(0, 20_000).join(s.range(0, 100).withColumnRenamed("id", "j"),
        col("id").mod(200).equalTo(col("j")), "left").groupBy(col("j").isNull().as("unmatched"))
        .agg(count("*"), sum("id")).orderBy("unmatched").collectAsList());
    // Writes: the files the cluster wrote read back the same as the local ones.
    sameAsLocal(s -> {
      String path = RUN.resolve("out-" + UUID.randomUUID()).toString();
      s.range(0, 5000).withColumn("p", col("id").mod(3)).write().partitionBy("p").parquet(path);
      return s.read().parquet(path).groupBy("p").agg(sum("id"), count("*")).orderBy("p").collectAsList();
    });
  }

  @Test
  @Order(2)
  void analysisErrorsComeBackAsInLocalMode() {
    List<String> messages = new ArrayList<>();
    for (String master : List.of("local[2]", cluster.url())) {
      try (Session s = session(master)) {
        messages.add(assertThrows(AnalysisException.class, () -> s.range(0, 10).select(col("nope"))).getMessage());
      }
    }
    assertEquals(messages.get(0), messages.get(1));
  }

  @Test
  @Order(3)
  void aWrongSecretIsRefusedWithAClearMessage() throws Exception {
    Session.getActiveSession().ifPresent(Session::stop);
    QuiverException e = assertThrows(QuiverException.class, () -> {
      try (Session s = Session.builder().master(cluster.url()).config("quiver.authenticate.secret", "wrong")
          .getOrCreate()) {
        s.range(0, 1).collectAsList();
      }
    });
    assertTrue(e.getMessage().contains("secret"), e.getMessage());
    // A worker with the wrong secret is refused too, and says so in its log.
    Process w = cluster.startWorker("worker-wrong", Map.of("QUIVER_SECRET", "wrong"));
    try {
      Path log = RUN.resolve("worker-wrong.log");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("refused") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(Files.readString(log).contains("refused"), Files.readString(log));
      assertEquals(2, cluster.workersRegistered());
    } finally {
      w.destroyForcibly().waitFor();
    }
  }

  @Test
  @Order(4)
  void twoSubmittedJobsRunAtOnceWithTheRightAnswers() throws Exception {
    List<String> expected;
    try (Session s = session("local[2]")) {
      expected = ClusterJob.query(s, 400_000).collectAsList().stream().map(r -> "group " + r.mkString(","))
          .collect(Collectors.toList());
    }
    Path jar = jobJar();
    List<CompletableFuture<ScriptCluster.Result>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        try {
          return cluster.run(List.of("bin/quiver-submit", "--master", cluster.url(), "--class",
              ClusterJob.class.getName(), jar.toString(), "400000"), 180);
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (CompletableFuture<ScriptCluster.Result> run : runs) {
      ScriptCluster.Result r = run.get();
      assertEquals(0, r.exit(), r.output());
      assertEquals(expected, r.output().lines().filter(l -> l.startsWith("group ")).collect(Collectors.toList()),
          r.output());
    }
  }

  @Test
  @Order(5)
  void aWorkerKilledMidShuffleLeavesTheAnswerExactAndRejoinsAfterARestart() throws Exception {
    List<String> expected;
    try (Session s = session("local[2]")) {
      expected = rows(ClusterJob.query(s, 3_000_000).collectAsList());
    }
    try (Session s = session(cluster.url())) {
      long before = tasksDone();
      CompletableFuture<List<Row>> result = CompletableFuture.supplyAsync(
          () -> ClusterJob.query(s, 3_000_000).collectAsList());
      // Let the map stages write their shuffle output, then SIGKILL worker 1 while the job still runs.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (tasksDone() < before + 4 && !result.isDone() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      ProcessHandle.of(cluster.pid("worker-1")).ifPresent(ProcessHandle::destroyForcibly);
      assertEquals(expected, rows(result.get(180, TimeUnit.SECONDS)));
      cluster.awaitWorkers(1);
      // Restarted, it registers again (with a new id) and takes work.
      cluster.startWorker("worker-1", Map.of());
      cluster.awaitWorkers(2);
      assertEquals(expected, rows(ClusterJob.query(s, 3_000_000).collectAsList()));
    }
  }

  @Test
  @Order(6)
  void writesCommitWholeOutputsOnlyEvenWhenAWorkerDiesMidWrite() throws Exception {
    String path = RUN.resolve("written-" + UUID.randomUUID()).toString();
    String failed = RUN.resolve("failed-" + UUID.randomUUID()).toString();
    try (Session s = session(cluster.url())) {
      long before = tasksDone();
      CompletableFuture<Void> write = CompletableFuture.runAsync(() -> s.range(0, 3_000_000).repartition(8)
          .withColumn("v", col("id").mod(7)).write().parquet(path));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (tasksDone() < before + 3 && !write.isDone() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      ProcessHandle.of(cluster.pid("worker-2")).ifPresent(ProcessHandle::destroyForcibly);
      write.get(180, TimeUnit.SECONDS);
      // Every row exactly once: a killed attempt's files never become part of the output.
      Row r = s.read().parquet(path).agg(count("*"), sum("id")).collectAsList().get(0);
      assertEquals(3_000_000L, r.getLong(0));
      assertEquals(3_000_000L * 2_999_999L / 2, r.getLong(1));
      // A write that fails (a user's error in one task) leaves no output at all.
      s.conf().set("spark.sql.ansi.enabled", "true");
      assertThrows(RuntimeException.class, () -> s.range(0, 100_000).repartition(4)
          .selectExpr("CAST(CASE WHEN id = 99999 THEN 'x' ELSE CAST(id AS STRING) END AS INT) AS n")
          .write().parquet(failed));
      assertTrue(!Files.exists(Path.of(failed)) || Files.list(Path.of(failed)).findAny().isEmpty(),
          "partial output left in " + failed);
    }
  }

  @Test
  @Order(7)
  void cachedPartitionsLiveOnWorkersAndAreRecomputedWhenTheirWorkerIsLost() throws Exception {
    cluster.startWorker("worker-cache", Map.of());
    cluster.awaitWorkers(2);
    Function<Session, List<Row>> program = s -> {
      DataFrame cached = s.range(0, 300_000).withColumn("g", col("id").mod(10)).repartition(4).cache();
      List<Row> out = new ArrayList<>(cached.groupBy("g").agg(sum("id"), count("*")).orderBy("g").collectAsList());
      if (!s.sparkContext().master().startsWith("local")) {
        try {
          ProcessHandle.of(cluster.pid("worker-cache")).ifPresent(ProcessHandle::destroyForcibly);
          cluster.awaitWorkers(1);
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      // Half the cached partitions were on the killed worker: they are computed again.
      out.addAll(cached.filter(col("g").lt(5)).groupBy("g").agg(max("id")).orderBy("g").collectAsList());
      return out;
    };
    sameAsLocal(program);
  }

  /** Tasks finished by the registered workers (the status page counts them per worker). */
  private static long tasksDone() throws IOException, InterruptedException {
    long n = 0;
    for (String line : cluster.status().lines().toList()) {
      int i = line.indexOf(" tasks=");
      if (line.startsWith("worker ") && i > 0) {
        n += Long.parseLong(line.substring(i + 7).trim());
      }
    }
    return n;
  }

  /** A jar holding the job class, as a user would submit it. */
  private static Path jobJar() throws IOException {
    Path jar = RUN.resolve("cluster-job.jar");
    String entry = ClusterJob.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry(entry));
      try (var in = ClusterJob.class.getClassLoader().getResourceAsStream(entry)) {
        in.transferTo(j);
      }
      j.closeEntry();
    }
    return jar;
  }
}
