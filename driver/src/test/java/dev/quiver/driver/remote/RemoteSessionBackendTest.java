package dev.quiver.driver.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.driver.LocalSession;
import dev.quiver.driver.MasterUrl;
import dev.quiver.driver.QuiverConf;
import dev.quiver.driver.ResultRows;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.proto.OpenSessionRequest;
import dev.quiver.proto.SessionServiceGrpc;
import dev.quiver.proto.rpc.Rpc;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import io.grpc.ManagedChannel;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client protocol against a real loopback server whose sessions are local engines. */
class RemoteSessionBackendTest {
  private static final AtomicLong PLAN_IDS = new AtomicLong(5000);

  @TempDir
  Path dir;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  /** Every engine session the server created, to check which are stopped. */
  private final List<LocalSession> engines = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private SessionServer server(Optional<String> secret, Duration idleTimeout) {
    SessionServer server = SessionServer.start("127.0.0.1", 0, (appName, settings) -> {
      LocalSession s = new LocalSession(new QuiverConf(settings), MasterUrl.parse("local[2]"), appName);
      engines.add(s);
      return s;
    }, secret, idleTimeout);
    toClose.add(server);
    return server;
  }

  private SessionServer server() {
    return server(Optional.empty(), Duration.ofMinutes(5));
  }

  private RemoteSessionBackend client(SessionServer server, String... settings) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(QuiverConf.WAREHOUSE_DIR, dir.resolve("warehouse").toString());
    conf.put(QuiverConf.LOCAL_DIR, dir.resolve("scratch").toString());
    conf.put(QuiverConf.SESSION_TIME_ZONE, "UTC");
    for (int i = 0; i < settings.length; i += 2) {
      conf.put(settings[i], settings[i + 1]);
    }
    RemoteSessionBackend c = new RemoteSessionBackend(MasterUrl.parse(server.url()), new QuiverConf(conf), "t");
    toClose.add(c);
    return c;
  }

  private static LogicalPlan df(LogicalPlan node) {
    return new PlanIdMarker(PLAN_IDS.incrementAndGet(), node);
  }

  private static long sumOfIds(Iterator<Object[]> rows) {
    long sum = 0;
    while (rows.hasNext()) {
      sum += (Long) rows.next()[0];
    }
    return sum;
  }

  @Test
  void runsAPlanAndReportsTheDriversApplication() {
    SessionServer server = server();
    RemoteSessionBackend c = client(server);
    ResultRows r = c.collect(df(Range.of(0, 1000, 1, 4)));
    assertEquals(new StructType().add("id", DataTypes.LongType, false), r.schema());
    assertEquals(1000, r.rows().size());
    assertEquals(499500L, sumOfIds(r.rows().iterator()));
    assertEquals(499500L, sumOfIds(c.toLocalIterator(df(Range.of(0, 1000, 1, 4)))));
    assertEquals(engines.get(0).appInfo(), c.appInfo());
    assertTrue(c.explain(df(Range.of(0, 10, 1, 2)), true).contains("Range"));
  }

  @Test
  void analysisAndAnsiErrorsArriveAsTheSameExceptions() {
    SessionServer server = server();
    RemoteSessionBackend c = client(server);
    LogicalPlan unknown = df(new Project(List.of(UnresolvedAttribute.of("nope")), df(Range.of(0, 3, 1, 1))));
    AnalysisException remote = assertThrows(AnalysisException.class, () -> c.analyze(unknown));
    AnalysisException local = assertThrows(AnalysisException.class, () -> engines.get(0).analyze(unknown));
    assertEquals(local.getMessage(), remote.getMessage());
    assertEquals(local.getErrorClass(), remote.getErrorClass());

    LogicalPlan divide = df(new Project(List.of(new Alias(new BinaryArithmetic(ArithmeticOp.DIVIDE,
        UnresolvedAttribute.of("id"), Literal.of(0L)), "q")), df(Range.of(0, 3, 1, 1))));
    QuiverArithmeticException e = assertThrows(QuiverArithmeticException.class, () -> c.collect(divide));
    assertEquals("DIVIDE_BY_ZERO", e.getErrorClass());
    assertThrows(QuiverArithmeticException.class, () -> c.toLocalIterator(divide));
    // The session is still usable after its errors.
    assertEquals(3, c.collect(df(Range.of(0, 3, 1, 1))).rows().size());
  }

  @Test
  void settingsChangedOnTheClientReachTheDriverBeforeTheNextCall() {
    SessionServer server = server();
    RemoteSessionBackend c = client(server, QuiverConf.CASE_SENSITIVE, "true");
    LogicalPlan upper = df(new Project(List.of(UnresolvedAttribute.of("ID")), df(Range.of(0, 3, 1, 1))));
    assertThrows(AnalysisException.class, () -> c.analyze(upper));
    c.conf().set(QuiverConf.CASE_SENSITIVE, "false");
    assertEquals(3, c.collect(upper).rows().size());
    assertEquals("false", engines.get(0).conf().get(QuiverConf.CASE_SENSITIVE));
    c.conf().unset(QuiverConf.CASE_SENSITIVE);
    c.tableNames();
    assertFalse(engines.get(0).conf().contains(QuiverConf.CASE_SENSITIVE));
  }

  @Test
  void largePlansAndLargeResultsPassTheDefaultMessageLimit() {
    SessionServer server = server();
    RemoteSessionBackend c = client(server);
    // About 10 MB of rows inside the plan itself, and about 20 MB of result.
    StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType);
    String text = "x".repeat(100);
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < 100_000; i++) {
      rows.add(List.of(i, text));
    }
    ResultRows big = c.collect(df(LocalRelation.of(schema, rows)));
    assertEquals(100_000, big.rows().size());
    assertEquals(4999950000L, sumOfIds(big.rows().iterator()));

    LogicalPlan wide = df(new Project(List.of(UnresolvedAttribute.of("id"), new Alias(
        new dev.quiver.planner.expressions.UnresolvedFunction("repeat", List.of(Literal.of("y"), Literal.of(200)), false),
        "pad")), df(Range.of(0, 100_000, 1, 3))));
    ResultRows r = c.collect(wide);
    assertEquals(100_000, r.rows().size());
    assertEquals(4999950000L, sumOfIds(r.rows().iterator()));
  }

  @Test
  void aWrongOrMissingSecretIsRefusedWithAClearMessage() {
    SessionServer server = server(Optional.of("s3cret"), Duration.ofMinutes(5));
    QuiverException missing = assertThrows(QuiverException.class, () -> client(server));
    assertTrue(missing.getMessage().contains("requires a shared secret"), missing.getMessage());
    assertTrue(missing.getMessage().contains("quiver.authenticate.secret"), missing.getMessage());
    QuiverException wrong = assertThrows(QuiverException.class,
        () -> client(server, "quiver.authenticate.secret", "guess"));
    assertTrue(wrong.getMessage().contains("does not match"), wrong.getMessage());
    RemoteSessionBackend ok = client(server, "quiver.authenticate.secret", "s3cret");
    assertEquals(5, ok.collect(df(Range.of(0, 5, 1, 1))).rows().size());
    assertFalse(engines.get(0).conf().contains("quiver.authenticate.secret"), "the secret never reaches the driver");
  }

  @Test
  void aDriverThatIsNotRunningIsReportedPlainly() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int freePort = port;
    QuiverException e = assertThrows(QuiverException.class, () -> new RemoteSessionBackend(
        MasterUrl.parse("quiver://127.0.0.1:" + freePort), new QuiverConf(Map.of()), "t"));
    assertEquals("Cannot reach the Quiver driver at quiver://127.0.0.1:" + freePort + " (connection refused). Is it "
        + "running? Start one with bin/quiver-driver or bin/start-cluster.", e.getMessage());
  }

  @Test
  void aDriverThatGoesAwayMidSessionIsReportedPlainly() {
    SessionServer server = server();
    RemoteSessionBackend c = client(server);
    String url = server.url();
    server.close();
    QuiverException e = assertThrows(QuiverException.class, () -> c.collect(df(Range.of(0, 1, 1, 1))));
    assertTrue(e.getMessage().startsWith("Cannot reach the Quiver driver at " + url + " ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("Is it running? Start one with bin/quiver-driver or bin/start-cluster."),
        e.getMessage());
    c.stop();
  }

  @Test
  void stoppingOneSessionLeavesTheOthersRunning() {
    SessionServer server = server();
    RemoteSessionBackend a = client(server);
    RemoteSessionBackend b = client(server);
    assertEquals(2, server.service().sessionIds().size());
    a.stop();
    assertTrue(engines.get(0).appInfo() != null);
    assertEquals(1, server.service().sessionIds().size());
    assertEquals(10, b.collect(df(Range.of(0, 10, 1, 2))).rows().size());
    QuiverException stopped = assertThrows(QuiverException.class, () -> a.collect(df(Range.of(0, 1, 1, 1))));
    assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
  }

  @Test
  void aClientThatStopsReadingALargeResultCanStillStop() {
    SessionServer server = server();
    RemoteSessionBackend a = client(server);
    RemoteSessionBackend b = client(server);
    LogicalPlan wide = df(new Project(List.of(UnresolvedAttribute.of("id"), new Alias(
        new dev.quiver.planner.expressions.UnresolvedFunction("repeat", List.of(Literal.of("z"), Literal.of(500)),
            false), "pad")), df(Range.of(0, 200_000, 1, 2))));
    Iterator<Object[]> rows = a.toLocalIterator(wide);
    assertEquals(0L, rows.next()[0]);
    // The driver is now waiting for this client to read on; stopping must not wait for that.
    a.stop();
    await(() -> server.service().sessionIds().size() == 1);
    assertEquals(10, b.collect(df(Range.of(0, 10, 1, 2))).rows().size());
  }

  @Test
  void concurrentSessionsGetTheirOwnAnswers() throws Exception {
    SessionServer server = server();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < 3; t++) {
      long n = 1000L * (t + 1);
      RemoteSessionBackend c = client(server);
      Thread thread = new Thread(() -> {
        try {
          for (int i = 0; i < 5; i++) {
            assertEquals(n * (n - 1) / 2, sumOfIds(c.collect(df(Range.of(0, n, 1, 3))).rows().iterator()));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void aSessionWhoseClientVanishesIsClosed() {
    SessionServer server = server();
    RemoteSessionBackend c = client(server);
    String id = server.service().sessionIds().iterator().next();
    c.tableNames();
    // The client attaches on its own in the background; once the driver has its stream, the client process
    // "dies": its connection closes without a CloseSession call. (Closed before the driver saw the stream at
    // all, the session would wait out the idle timeout, as one whose client never attached.)
    await(() -> server.service().isAttached(id));
    closeChannelOf(c);
    await(() -> !server.service().sessionIds().contains(id));
  }

  @Test
  void aSessionThatNeverAttachesIsClosedWhenIdle() {
    SessionServer server = server(Optional.empty(), Duration.ofMillis(200));
    ManagedChannel channel = Rpc.channel("127.0.0.1", server.port(), Optional.empty());
    try {
      String id = SessionServiceGrpc.newBlockingStub(channel).openSession(
          OpenSessionRequest.newBuilder().setAppName("idle").putSettings(QuiverConf.LOCAL_DIR,
              dir.resolve("scratch").toString()).build()).getSessionId();
      assertTrue(server.service().sessionIds().contains(id));
      await(() -> !server.service().sessionIds().contains(id));
    } finally {
      Rpc.close(channel);
    }
  }

  @Test
  void aSessionAnotherClientUsesAfterItWasClosedGivesAClearError() {
    SessionServer server = server();
    RemoteSessionBackend c = client(server);
    server.service().close();
    QuiverException e = assertThrows(QuiverException.class, () -> c.collect(df(Range.of(0, 1, 1, 1))));
    assertEquals("SESSION_NOT_FOUND", e.getErrorClass());
  }

  private static void closeChannelOf(RemoteSessionBackend c) {
    try {
      var f = RemoteSessionBackend.class.getDeclaredField("channel");
      f.setAccessible(true);
      ((ManagedChannel) f.get(c)).shutdownNow();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Polls for a condition the server reaches asynchronously; fails after a generous bound, asserts no timing. */
  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 30 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
