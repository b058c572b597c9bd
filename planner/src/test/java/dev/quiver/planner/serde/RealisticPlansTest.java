package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.analysis.Analyzer;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PhysicalPlanner;
import dev.quiver.planner.physical.PlanningSettings;
import dev.quiver.planner.physical.ScanPlanning;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageDag;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.planner.stages.StagePlanner;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Plans as the engine really builds them: unresolved plans as a client would send them, the analyzer's
 * output, the physical planner's operators and every task of every stage, each through its wire form.
 */
class RealisticPlansTest {

  private static final Map<String, String> SETTINGS = Map.of("spark.sql.session.timeZone", "Europe/Lisbon",
      "spark.sql.ansi.enabled", "true");

  private static UnresolvedAttribute col(String name) {
    return UnresolvedAttribute.quoted(name);
  }

  private static Expression fn(String name, Expression... args) {
    return new UnresolvedFunction(name, List.of(args), false);
  }

  private static LocalRelation depts() {
    StructType schema = new StructType().add("dept", DataTypes.StringType).add("budget", DataTypes.LongType);
    return LocalRelation.of(schema, List.of(Arrays.asList("eng", 1_000_000L), Arrays.asList("ops", null)));
  }

  private static LocalRelation people() {
    StructType schema = new StructType().add("id", DataTypes.LongType, false).add("name", DataTypes.StringType)
        .add("age", DataTypes.IntegerType).add("dept", DataTypes.StringType)
        .add("salary", DataTypes.createDecimalType(10, 2)).add("born", DataTypes.DateType);
    return LocalRelation.of(schema, List.of(
        Arrays.asList(1L, "Ana", 34, "eng", new java.math.BigDecimal("5000.00"), 19000),
        Arrays.asList(2L, "Bo", 41, "ops", new java.math.BigDecimal("4200.50"), null),
        Arrays.asList(3L, "Chloé ✓", null, "eng", null, -3)));
  }

  /** Queries covering the API's shapes: filter + group + order + limit, joins, windows, unions, files, ranges. */
  static List<LogicalPlan> queries() {
    LogicalPlan people = new PlanIdMarker(1, people());
    LogicalPlan depts = new PlanIdMarker(2, depts());

    LogicalPlan grouped = new Limit(10, new Sort(List.of(SortOrder.asc(col("dept"))), true,
        new Aggregate(List.of(col("dept")), List.of(col("dept"), new Alias(fn("sum", col("salary")), "total"),
            fn("count", col("id")), fn("avg", col("age"))),
            new Filter(new Comparison(ComparisonOp.GT, col("age"), Literal.of(30)), people))));

    LogicalPlan joined = new Project(List.of(col("p.name"), col("d.budget"),
        new Alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, col("p.salary"), Literal.of(2)), "double_salary")),
        new Join(new SubqueryAlias("p", people), new SubqueryAlias("d", depts), JoinType.LEFT_OUTER,
            Optional.of(new Comparison(ComparisonOp.EQ, col("p.dept"), col("d.dept"))), List.of()));

    LogicalPlan using = new Join(people, depts, JoinType.INNER, Optional.empty(), List.of("dept"));

    LogicalPlan windowed = new Project(List.of(col("name"), new Alias(new WindowExpression(
        fn("row_number"), List.of(col("dept")), List.of(SortOrder.desc(col("salary"))), WindowFrame.DEFAULT_ORDERED),
        "rn"), new Alias(new WindowExpression(fn("sum", col("salary")), List.of(col("dept")), List.of(),
        WindowFrame.WHOLE_PARTITION), "dept_total")), people);

    LogicalPlan unioned = new Distinct(new Union(List.of(new Project(List.of(col("dept")), people),
        new Project(List.of(col("dept")), depts)), false, false));

    LogicalPlan convenience = new Drop(List.of("born"), List.of(), new WithColumnsRenamed(List.of("name"),
        List.of("who"), new WithColumns(List.of("band", "upper_name", "is_eng", "age_long"), List.of(
            new CaseWhen(List.of(new CaseWhen.Branch(new Comparison(ComparisonOp.LT, col("age"), Literal.of(35)),
                Literal.of("junior"))), Optional.of(Literal.of("senior"))),
            ScalarFunction.of("upper", col("name")),
            new In(col("dept"), List.of(Literal.of("eng"), Literal.of("rnd"))),
            new Cast(col("age"), DataTypes.LongType, true)), people)));

    LogicalPlan files = new Project(List.of(col("name"), col("year"), col("region")), new Filter(
        new Comparison(ComparisonOp.EQ, col("year"), Literal.of(2024)), FileRelation.of(Samples.fileSource())));

    LogicalPlan range = new Repartition(3, true, List.of(col("id")), new Filter(new Comparison(ComparisonOp.EQ,
        new BinaryArithmetic(ArithmeticOp.REMAINDER, col("id"), Literal.of(7L)), Literal.of(0L)),
        Range.of(0, 1000, 1, 4)));

    return List.of(grouped, joined, using, windowed, unioned, convenience, files, range);
  }

  @Test
  void everyQueryRoundTripsAtEveryStep() {
    int stages = 0;
    int tasks = 0;
    for (LogicalPlan query : queries()) {
      LogicalPlanSerdeTest.roundTrip(query);
      LogicalPlan analyzed = new Analyzer().analyze(query);
      assertTrue(analyzed.resolved(), () -> "not resolved: " + analyzed);
      LogicalPlanSerdeTest.roundTrip(analyzed);

      for (PlanningSettings settings : List.of(PlanningSettings.defaults(2),
          new PlanningSettings(2, 3, -1, 64L * 1024 * 1024))) {
        PhysicalPlan physical = new PhysicalPlanner(settings, ScanPlanning.ONE_TASK_PER_FILE).plan(analyzed);
        assertEquals(physical, PhysicalPlanSerde.fromBytes(PhysicalPlanSerde.toBytes(physical)));

        StageDag dag = StagePlanner.cut(physical);
        for (Stage stage : dag.stages()) {
          stages++;
          assertEquals(stage.fragment(), PhysicalPlanSerde.fromBytes(PhysicalPlanSerde.toBytes(stage.fragment())));
          for (int partition = 0; partition < stage.numPartitions(); partition++) {
            TaskDefinition task = TaskDefinition.of("job-7", stage, partition, 0, SETTINGS);
            TaskDefinition back = TaskSerde.fromBytes(TaskSerde.toBytes(task));
            assertEquals(task, back);
            tasks++;
          }
        }
      }
    }
    // The queries must exercise stage cutting, not just single-stage plans.
    assertTrue(stages > queries().size() * 2, "stages: " + stages);
    assertTrue(tasks > stages, "tasks: " + tasks);
  }

  @Test
  void theQueriesReachEveryStageKind() {
    Map<StageKind, Integer> kinds = new LinkedHashMap<>();
    for (LogicalPlan query : queries()) {
      LogicalPlan analyzed = new Analyzer().analyze(query);
      PhysicalPlan physical = new PhysicalPlanner(PlanningSettings.defaults(2), ScanPlanning.ONE_TASK_PER_FILE)
          .plan(analyzed);
      for (Stage s : StagePlanner.cut(physical).stages()) {
        kinds.merge(s.kind(), 1, Integer::sum);
      }
    }
    assertEquals(List.of(StageKind.values()).size(), kinds.size(), kinds.toString());
  }
}
