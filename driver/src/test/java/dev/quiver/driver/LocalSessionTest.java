package dev.quiver.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Sort;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process engine end to end on small data, plans built as the API builds them. */
class LocalSessionTest {
  private static final AtomicLong PLAN_IDS = new AtomicLong(1000);
  private static final StructType PEOPLE = new StructType().add("id", DataTypes.LongType)
      .add("name", DataTypes.StringType).add("dept", DataTypes.StringType);

  @TempDir
  Path dir;
  private final List<LocalSession> sessions = new ArrayList<>();

  @AfterEach
  void stopSessions() {
    // Stopping closes the root allocator: a leaked buffer fails the test (quiver.memory.leakCheck=fail).
    sessions.forEach(LocalSession::stop);
  }

  private LocalSession session(String master, String... settings) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(QuiverConf.WAREHOUSE_DIR, dir.resolve("warehouse").toString());
    conf.put(QuiverConf.LOCAL_DIR, dir.resolve("scratch").toString());
    conf.put(QuiverConf.SESSION_TIME_ZONE, "UTC");
    for (int i = 0; i < settings.length; i += 2) {
      conf.put(settings[i], settings[i + 1]);
    }
    LocalSession s = new LocalSession(new QuiverConf(conf), MasterUrl.parse(master), "local-session-test");
    sessions.add(s);
    return s;
  }

  private static LogicalPlan df(LogicalPlan node) {
    return new PlanIdMarker(PLAN_IDS.incrementAndGet(), node);
  }

  private static LogicalPlan people() {
    return df(LocalRelation.of(PEOPLE, List.of(
        List.of(1L, "Ann", "eng"), List.of(2L, "Bob", "ops"), List.of(3L, "Cid", "eng"),
        List.of(4L, "Dee", "ops"), List.of(5L, "Eve", "eng"))));
  }

  private static Expression col(String name) {
    return UnresolvedAttribute.of(name);
  }

  private static LogicalPlan count(LogicalPlan plan) {
    return df(new Aggregate(List.of(), List.of(new Alias(new AggregateCall(AggregateFunction.COUNT,
        List.of(Literal.of(1)), false, false), "count")), plan));
  }

  private static LogicalPlan orderBy(LogicalPlan plan, String column) {
    return df(new Sort(List.of(SortOrder.asc(col(column))), true, plan));
  }

  private static List<List<Object>> rows(ResultRows r) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] row : r.rows()) {
      out.add(Arrays.asList(row));
    }
    return out;
  }

  private static long countOf(LocalSession s, LogicalPlan plan) {
    return (Long) s.collect(count(plan)).rows().get(0)[0];
  }

  @Test
  void collectFilterAndSort() {
    LocalSession s = session("local[2]");
    LogicalPlan plan = orderBy(df(new Filter(new Comparison(ComparisonOp.GT, col("id"), Literal.of(2L)), people())),
        "name");
    ResultRows r = s.collect(plan);
    assertEquals(PEOPLE, r.schema());
    assertEquals(List.of(List.of(3L, "Cid", "eng"), List.of(4L, "Dee", "ops"), List.of(5L, "Eve", "eng")), rows(r));
  }

  @Test
  void countAndGroupByOverSeveralPartitions() {
    LocalSession s = session("local[3]");
    assertEquals(5L, countOf(s, people()));
    assertEquals(1000L, countOf(s, df(Range.of(0, 1000, 1, 4))));
    LogicalPlan byDept = orderBy(df(new Aggregate(List.of(col("dept")), List.of(col("dept"),
        new Alias(new AggregateCall(AggregateFunction.COUNT, List.of(Literal.of(1)), false, false), "n")),
        people())), "dept");
    assertEquals(List.of(List.of("eng", 3L), List.of("ops", 2L)), rows(s.collect(byDept)));
  }

  @Test
  void aFinishedJobsShuffleFilesAreDeletedAndStoppingDeletesTheScratchDirectory() throws Exception {
    LocalSession s = session("local[3]");
    Path scratch = dir.resolve("scratch");
    LogicalPlan perDept = df(new Aggregate(List.of(col("dept")), List.of(col("dept"), new Alias(
        new AggregateCall(AggregateFunction.COUNT, List.of(Literal.of(1)), false, false), "n")), people()));
    assertEquals(2, s.collect(perDept).rows().size());
    // The files go in the background, after the rows are back.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (jobDirectories(scratch) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, jobDirectories(scratch));
    s.stop();
    try (Stream<Path> left = Files.list(scratch)) {
      assertEquals(List.of(), left.toList());
    }
  }

  /** Jobs' shuffle directories under {@code scratch}; counted as one while files vanish mid-walk. */
  private static long jobDirectories(Path scratch) throws IOException {
    try (Stream<Path> all = Files.walk(scratch)) {
      return all.filter(p -> p.getFileName().toString().startsWith("job") && Files.isDirectory(p)).count();
    } catch (UncheckedIOException e) {
      return 1;
    }
  }

  @Test
  void rangeWithNegativeStepInOrder() {
    LocalSession s = session("local[2]");
    ResultRows r = s.collect(df(Range.of(10, 0, -3, 3)));
    assertEquals(List.of(List.of(10L), List.of(7L), List.of(4L), List.of(1L)), rows(r));
  }

  @Test
  void toLocalIteratorReturnsEveryRow() {
    LocalSession s = session("local[2]");
    Iterator<Object[]> it = s.toLocalIterator(df(Range.of(0, 25, 1, 4)));
    long sum = 0;
    int n = 0;
    while (it.hasNext()) {
      sum += (Long) it.next()[0];
      n++;
    }
    assertEquals(25, n);
    assertEquals(300, sum);
    assertFalse(it.hasNext());
  }

  @Test
  void aUserErrorInATaskReachesTheCallerAsItself() {
    LocalSession s = session("local[2]", QuiverConf.TASK_MAX_FAILURES, "3");
    LogicalPlan divide = df(new Project(List.of(new Alias(new BinaryArithmetic(ArithmeticOp.DIVIDE, col("id"),
        new BinaryArithmetic(ArithmeticOp.SUBTRACT, col("id"), col("id"))), "q")), people()));
    QuiverArithmeticException e = assertThrows(QuiverArithmeticException.class, () -> s.collect(divide));
    assertEquals("DIVIDE_BY_ZERO", e.getErrorClass());
    // The session still works afterwards.
    assertEquals(5L, countOf(s, people()));
  }

  @Test
  void writeThenReadParquetAndCsv() {
    LocalSession s = session("local[2]");
    String out = dir.resolve("out/people.parquet").toString();
    s.write(people(), new WriteRequest("parquet", null, Map.of(), List.of(), out));
    FileRelation back = FileRelation.of(s.resolveFiles("parquet", List.of(out), Map.of(), null));
    assertEquals(rows(s.collect(orderBy(people(), "id"))), rows(s.collect(orderBy(df(back), "id"))));

    String csv = dir.resolve("out/people.csv").toString();
    s.write(people(), new WriteRequest("csv", "overwrite", Map.of("header", "true"), List.of(), csv));
    FileRelation csvBack = FileRelation.of(s.resolveFiles("csv", List.of(csv),
        Map.of("header", "true", "inferSchema", "true"), null));
    assertEquals(List.of(List.of(1, "Ann", "eng"), List.of(2, "Bob", "ops")),
        rows(s.collect(orderBy(df(csvBack), "id"))).subList(0, 2));

    AnalysisException exists = assertThrows(AnalysisException.class,
        () -> s.write(people(), new WriteRequest("parquet", null, Map.of(), List.of(), out)));
    assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
    s.write(people(), new WriteRequest("parquet", "append", Map.of(), List.of(), out));
    assertEquals(10L, countOf(s, df(FileRelation.of(s.resolveFiles("parquet", List.of(out), Map.of(), null)))));
    s.write(people(), new WriteRequest("parquet", "ignore", Map.of(), List.of(), out));
    assertEquals(10L, countOf(s, df(FileRelation.of(s.resolveFiles("parquet", List.of(out), Map.of(), null)))));
  }

  @Test
  void partitionedWriteMakesHiveDirectories() throws IOException {
    LocalSession s = session("local[2]");
    String out = dir.resolve("by_dept").toString();
    s.write(people(), new WriteRequest("csv", null, Map.of("header", "true"), List.of("dept"), out));
    assertTrue(Files.isDirectory(Path.of(out, "dept=eng")));
    assertTrue(Files.isDirectory(Path.of(out, "dept=ops")));
    try (Stream<Path> files = Files.walk(Path.of(out, "dept=eng"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        assertTrue(Files.readString(f).startsWith("id,name\n"), "no partition column inside the file");
      }
    }
    FileRelation back = FileRelation.of(s.resolveFiles("csv", List.of(out), Map.of("header", "true"), null));
    ResultRows r = s.collect(orderBy(df(back), "name"));
    assertEquals(List.of("id", "name", "dept"), Arrays.asList(r.schema().fieldNames()));
    assertEquals(List.of("1", "Ann", "eng"), rows(r).get(0));
    AnalysisException e = assertThrows(AnalysisException.class, () -> s.write(people(),
        new WriteRequest("csv", "overwrite", Map.of(), List.of("nope"), out)));
    assertEquals("COLUMN_NOT_FOUND", e.getErrorClass());
  }

  @Test
  void writeWithoutAPath() {
    LocalSession s = session("local[1]");
    assertThrows(AnalysisException.class,
        () -> s.write(people(), new WriteRequest("parquet", null, Map.of(), List.of(), " ")));
  }

  @Test
  void saveAsTableAndTableAcrossSessions() {
    LocalSession s = session("local[2]");
    s.saveAsTable(people(), "Staff", new WriteRequest(null, null, Map.of(), List.of(), null));
    assertTrue(s.tableNames().contains("staff"));
    assertEquals(5L, countOf(s, s.table("staff")));
    assertEquals(5L, countOf(s, s.table("default.STAFF")));
    assertEquals(5L, countOf(s, s.table("spark_catalog.default.staff")));

    AnalysisException exists = assertThrows(AnalysisException.class,
        () -> s.saveAsTable(people(), "staff", new WriteRequest(null, null, Map.of(), List.of(), null)));
    assertEquals("TABLE_OR_VIEW_ALREADY_EXISTS", exists.getErrorClass());
    s.saveAsTable(people(), "staff", new WriteRequest(null, "append", Map.of(), List.of(), null));
    assertEquals(10L, countOf(s, s.table("staff")));
    s.saveAsTable(people(), "staff", new WriteRequest(null, "ignore", Map.of(), List.of(), null));
    assertEquals(10L, countOf(s, s.table("staff")));
    s.saveAsTable(people(), "staff", new WriteRequest(null, "overwrite", Map.of(), List.of(), null));
    assertEquals(5L, countOf(s, s.table("staff")));
    s.stop();
    sessions.remove(s);

    LocalSession again = session("local[1]");
    assertEquals(List.of(List.of(1L, "Ann", "eng")), rows(again.collect(
        df(new Filter(new Comparison(ComparisonOp.EQ, col("id"), Literal.of(1L)), again.table("staff"))))));
    AnalysisException missing = assertThrows(AnalysisException.class, () -> again.table("nope"));
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", missing.getErrorClass());
  }

  @Test
  void partitionedTablesKeepThePartitionColumnsLast() {
    LocalSession s = session("local[2]");
    s.saveAsTable(people(), "staff_by_dept", new WriteRequest("csv", null, Map.of("header", "true"),
        List.of("dept"), null));
    ResultRows r = s.collect(orderBy(s.table("staff_by_dept"), "id"));
    assertEquals(List.of("id", "name", "dept"), Arrays.asList(r.schema().fieldNames()));
    assertEquals(DataTypes.LongType, r.schema().apply("id").dataType(), "the saved schema, not re-inferred");
    assertEquals(List.of(1L, "Ann", "eng"), rows(r).get(0));
    AnalysisException e = assertThrows(AnalysisException.class, () -> s.saveAsTable(people(), "staff_by_dept",
        new WriteRequest("parquet", "append", Map.of(), List.of(), null)));
    assertTrue(e.getMessage().contains("csv"), e.getMessage());
  }

  @Test
  void tempViews() {
    LocalSession s = session("local[2]");
    s.createTempView("People", people(), false);
    assertEquals(5L, countOf(s, s.table("people")));
    assertEquals(5L, countOf(s, s.table("PEOPLE")));
    assertTrue(s.tableNames().contains("people"));
    AnalysisException dup = assertThrows(AnalysisException.class, () -> s.createTempView("people", people(), false));
    assertEquals("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", dup.getErrorClass());
    s.createTempView("people", df(Range.of(0, 3, 1, 1)), true);
    assertEquals(3L, countOf(s, s.table("people")));
    assertThrows(AnalysisException.class,
        () -> s.createTempView("bad", df(new Filter(col("no_such_column"), people())), false),
        "a view is analyzed when it is created");
    assertTrue(s.dropTempView("PEOPLE"));
    assertFalse(s.dropTempView("people"));
    assertThrows(AnalysisException.class, () -> s.table("people"));
  }

  @Test
  void aCachedPlanWithSeveralPartitionsIsReadInFull() {
    LocalSession s = session("local[2]");
    LogicalPlan plan = people(); // 5 rows in two partitions
    s.cache(plan, "MEMORY_AND_DISK");
    assertTrue(s.isCached(plan));
    assertEquals(5L, countOf(s, plan));
    assertEquals(5L, countOf(s, plan));
    assertEquals(15L, (Long) s.collect(df(new Aggregate(List.of(), List.of(new Alias(new AggregateCall(
        AggregateFunction.SUM, List.of(col("id")), false, false), "s")), plan))).rows().get(0)[0]);
  }

  @Test
  void aCacheIsMaterializedOnceAndThenServedFromMemory() throws IOException {
    Path csv = dir.resolve("cached.csv");
    StringBuilder sb = new StringBuilder("id,name\n");
    for (int i = 0; i < 200; i++) {
      sb.append(i).append(",name").append(i).append('\n');
    }
    Files.writeString(csv, sb.toString());
    // Small splits: the file is read by several tasks, so the cache has several partitions.
    LocalSession s = session("local[2]", QuiverConf.MAX_PARTITION_BYTES, "512", QuiverConf.OPEN_COST_IN_BYTES, "0");
    LogicalPlan plan = df(FileRelation.of(s.resolveFiles("csv", List.of(csv.toString()),
        Map.of("header", "true", "inferSchema", "true"), null)));
    s.cache(plan, "MEMORY_AND_DISK");
    s.cache(plan, "MEMORY_AND_DISK"); // idempotent
    assertFalse(s.explain(count(plan), false).contains("FileScan"),
        "the query plans over the cache: " + s.explain(count(plan), false));
    assertEquals(200L, countOf(s, plan));

    // The file is gone: only the cache can answer now.
    Files.delete(csv);
    assertEquals(200L, countOf(s, plan));
    LogicalPlan evens = df(new Filter(new Comparison(ComparisonOp.EQ, new BinaryArithmetic(ArithmeticOp.REMAINDER,
        col("id"), Literal.of(2)), Literal.of(0)), plan));
    assertEquals(100L, countOf(s, evens));
    String explained = s.explain(count(evens), true);
    assertTrue(explained.contains("InMemoryTableScan"), explained);

    assertTrue(s.uncache(plan));
    assertFalse(s.isCached(plan));
    assertThrows(QuiverException.class, () -> countOf(s, plan), "without the cache the file must be read again");
  }

  @Test
  void badSplitSizesAreNamedNotRawErrors() throws IOException {
    Path csv = Files.writeString(dir.resolve("few.csv"), "a\n1\n");
    for (String[] bad : new String[][] {{QuiverConf.MAX_PARTITION_BYTES, "0"}, {QuiverConf.MAX_PARTITION_BYTES, "-1"},
        {QuiverConf.OPEN_COST_IN_BYTES, "-4m"}}) {
      LocalSession s = session("local[1]", bad[0], bad[1]);
      LogicalPlan plan = df(FileRelation.of(s.resolveFiles("csv", List.of(csv.toString()), Map.of(), null)));
      QuiverException e = assertThrows(QuiverException.class, () -> s.collect(plan));
      assertEquals("INVALID_CONF_VALUE", e.getErrorClass());
      assertTrue(e.getMessage().contains(bad[0]) && e.getMessage().contains("'" + bad[1] + "'"), e.getMessage());
    }
  }

  @Test
  void clearCacheForgetsEveryCache() {
    LocalSession s = session("local[1]");
    LogicalPlan plan = people();
    s.cache(plan, "MEMORY_AND_DISK");
    assertEquals(5L, countOf(s, plan));
    s.clearCache();
    assertFalse(s.isCached(plan));
    assertFalse(s.explain(count(plan), false).contains("InMemoryTableScan"));
    assertEquals(5L, countOf(s, plan));
  }

  @Test
  void analysisErrorsComeFromAnalyze() {
    LocalSession s = session("local[1]");
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> s.analyze(df(new Project(List.of(col("salary")), people()))));
    assertTrue(e.getMessage().contains("salary"), e.getMessage());
  }

  @Test
  void aStoppedSessionRefusesWork() {
    LocalSession s = session("local[1]");
    s.stop();
    s.stop(); // idempotent
    QuiverException e = assertThrows(QuiverException.class, () -> s.collect(people()));
    assertTrue(e.getMessage().contains("stopped"), e.getMessage());
  }

  @Test
  void appInfo() {
    LocalSession s = session("local[3]");
    assertEquals("local-session-test", s.appInfo().appName());
    assertEquals("local[3]", s.appInfo().master());
    assertEquals(3, s.appInfo().defaultParallelism());
    assertTrue(s.appInfo().applicationId().startsWith("local-"));
  }
}
