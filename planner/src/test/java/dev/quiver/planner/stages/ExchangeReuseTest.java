package dev.quiver.planner.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.analysis.Analyzer;
import dev.quiver.planner.explain.PhysicalPlanPrinter;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.parser.SqlParser;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.CanonicalPlans;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PhysicalPlanner;
import dev.quiver.planner.physical.PhysicalPlans;
import dev.quiver.planner.physical.PlanningSettings;
import dev.quiver.planner.physical.ScanPlanning;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exchange reuse at stage cutting: an exchange whose canonical plan equals one already cut reads that
 * exchange's stage; anything that changes the rows (a filter, a literal, the files, the column order) keeps
 * its own stage. The SQL below is parsed and analyzed twice over, so every subquery carries fresh ids.
 */
class ExchangeReuseTest {
  private static final StructType SALES = new StructType().add("region", DataTypes.StringType)
      .add("product", DataTypes.StringType).add("amount", DataTypes.LongType);

  private static FileSource files(String dir, int count) {
    List<FileSource.SourceFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(new FileSource.SourceFile("file:/data/" + dir + "/part-" + i + ".parquet", 1000 + i, List.of()));
    }
    return new FileSource("parquet", List.of("/data/" + dir), Map.of(), SALES, new StructType(), files);
  }

  private static final Map<String, FileSource> TABLES = Map.of("sales", files("sales", 3), "returns",
      files("returns", 3), "sales_copy", files("sales_copy", 3), "regions",
      new FileSource("parquet", List.of("/data/regions"), Map.of(), new StructType().add("region",
          DataTypes.StringType).add("manager", DataTypes.StringType), new StructType(),
          List.of(new FileSource.SourceFile("file:/data/regions/part-0.parquet", 100, List.of()))));

  private static PhysicalPlan physical(String sql, long broadcastThreshold) {
    LogicalPlan parsed = SqlParser.parseQuery(sql, name -> FileRelation.of(TABLES.get(name)));
    LogicalPlan analyzed = new Analyzer().analyze(parsed);
    return new PhysicalPlanner(new PlanningSettings(2, 4, broadcastThreshold, 64L << 20),
        ScanPlanning.ONE_TASK_PER_FILE).plan(analyzed);
  }

  private static StageDag stages(String sql, boolean reuse) {
    return StagePlanner.cut(physical(sql, -1), reuse);
  }

  private static long count(StageDag dag, StageKind kind) {
    return dag.stages().stream().filter(s -> s.kind() == kind).count();
  }

  private static String totals(String filter) {
    return "(SELECT region, sum(amount) AS total FROM sales " + filter + " GROUP BY region)";
  }

  @Test
  void aSelfJoinOfOneAggregateComputesItOnce() {
    String sql = "SELECT a.region, a.total, b.total FROM " + totals("") + " a JOIN " + totals("")
        + " b ON a.region = b.region";
    StageDag without = stages(sql, false);
    StageDag with = stages(sql, true);
    assertEquals(2, count(without, StageKind.SHUFFLE_MAP), () -> PhysicalPlanPrinter.print(without));
    assertEquals(1, count(with, StageKind.SHUFFLE_MAP), () -> PhysicalPlanPrinter.print(with));

    // The consumer reads the one map stage twice, each read in its own side's attributes; it lists it once.
    Stage result = with.result();
    List<ShuffleReadExec> reads = PhysicalPlans.collectNodes(result.fragment()).stream()
        .filter(ShuffleReadExec.class::isInstance).map(ShuffleReadExec.class::cast).toList();
    assertEquals(2, reads.size());
    assertEquals(reads.get(0).stageId(), reads.get(1).stageId());
    assertNotEquals(reads.get(0).output(), reads.get(1).output());
    assertEquals(List.of(new StageId(reads.get(0).stageId())), result.parents());
    assertEquals(with.stage(new StageId(reads.get(0).stageId())).fragment().output().size(),
        reads.get(1).output().size());
  }

  @Test
  void differentFiltersLiteralsFilesOrColumnOrdersAreNotReused() {
    List<String> others = List.of(
        totals("WHERE amount > 20"),
        "(SELECT region, sum(amount) AS total FROM sales WHERE product = 'b' GROUP BY region)",
        "(SELECT region, sum(amount) AS total FROM sales_copy WHERE amount > 10 GROUP BY region)",
        "(SELECT region, max(amount) AS total FROM sales WHERE amount > 10 GROUP BY region)");
    for (String other : others) {
      String sql = "SELECT a.region, a.total, b.total FROM " + totals("WHERE amount > 10") + " a JOIN " + other
          + " b ON a.region = b.region";
      StageDag dag = stages(sql, true);
      assertEquals(2, count(dag, StageKind.SHUFFLE_MAP), () -> other + "\n" + PhysicalPlanPrinter.print(dag));
    }
    // Group keys in another order: the map stages' rows have their columns in another order.
    String swapped = "SELECT * FROM (SELECT region, product, sum(amount) AS s FROM sales GROUP BY region, product) a "
        + "UNION ALL SELECT * FROM (SELECT product, region, sum(amount) AS s FROM sales GROUP BY product, region) b";
    assertEquals(2, count(stages(swapped, true), StageKind.SHUFFLE_MAP));
    String same = "SELECT * FROM (SELECT region, product, sum(amount) AS s FROM sales GROUP BY region, product) a "
        + "UNION ALL SELECT * FROM (SELECT region, product, sum(amount) AS t FROM sales GROUP BY region, product) b";
    assertEquals(1, count(stages(same, true), StageKind.SHUFFLE_MAP));
  }

  @Test
  void aBranchThatDropsTheGroupKeyStillReusesThePartialAggregate() {
    // The second aggregate outputs only the sum; its map side groups and sums exactly as the first's.
    String sql = "SELECT a.region, a.total, m.top FROM " + totals("") + " a CROSS JOIN "
        + "(SELECT max(t) AS top FROM (SELECT sum(amount) AS t FROM sales GROUP BY region)) m";
    StageDag with = stages(sql, true);
    assertEquals(count(stages(sql, false), StageKind.SHUFFLE_MAP) - 1, count(with, StageKind.SHUFFLE_MAP),
        () -> PhysicalPlanPrinter.print(with));
  }

  @Test
  void aBroadcastOfTheSameRowsIsReused() {
    String sql = "SELECT s.amount, r1.manager, r2.manager FROM sales s JOIN regions r1 ON s.region = r1.region "
        + "JOIN regions r2 ON s.product = r2.region";
    StageDag with = StagePlanner.cut(physical(sql, 10L << 20), true);
    StageDag without = StagePlanner.cut(physical(sql, 10L << 20), false);
    assertEquals(2, count(without, StageKind.BROADCAST), () -> PhysicalPlanPrinter.print(without));
    assertEquals(1, count(with, StageKind.BROADCAST), () -> PhysicalPlanPrinter.print(with));
    long reads = PhysicalPlans.collectNodes(with.result().fragment()).stream()
        .filter(BroadcastReadExec.class::isInstance).count();
    assertEquals(2, reads);
  }

  @Test
  void exchangesAboveAReusedOneAreReusedToo() {
    // Broadcasts off: each side's join shuffles both inputs, then the aggregate shuffles again.
    String joined = "(SELECT s.region, count(*) AS c FROM sales s JOIN returns r ON s.product = r.product "
        + "GROUP BY s.region)";
    String sql = "SELECT * FROM " + joined + " a UNION ALL SELECT * FROM " + joined + " b";
    StageDag without = stages(sql, false);
    StageDag with = stages(sql, true);
    assertEquals(6, count(without, StageKind.SHUFFLE_MAP), () -> PhysicalPlanPrinter.print(without));
    assertEquals(3, count(with, StageKind.SHUFFLE_MAP), () -> PhysicalPlanPrinter.print(with));
  }

  @Test
  void canonicalFormsIgnoreIdsAndNamesButNotValues() {
    String a = "SELECT region AS r, amount + 1 AS x FROM sales WHERE amount > 10";
    String sameButNames = "SELECT region AS q, amount + 1 AS y FROM sales WHERE amount > 10";
    String otherLiteral = "SELECT region AS r, amount + 2 AS x FROM sales WHERE amount > 10";
    String otherOrder = "SELECT amount + 1 AS x, region AS r FROM sales WHERE amount > 10";
    PhysicalPlan first = CanonicalPlans.of(physical(a, -1));
    assertEquals(first, CanonicalPlans.of(physical(a, -1)));
    assertEquals(first, CanonicalPlans.of(physical(sameButNames, -1)));
    assertNotEquals(first, CanonicalPlans.of(physical(otherLiteral, -1)));
    assertNotEquals(first, CanonicalPlans.of(physical(otherOrder, -1)));
  }

  @Test
  void explainDrawsAReusedStageOnceAndNamesItWhereItIsReadAgain() {
    String sql = "SELECT a.region, a.total, b.total FROM " + totals("") + " a JOIN " + totals("")
        + " b ON a.region = b.region";
    StageDag dag = stages(sql, true);
    String text = PhysicalPlanPrinter.print(dag);
    int mapStage = dag.stages().get(0).id().id();
    assertEquals(1, text.split("FileScan", -1).length - 1, text);
    assertTrue(text.contains("ReusedExchange [region#"), text);
    assertTrue(text.contains("], Exchange hashpartitioning(region#"), text);
    assertTrue(text.contains("<- stage " + mapStage + "'s output, read again by stage " + dag.result().id().id()),
        text);
    String off = PhysicalPlanPrinter.print(stages(sql, false));
    assertFalse(off.contains("ReusedExchange"), off);
    assertEquals(2, off.split("FileScan", -1).length - 1, off);
  }
}
