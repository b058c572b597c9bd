package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.partitionedScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunePartitionsTest {
  private final Rule rule = new PrunePartitions();
  private final FileRelation t = partitionedScan("v INT", "year INT, region STRING", List.of(
      List.of(2023, "eu"), List.of(2024, "eu"), List.of(2024, "us"), Arrays.asList(null, "us")));
  private final AttributeReference v = col(t, "v");
  private final AttributeReference year = col(t, "year");
  private final AttributeReference region = col(t, "region");

  /** The paths of the files the scan under the resulting Filter reads. */
  private List<String> filesRead(Expression condition) {
    LogicalPlan result = rule.apply(new Filter(condition, t));
    FileRelation scan = (FileRelation) ((Filter) result).child();
    assertEquals(condition, ((Filter) result).condition());
    List<String> names = new ArrayList<>();
    for (FileSource.SourceFile f : scan.source().files()) {
      names.add(f.path().substring(f.path().lastIndexOf('/') + 1));
    }
    return names;
  }

  @Test
  void dropsFilesWhosePartitionValuesFailAComparison() {
    assertEquals(List.of("f1.parquet", "f2.parquet"), filesRead(eq(year, lit(2024))));
    assertEquals(List.of("f1.parquet", "f2.parquet"), filesRead(gt(year, lit(2023))));
    assertEquals(List.of("f1.parquet", "f2.parquet"), filesRead(new Comparison(ComparisonOp.LT, lit(2023), year)));
    assertEquals(List.of("f2.parquet", "f3.parquet"), filesRead(eq(region, lit("us"))));
  }

  @Test
  void evaluatesNullChecksInListsAndTheirCombinations() {
    assertEquals(List.of("f3.parquet"), filesRead(new IsNull(year)));
    assertEquals(List.of("f0.parquet", "f2.parquet"), filesRead(and(new In(year, list(lit(2023), lit(2024))),
        new Or(eq(region, lit("us")), eq(year, lit(2023))))));
    assertEquals(List.of("f0.parquet"), filesRead(new Not(new Comparison(ComparisonOp.GTE, year, lit(2024)))));
  }

  @Test
  void aNullPartitionValueNeverSatisfiesAComparison() {
    assertEquals(List.of("f0.parquet", "f1.parquet", "f2.parquet"),
        filesRead(new Comparison(ComparisonOp.GTE, year, lit(2000))));
    assertEquals(List.of("f3.parquet"),
        filesRead(new Comparison(ComparisonOp.NULL_SAFE_EQ, year, Literal.nullOf(DataTypes.IntegerType))));
  }

  @Test
  void keepsEveryFileForConjunctsItCannotEvaluate() {
    LogicalPlan computed = new Filter(eq(ScalarFunction.of("upper", region), lit("US")), t);
    LogicalPlan dataColumn = new Filter(gt(v, lit(1)), t);
    LogicalPlan mixed = new Filter(new Or(eq(year, lit(2023)), gt(v, lit(1))), t);

    assertSame(computed, rule.apply(computed));
    assertSame(dataColumn, rule.apply(dataColumn));
    assertSame(mixed, rule.apply(mixed));
  }

  @Test
  void keepsEveryFileWhenAllMayMatch() {
    LogicalPlan plan = new Filter(gt(year, lit(1999)), partitionedScan("v INT", "year INT",
        List.of(List.of(2023), List.of(2024))));

    assertSame(plan, rule.apply(plan));
  }
}
