package dev.quiver.planner.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.analysis.Analyzer;
import dev.quiver.planner.explain.PhysicalPlanPrinter;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.parser.SqlParser;
import dev.quiver.planner.physical.PhysicalPlanner;
import dev.quiver.planner.physical.PlanningSettings;
import dev.quiver.planner.physical.ScanPlanning;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which map stage of a shuffled join records its keys and which is filtered by them, and the order the
 * job's stages then run in. Joins are all shuffled here (no broadcast threshold).
 */
class JoinKeyFiltersTest {
  private static final StructType SALES = new StructType().add("region", DataTypes.StringType)
      .add("amount", DataTypes.LongType);

  private static FileSource table(String name, long bytes) {
    return new FileSource("parquet", List.of("/data/" + name), Map.of(), SALES, new StructType(),
        List.of(new FileSource.SourceFile("file:/data/" + name + "/part-0.parquet", bytes, List.of())));
  }

  private static final Map<String, FileSource> TABLES = Map.of("sales", table("sales", 1000), "returns",
      table("returns", 1000), "late", table("late", 1000), "smallreturns", table("smallreturns", 150), "dim",
      table("dim", 100));

  private static JoinKeyFilters plan(String sql) {
    return plan(sql, -1);
  }

  private static JoinKeyFilters plan(String sql, long broadcastBytes) {
    LogicalPlan parsed = SqlParser.parseQuery(sql, name -> FileRelation.of(TABLES.get(name)));
    LogicalPlan analyzed = new Analyzer().analyze(parsed);
    StageDag dag = StagePlanner.cut(new PhysicalPlanner(new PlanningSettings(2, 4, broadcastBytes, 64L << 20),
        ScanPlanning.ONE_TASK_PER_FILE).plan(analyzed), true);
    return JoinKeyFilters.plan(dag);
  }

  /** The map stage that scans {@code table}. */
  private static StageId scanOf(JoinKeyFilters f, String table) {
    return f.dag().stages().stream()
        .filter(s -> s.kind() == StageKind.SHUFFLE_MAP && s.fragment().toString().contains("/data/" + table + "/"))
        .map(Stage::id).findFirst().orElseThrow();
  }

  private static int position(JoinKeyFilters f, StageId id) {
    List<Stage> stages = f.dag().stages();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id);
  }

  private static void filters(JoinKeyFilters f, String recording, String filtered) {
    StageId rec = scanOf(f, recording);
    StageId fil = scanOf(f, filtered);
    assertEquals(Map.of(fil, rec), f.keysFrom(), () -> PhysicalPlanPrinter.print(f.dag()));
    assertTrue(position(f, rec) < position(f, fil), "the recording stage runs first");
    // Stages run at the same time unless one waits for the other: the filtered stage must wait for the keys.
    assertTrue(f.dag().prerequisites(f.dag().stage(fil)).contains(rec), "the filtered stage runs after it");
    assertEquals(f.dag().result(), f.dag().stages().get(f.dag().stages().size() - 1));
  }

  @Test
  void theSideThatFiltersItsRowsRecordsForTheOther() {
    // Sales is scanned first in the stage order; the filtered returns must now run before it.
    filters(plan("SELECT * FROM sales s JOIN (SELECT * FROM returns WHERE amount > 5) r ON s.region = r.region"),
        "returns", "sales");
    filters(plan("SELECT * FROM (SELECT * FROM sales WHERE amount > 5) s JOIN returns r ON s.region = r.region"),
        "sales", "returns");
  }

  @Test
  void aSideJoinedWithAFilteredBroadcastRecords() {
    // TPC-H Q10's shape: the customers meet one quarter's orders through a broadcast join, so that side keeps
    // few keys though its own stage has no filter. It records even though the join builds the other side.
    JoinKeyFilters f = plan("SELECT * FROM (SELECT s.region, s.amount FROM sales s JOIN (SELECT * FROM dim "
        + "WHERE amount > 5) d ON s.amount = d.amount) x JOIN smallreturns r ON x.region = r.region", 120);
    String printed = PhysicalPlanPrinter.print(f.dag());
    assertTrue(printed.contains("BroadcastHashJoin")
        && printed.matches("(?s).*ShuffledHashJoin [^\\n]*BuildRight.*"), printed);
    filters(f, "sales", "smallreturns");
  }

  @Test
  void aPreservedSideOnlyRecords() {
    String filteredReturns = "(SELECT * FROM returns WHERE amount > 5)";
    filters(plan("SELECT * FROM sales s LEFT JOIN " + filteredReturns + " r ON s.region = r.region"),
        "sales", "returns");
    filters(plan("SELECT * FROM sales s LEFT ANTI JOIN " + filteredReturns + " r ON s.region = r.region"),
        "sales", "returns");
    filters(plan("SELECT * FROM " + filteredReturns + " r RIGHT JOIN sales s ON s.region = r.region"),
        "sales", "returns");
    assertEquals(Map.of(), plan("SELECT * FROM sales s FULL JOIN " + filteredReturns
        + " r ON s.region = r.region").keysFrom());
  }

  @Test
  void aSemiJoinsOutputRecordsThroughItsMapStage() {
    // TPC-H Q21's shape: the anti join's left side is the semi join's output on the same key, not a map stage
    // of its own; the semi join's left map stage holds every key it can have, so it records for the anti join.
    JoinKeyFilters f = plan("SELECT * FROM (SELECT * FROM sales WHERE amount > 5) s LEFT SEMI JOIN returns r "
        + "ON s.region = r.region LEFT ANTI JOIN late l ON s.region = l.region");
    StageId sales = scanOf(f, "sales");
    assertEquals(Map.of(scanOf(f, "returns"), sales, scanOf(f, "late"), sales), f.keysFrom(),
        () -> PhysicalPlanPrinter.print(f.dag()));
    assertTrue(position(f, sales) < position(f, scanOf(f, "late")));
  }

  @Test
  void aStageReadTwiceIsNotFiltered() {
    // One aggregate of sales, reused by two joins: filtering it for one would lose rows of the other.
    String totals = "(SELECT region, sum(amount) AS total FROM sales GROUP BY region)";
    JoinKeyFilters f = plan("SELECT * FROM (SELECT * FROM returns WHERE amount > 5) r JOIN " + totals
        + " a ON r.region = a.region JOIN " + totals + " b ON a.region = b.region");
    for (StageId filtered : f.keysFrom().keySet()) {
      String read = "ShuffleReadExec[stageId=" + filtered.id() + ",";
      long readers = f.dag().stages().stream()
          .mapToLong(s -> s.fragment().toString().split(java.util.regex.Pattern.quote(read), -1).length - 1)
          .sum();
      assertEquals(1, readers, filtered + " is read by one join only");
    }
  }
}
