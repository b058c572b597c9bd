package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.analysis.Analyzer;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** End to end: analyzed DataFrame-like plans through every batch, and a second run that changes nothing. */
class OptimizerTest {
  private static final OptimizerContext CONTEXT =
      new OptimizerContext(new IntArithmeticEvaluator(), ZoneId.of("UTC"), 0L);

  private final FileSource orders = new FileSource("parquet", List.of("/orders"), Map.of(),
      StructType.fromDDL("o_id INT, o_cust INT, o_amount DOUBLE, o_note STRING"), StructType.fromDDL("year INT"),
      List.of(new FileSource.SourceFile("/orders/year=2023/part-0.parquet", 100, List.of(2023)),
          new FileSource.SourceFile("/orders/year=2024/part-0.parquet", 100, List.of(2024))));
  private final FileSource customers = new FileSource("parquet", List.of("/customers"), Map.of(),
      StructType.fromDDL("c_id INT, c_name STRING, c_region STRING"), new StructType(),
      List.of(new FileSource.SourceFile("/customers/part-0.parquet", 100, List.of())));

  private static UnresolvedAttribute col(String name) {
    return UnresolvedAttribute.of(name);
  }

  /** Optimizes, checks that optimizing the result again changes nothing, and returns the result. */
  private static LogicalPlan optimize(LogicalPlan analyzed) {
    LogicalPlan once = Optimizer.strict(CONTEXT).optimize(analyzed);
    assertEquals(once, Optimizer.strict(CONTEXT).optimize(once), "optimizing twice must change nothing");
    return once;
  }

  /** The scans of an analyzed plan, in pre-order. */
  private static List<FileRelation> scans(LogicalPlan plan) {
    List<FileRelation> out = new ArrayList<>();
    for (LogicalPlan node : Plans.collectNodes(plan)) {
      if (node instanceof FileRelation f) {
        out.add(f);
      }
    }
    return out;
  }

  private static AttributeReference attr(FileRelation scan, String name) {
    return TestPlans.col(scan, name);
  }

  @Test
  void filterJoinAggregateOverPartitionedScans() {
    LogicalPlan query = new Project(list(col("c_name"), col("total")),
        new Aggregate(list(col("c_name")),
            list(col("c_name"), new Alias(new UnresolvedFunction("sum", list(col("o_amount")), false), "total")),
            new Filter(and(new Comparison(ComparisonOp.GT, col("o_amount"), Literal.of(100.0)),
                eq(col("c_region"), lit("EU")), eq(col("year"), lit(2024))),
                new Join(FileRelation.of(orders), FileRelation.of(customers), JoinType.INNER,
                    Optional.of(eq(col("o_cust"), col("c_id"))), List.of()))));
    LogicalPlan analyzed = new Analyzer().analyze(query);
    FileRelation o = scans(analyzed).get(0);
    FileRelation c = scans(analyzed).get(1);
    AttributeReference oCust = attr(o, "o_cust");
    AttributeReference oAmount = attr(o, "o_amount");
    AttributeReference year = attr(o, "year");
    AttributeReference cId = attr(c, "c_id");
    AttributeReference cName = attr(c, "c_name");
    AttributeReference cRegion = attr(c, "c_region");
    Expression total = ((Aggregate) analyzed.child()).aggregateExpressions().get(1);

    LogicalPlan optimized = optimize(analyzed);

    // Filters pushed to each side and joined by inferred IsNotNull(key) filters; columns pruned to what is
    // read; the 2023 partition not read; the final Project merged into the Aggregate.
    Expression amountOver100 = new Comparison(ComparisonOp.GT, oAmount, Literal.of(100.0));
    FileSource only2024 = new FileSource(orders.format(), orders.paths(), orders.options(), orders.dataSchema(),
        orders.partitionSchema(), List.of(orders.files().get(1)));
    FileRelation ordersScan = new FileRelation(only2024, List.of(oCust, oAmount, year),
        List.of(amountOver100, new IsNotNull(oCust)));
    FileRelation customersScan = new FileRelation(customers, List.of(cId, cName, cRegion),
        List.of(eq(cRegion, lit("EU")), new IsNotNull(cId)));
    LogicalPlan expected = new Aggregate(list(cName), list(cName, total),
        new Project(list(oAmount, cName), Join.on(
            new Project(list(oCust, oAmount),
                new Filter(and(amountOver100, eq(year, lit(2024)), new IsNotNull(oCust)), ordersScan)),
            new Project(list(cId, cName),
                new Filter(and(eq(cRegion, lit("EU")), new IsNotNull(cId)), customersScan)),
            JoinType.INNER, Optional.of(eq(oCust, cId)))));
    assertEquals(expected, optimized);
  }

  @Test
  void orOfJoinConditionsRepeatingTheKeyBecomesAnEquiJoinOverFilteredSides() {
    // TPC-H Q19 as SQL users write it: the key inside every branch of the OR.
    Expression branches = new Or(
        and(eq(col("o_cust"), col("c_id")), gt(col("o_amount"), Literal.of(100.0)), eq(col("c_region"), lit("EU"))),
        and(eq(col("o_cust"), col("c_id")), new Comparison(ComparisonOp.LT, col("o_amount"), Literal.of(5.0)),
            eq(col("c_region"), lit("US"))));
    LogicalPlan query = new Project(list(col("o_id"), col("c_name")), new Join(FileRelation.of(orders),
        FileRelation.of(customers), JoinType.INNER, Optional.of(branches), List.of()));
    LogicalPlan analyzed = new Analyzer().analyze(query);
    FileRelation o = scans(analyzed).get(0);
    FileRelation c = scans(analyzed).get(1);
    AttributeReference oAmount = attr(o, "o_amount");
    AttributeReference cRegion = attr(c, "c_region");

    LogicalPlan optimized = optimize(analyzed);

    Join join = (Join) Plans.collectNodes(optimized).stream().filter(n -> n instanceof Join).findFirst().get();
    List<Expression> conjuncts = Expressions.splitConjuncts(join.condition().get());
    assertEquals(eq(attr(o, "o_cust"), attr(c, "c_id")), conjuncts.get(0), "the key comes out of the OR");
    assertEquals(new Or(
        and(gt(oAmount, Literal.of(100.0)), eq(cRegion, lit("EU"))),
        and(new Comparison(ComparisonOp.LT, oAmount, Literal.of(5.0)), eq(cRegion, lit("US")))), conjuncts.get(1));
    assertTrue(filterConjuncts(join.left()).contains(
        new Or(gt(oAmount, Literal.of(100.0)), new Comparison(ComparisonOp.LT, oAmount, Literal.of(5.0)))),
        () -> "orders filtered before the join: " + join.left());
    assertTrue(filterConjuncts(join.right()).contains(new Or(eq(cRegion, lit("EU")), eq(cRegion, lit("US")))),
        () -> "customers filtered before the join: " + join.right());
  }

  private static List<Expression> filterConjuncts(LogicalPlan plan) {
    List<Expression> out = new ArrayList<>();
    for (LogicalPlan node : Plans.collectNodes(plan)) {
      if (node instanceof Filter f) {
        out.addAll(Expressions.splitConjuncts(f.condition()));
      }
    }
    return out;
  }

  @Test
  void countOverDerivedColumnsReadsOneColumn() {
    LogicalPlan query = new Project(list(new Alias(new UnresolvedFunction("count",
        list(new UnresolvedStar(List.of(), 0)), false), "n")),
        new Filter(gt(col("y"), lit(10)),
            new WithColumns(List.of("y"), list(new BinaryArithmetic(ArithmeticOp.ADD, col("x"), lit(1))),
                new WithColumns(List.of("x"), list(new BinaryArithmetic(ArithmeticOp.MULTIPLY, col("o_id"), lit(2))),
                    FileRelation.of(orders)))));
    LogicalPlan analyzed = new Analyzer().analyze(query);
    FileRelation o = scans(analyzed).get(0);
    AttributeReference oId = attr(o, "o_id");
    Expression count = ((Aggregate) analyzed).aggregateExpressions().get(0);

    LogicalPlan optimized = optimize(analyzed);

    // The filter on y reaches the scan as an expression over o_id; nothing else of the table is read. It is
    // not a form the readers understand, so nothing is pushed into the scan.
    Expression y = new BinaryArithmetic(ArithmeticOp.ADD, new BinaryArithmetic(ArithmeticOp.MULTIPLY, oId, lit(2)),
        lit(1));
    LogicalPlan expected = new Aggregate(List.of(), list(count),
        new Filter(gt(y, lit(10)), o.withOutput(List.of(oId))));
    assertEquals(expected, optimized);
  }

  @Test
  void limitOverUnionGoesIntoEachInput() {
    LogicalPlan query = new Limit(10, new Union(List.of(
        new Project(list(col("o_id")), FileRelation.of(orders)),
        new Project(list(col("c_id")), FileRelation.of(customers))), false, false));
    LogicalPlan analyzed = new Analyzer().analyze(query);
    FileRelation o = scans(analyzed).get(0);
    FileRelation c = scans(analyzed).get(1);

    LogicalPlan optimized = optimize(analyzed);

    LogicalPlan expected = new Limit(10, new Union(List.of(
        new Limit(10, o.withOutput(List.of(attr(o, "o_id")))),
        new Limit(10, c.withOutput(List.of(attr(c, "c_id"))))), false, false));
    assertEquals(expected, optimized);
  }

  @Test
  void leftJoinWithAnImpossibleRightSideBecomesTheLeftSideWithNulls() {
    LogicalPlan query = new Project(list(col("o_id"), col("c_name")), new Join(FileRelation.of(orders),
        new Filter(eq(lit(1), lit(2)), FileRelation.of(customers)), JoinType.LEFT_OUTER,
        Optional.of(eq(col("o_cust"), col("c_id"))), List.of()));
    LogicalPlan analyzed = new Analyzer().analyze(query);
    FileRelation o = scans(analyzed).get(0);
    AttributeReference oId = attr(o, "o_id");
    AttributeReference cName = attr(scans(analyzed).get(1), "c_name");

    LogicalPlan optimized = optimize(analyzed);

    LogicalPlan expected = new Project(list(oId, new Alias(Literal.nullOf(DataTypes.StringType), "c_name",
        cName.exprId())), o.withOutput(List.of(oId)));
    assertEquals(expected, optimized);
  }

  @Test
  void dropDuplicatesBecomesAnAggregateOverTheFilteredScan() {
    LogicalPlan query = new Deduplicate(list(col("c_region")),
        new Filter(eq(col("c_region"), lit("EU")), FileRelation.of(customers)));
    LogicalPlan analyzed = new Analyzer().analyze(query);
    FileRelation c = scans(analyzed).get(0);
    AttributeReference cId = attr(c, "c_id");
    AttributeReference cName = attr(c, "c_name");
    AttributeReference cRegion = attr(c, "c_region");

    LogicalPlan optimized = optimize(analyzed);

    Expression isEu = eq(cRegion, lit("EU"));
    LogicalPlan expected = new Aggregate(list(cRegion), list(
        new Alias(new AggregateCall(AggregateFunction.FIRST, List.of(cId), false, false), "c_id", cId.exprId()),
        new Alias(new AggregateCall(AggregateFunction.FIRST, List.of(cName), false, false), "c_name",
            cName.exprId()),
        cRegion), new Filter(isEu, c.withPushedFilters(List.of(isEu))));
    assertEquals(expected, optimized);
  }

  @Test
  void filterOnAWindowsPartitionKeyGoesBelowTheWindow() {
    FileSource events = new FileSource("parquet", List.of("/events"), Map.of(),
        StructType.fromDDL("k INT, v INT, w STRING"), new StructType(),
        List.of(new FileSource.SourceFile("/events/part-0.parquet", 100, List.of())));
    Expression windowSum = new WindowExpression(new UnresolvedFunction("sum", list(col("v")), false),
        list(col("k")), List.of(), WindowFrame.WHOLE_PARTITION);
    LogicalPlan query = new Limit(3, new Sort(List.of(SortOrder.desc(col("s"))), true,
        new Filter(and(eq(col("k"), lit(1)), gt(col("s"), Literal.of(5L))),
            new Project(list(col("k"), col("v"), new Alias(windowSum, "s")), FileRelation.of(events)))));
    LogicalPlan analyzed = new Analyzer().analyze(query);
    FileRelation e = scans(analyzed).get(0);
    AttributeReference k = attr(e, "k");
    AttributeReference v = attr(e, "v");
    Window window = (Window) Plans.collectNodes(analyzed).stream().filter(n -> n instanceof Window).findFirst()
        .orElseThrow();
    Sort sort = (Sort) analyzed.child();
    AttributeReference s = window.output().get(3);

    LogicalPlan optimized = optimize(analyzed);

    // The key conjunct runs before the window (whole partitions kept or dropped) and reaches the scan; the
    // unused column w is not read, and the Project that only dropped it is gone.
    Expression kIs1 = eq(k, lit(1));
    LogicalPlan expected = new Limit(3, new Sort(sort.order(), true,
        new Filter(gt(s, Literal.of(5L)), new Window(window.windowExpressions(), list(k), List.of(),
            new Filter(kIs1, e.withOutput(List.of(k, v)).withPushedFilters(List.of(kIs1)))))));
    assertEquals(expected, optimized);
  }

  @Test
  void strictOptimizerReportsRulesThatNeverSettle() {
    Rule swapConjuncts = plan -> plan instanceof Filter f && f.condition() instanceof And a
        ? new Filter(new And(a.right(), a.left()), f.child()) : plan;
    FileRelation t = TestPlans.scan("a INT");
    AttributeReference a = t.output().get(0);
    LogicalPlan plan = new Filter(new And(gt(a, lit(1)), gt(a, lit(2))), t);
    List<RuleBatch> batches = List.of(new RuleBatch("swap", true, List.of(swapConjuncts)));

    assertDoesNotThrow(() -> new Optimizer(batches).optimize(plan));
    assertThrows(PlanningException.class, () -> Optimizer.strict(batches).optimize(plan));
  }
}
