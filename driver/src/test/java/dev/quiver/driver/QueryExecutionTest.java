package dev.quiver.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.stages.StageKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryExecutionTest {
  @TempDir
  Path dir;
  private LocalRuntime runtime;

  @BeforeEach
  void start() {
    runtime = new LocalRuntime(new QuiverConf(Map.of(QuiverConf.LOCAL_DIR, dir.toString(),
        QuiverConf.WAREHOUSE_DIR, dir.resolve("wh").toString(), QuiverConf.SESSION_TIME_ZONE, "UTC")),
        MasterUrl.parse("local[2]"), "qe-test");
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  /** {@code range(0, 100, 1, 4).groupBy(id % 3).count()}: a map stage and a result stage. */
  private static LogicalPlan grouped() {
    BinaryArithmetic key = new BinaryArithmetic(ArithmeticOp.REMAINDER, UnresolvedAttribute.of("id"),
        Literal.of(3L));
    return new PlanIdMarker(2, new Aggregate(List.of(key), List.of(new Alias(key, "k"), new Alias(new AggregateCall(
        AggregateFunction.COUNT, List.of(Literal.of(1)), false, false), "count")),
        new PlanIdMarker(1, Range.of(0, 100, 1, 4))));
  }

  @Test
  void extendedExplainHasTheFourSectionsInOrder() {
    String text = new QueryExecution(runtime, grouped()).explainString(true);
    int parsed = text.indexOf("== Parsed Logical Plan ==");
    int analyzed = text.indexOf("== Analyzed Logical Plan ==");
    int optimized = text.indexOf("== Optimized Logical Plan ==");
    int physical = text.indexOf("== Physical Plan ==");
    assertTrue(parsed == 0 && parsed < analyzed && analyzed < optimized && optimized < physical, text);
    // The analyzed section starts with the output columns and their types.
    String afterAnalyzed = text.substring(analyzed).split("\n")[1];
    assertEquals("k: bigint, count: bigint", afterAnalyzed);
  }

  @Test
  void thePhysicalPlanMarksStageBoundaries() {
    QueryExecution qe = new QueryExecution(runtime, grouped());
    String text = qe.explainString(false);
    assertTrue(text.startsWith("== Physical Plan =="), text);
    assertFalse(text.contains("== Parsed Logical Plan =="), text);
    assertTrue(text.contains("<- stage boundary: stage 0 (4 tasks) writes, stage 1 reads"), text);
    assertTrue(text.contains("*(0) "), text);
    assertTrue(text.contains("*(1) "), text);
    assertEquals(2, qe.stages().stages().size());
    assertEquals(StageKind.SHUFFLE_MAP, qe.stages().stages().get(0).kind());
    assertEquals(StageKind.RESULT, qe.stages().result().kind());
  }

  @Test
  void explainIsStable() {
    String a = new QueryExecution(runtime, grouped()).explainString(false);
    String b = new QueryExecution(runtime, grouped()).explainString(false);
    assertEquals(a.replaceAll("#\\d+", "#n"), b.replaceAll("#\\d+", "#n"));
  }

  @Test
  void eachStepIsComputedOnce() {
    QueryExecution qe = new QueryExecution(runtime, grouped());
    assertSame(qe.analyzed(), qe.analyzed());
    assertSame(qe.optimized(), qe.optimized());
    assertSame(qe.physical(), qe.physical());
    assertSame(qe.stages(), qe.stages());
    assertEquals(List.of("k", "count"), qe.output().stream().map(a -> a.name()).toList());
    assertEquals(List.of(), qe.cachedRelations());
  }
}
