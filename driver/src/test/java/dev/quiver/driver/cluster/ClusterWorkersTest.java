package dev.quiver.driver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.driver.AppInfo;
import dev.quiver.driver.LocalSession;
import dev.quiver.driver.MasterUrl;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.ResultRows;
import dev.quiver.driver.server.DriverServer;
import dev.quiver.planner.parser.SqlParser;
import dev.quiver.sql.QuiverException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver scheduling real worker processes: same answers as local[2], shuffles between workers, recovery. */
class ClusterWorkersTest {
  @TempDir
  static Path dir;
  private static DriverServer driver;
  private static WorkerProcesses workers;
  private static final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    driver = new DriverServer(new QuiverConf(Map.of(Cluster.HEARTBEAT_TIMEOUT, "3s",
        Cluster.HEARTBEAT_INTERVAL, "300ms")), "127.0.0.1", 0, 0);
    workers = new WorkerProcesses();
    for (int i = 0; i < 2; i++) {
      started.add(workers.start(driver.port(), dir.resolve("w" + i), dir.resolve("w" + i + ".log")));
    }
    awaitWorkers(2);
  }

  private static void awaitWorkers(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (driver.cluster().workers().size() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Workers did not register: " + WorkerProcesses.logOf(dir.resolve("w0.log")));
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stopCluster() {
    if (workers != null) {
      workers.close();
    }
    if (driver != null) {
      driver.close();
    }
  }

  private static Map<String, String> settings(String... kv) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(QuiverConf.WAREHOUSE_DIR, dir.resolve("warehouse").toString());
    conf.put(QuiverConf.LOCAL_DIR, dir.resolve("scratch").toString());
    conf.put(QuiverConf.SESSION_TIME_ZONE, "UTC");
    conf.put(QuiverConf.SHUFFLE_PARTITIONS, "4");
    for (int i = 0; i < kv.length; i += 2) {
      conf.put(kv[i], kv[i + 1]);
    }
    return conf;
  }

  private static LocalSession clusterSession(String... kv) {
    return new LocalSession(new QuiverConf(settings(kv)), new AppInfo("cluster-test", "app-1",
        driver.url(), "test", System.currentTimeMillis(), 2, "0"), new ClusterExecution(driver.cluster(), "test"));
  }

  private static List<List<Object>> run(LocalSession s, String sql) {
    ResultRows r = s.collect(SqlParser.parseQuery(sql, s::table, ZoneId.of("UTC")));
    List<List<Object>> rows = new ArrayList<>();
    for (Object[] row : r.rows()) {
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  private static List<List<Object>> local(String sql, String... kv) {
    LocalSession s = new LocalSession(new QuiverConf(settings(kv)), MasterUrl.parse("local[2]"), "local");
    try {
      return run(s, sql);
    } finally {
      s.stop();
    }
  }

  private static void sameAsLocal(String sql, String... kv) {
    LocalSession s = clusterSession(kv);
    try {
      assertEquals(local(sql, kv), run(s, sql), sql);
    } finally {
      s.stop();
    }
  }

  @Test
  void aggregationsJoinsAndSortsGiveLocalAnswers() {
    sameAsLocal("SELECT id % 97 AS k, count(*) AS c, sum(id) AS s, max(id * 2) AS m FROM range(0, 200000) "
        + "GROUP BY id % 97 ORDER BY k");
    // A shuffled join (broadcasts off) and a broadcast join of the same data.
    String join = "SELECT a.k, count(*) AS c, sum(b.v) AS s FROM (SELECT id % 1000 AS k FROM range(0, 100000)) a "
        + "JOIN (SELECT id AS k, id * 3 AS v FROM range(0, 1000)) b ON a.k = b.k GROUP BY a.k ORDER BY a.k";
    sameAsLocal(join, QuiverConf.BROADCAST_THRESHOLD, "-1");
    sameAsLocal(join);
    sameAsLocal("SELECT id, id % 7 AS m FROM range(0, 50000) ORDER BY m DESC, id LIMIT 20");
  }

  @Test
  void shuffledJoinsFilteredByTheOtherSidesKeysOnWorkersGiveTheUnfilteredAnswer() {
    // The filtered side's few keys travel from its map tasks on the workers, through the driver, to the other
    // side's map tasks; an outer join's preserved side is never filtered.
    String few = "(SELECT id AS k, id * 3 AS v FROM range(0, 5000) WHERE id % 7 = 0)";
    String many = "(SELECT id % 1000 AS k, id AS w FROM range(0, 100000))";
    for (String type : new String[] {"JOIN", "LEFT JOIN", "RIGHT JOIN", "LEFT SEMI JOIN", "LEFT ANTI JOIN"}) {
      String sql = "SELECT a.k, count(*) AS c FROM " + many + " a " + type + " " + few + " b ON a.k = b.k "
          + "GROUP BY a.k ORDER BY a.k";
      LocalSession s = clusterSession(QuiverConf.BROADCAST_THRESHOLD, "-1");
      try {
        assertEquals(local(sql, QuiverConf.BROADCAST_THRESHOLD, "-1", QuiverConf.JOIN_KEY_FILTERS, "false"),
            run(s, sql), sql);
      } finally {
        s.stop();
      }
    }
  }

  @Test
  void aUsersErrorOnAWorkerArrivesWithItsTypeAndMessage() {
    String sql = "SELECT CAST(CASE WHEN id = 5 THEN 'x' ELSE CAST(id AS STRING) END AS INT) FROM range(0, 10)";
    LocalSession s = clusterSession(QuiverConf.ANSI_ENABLED, "true");
    try {
      RuntimeException local = assertThrows(RuntimeException.class, () -> local(sql, QuiverConf.ANSI_ENABLED, "true"));
      RuntimeException remote = assertThrows(RuntimeException.class, () -> run(s, sql));
      assertEquals(local.getClass(), remote.getClass());
      assertEquals(local.getMessage(), remote.getMessage());
    } finally {
      s.stop();
    }
  }

  @Test
  void aWorkerKilledMidJobIsReplacedAndTheAnswerStaysExact() throws Exception {
    String sql = "SELECT a.k % 10 AS g, count(*) AS c, sum(a.id) AS s FROM (SELECT id, id % 50000 AS k FROM "
        + "range(0, 3000000)) a JOIN (SELECT id AS k FROM range(0, 50000)) b ON a.k = b.k GROUP BY a.k % 10 ORDER BY g";
    List<List<Object>> expected = local(sql, QuiverConf.BROADCAST_THRESHOLD, "-1");
    LocalSession s = clusterSession(QuiverConf.BROADCAST_THRESHOLD, "-1", QuiverConf.SHUFFLE_PARTITIONS, "8");
    try {
      // Kill a worker once both map stages are done (4 tasks), so it holds map output the reduce tasks need.
      assertEquals(expected, runKillingAWorkerAfter(s, sql, 5, "w0b"));
      sameAsLocal("SELECT id % 13 AS k, count(*) FROM range(0, 10000) GROUP BY id % 13 ORDER BY k");
    } finally {
      s.stop();
    }
  }

  @Test
  void aReusedMapStageLostWithAWorkerIsComputedAgainForAllItsReaders() throws Exception {
    // One aggregate read by two stages (its rows, and their max): Q15's shape. Every group counts 60 rows.
    String totals = "(SELECT id % 50000 AS k, count(*) AS c FROM range(0, 3000000) GROUP BY id % 50000)";
    String sql = "SELECT t.k % 10 AS g, count(*) AS n, sum(t.c) AS s FROM " + totals + " t JOIN (SELECT max(c) AS "
        + "top FROM " + totals + ") m ON t.c = m.top GROUP BY t.k % 10 ORDER BY g";
    List<List<Object>> expected = local(sql, QuiverConf.BROADCAST_THRESHOLD, "-1", QuiverConf.EXCHANGE_REUSE,
        "false");
    assertEquals(10, expected.size());
    LocalSession s = clusterSession(QuiverConf.BROADCAST_THRESHOLD, "-1");
    try {
      String plan = s.explain(SqlParser.parseQuery(sql, s::table, ZoneId.of("UTC")), false);
      assertTrue(plan.contains("ReusedExchange"), plan);
      // Killed once the shared map stage (2 tasks) is done, before both its readers have read it.
      assertEquals(expected, runKillingAWorkerAfter(s, sql, 2, "w0c"));
    } finally {
      s.stop();
    }
  }

  /**
   * Runs {@code sql}, kills the first worker once {@code tasks} more tasks have finished, checks the job still
   * ends, and starts a replacement worker in directory {@code replacement}; returns the job's rows.
   */
  private static List<List<Object>> runKillingAWorkerAfter(LocalSession s, String sql, int tasks,
      String replacement) throws Exception {
    long before = tasksFinished();
    CompletableFuture<List<List<Object>>> result = CompletableFuture.supplyAsync(() -> run(s, sql));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (tasksFinished() < before + tasks && !result.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Process victim = started.remove(0);
    victim.destroyForcibly().waitFor();
    List<List<Object>> rows = result.get(120, TimeUnit.SECONDS);
    // A restarted worker registers again and gets work.
    started.add(0, workers.start(driver.port(), dir.resolve(replacement), dir.resolve(replacement + ".log")));
    awaitWorkers(2);
    return rows;
  }

  private static long tasksFinished() {
    return driver.cluster().workers().stream().mapToLong(Cluster.WorkerStatus::tasksFinished).sum();
  }

  @Test
  void aJobThatCannotFinishNamesStageTaskAndCause() {
    // Every attempt of the task fails the same way: retried quiver.task.maxFailures times, then the job fails.
    LocalSession s = clusterSession(QuiverConf.TASK_MAX_FAILURES, "2", "quiver.executor.memory", "1k");
    try {
      QuiverException e = assertThrows(QuiverException.class,
          () -> run(s, "SELECT id % 10 AS k, count(*) FROM range(0, 100000) GROUP BY id % 10"));
      assertTrue(e.getMessage().contains("stage"), e.getMessage());
    } finally {
      s.stop();
    }
  }
}
