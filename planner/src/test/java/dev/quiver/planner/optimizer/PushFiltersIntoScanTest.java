package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.lt;
import static dev.quiver.planner.optimizer.TestPlans.partitionedScan;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Alias;
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
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushFiltersIntoScanTest {
  private final Rule rule = new PushFiltersIntoScan();
  private final FileRelation t = scan("a INT, s STRING");
  private final AttributeReference a = col(t, "a");
  private final AttributeReference s = col(t, "s");

  @Test
  void pushesTheSimpleConjunctsAndKeepsTheFilter() {
    Expression aGt = gt(a, lit(5));
    Expression litLtA = lt(lit(10), a);
    Expression prefix = ScalarFunction.of("startswith", s, lit("ab"));
    Expression in = new In(a, list(lit(1), lit(2)));
    Expression combined = new Or(new Not(new IsNull(s)), eq(a, lit(0)));
    Expression computed = eq(ScalarFunction.of("upper", s), lit("X"));
    Expression condition = and(aGt, litLtA, prefix, in, combined, computed);

    LogicalPlan result = rule.apply(new Filter(condition, t));

    assertEquals(new Filter(condition, t.withPushedFilters(List.of(aGt, litLtA, prefix, in, combined))), result);
  }

  @Test
  void rewritesThroughARenamingProject() {
    Alias renamed = alias(a, "x");
    Expression onX = gt(renamed.toAttribute(), lit(5));
    LogicalPlan plan = new Filter(onX, new Project(list(renamed, s), t));

    assertEquals(new Filter(onX, new Project(list(renamed, s), t.withPushedFilters(List.of(gt(a, lit(5)))))),
        rule.apply(plan));
  }

  @Test
  void pushesNothingTheReadersCannotUse() {
    LogicalPlan nullSafe = new Filter(new Comparison(ComparisonOp.NULL_SAFE_EQ, a, lit(1)), t);
    LogicalPlan nullLiteral = new Filter(eq(a, Literal.nullOf(a.dataType())), t);
    LogicalPlan twoColumns = new Filter(eq(a, ScalarFunction.of("length", s)), t);

    assertSame(nullSafe, rule.apply(nullSafe));
    assertSame(nullLiteral, rule.apply(nullLiteral));
    assertSame(twoColumns, rule.apply(twoColumns));
  }

  @Test
  void leavesPartitionColumnsToPartitionPruning() {
    FileRelation p = partitionedScan("a INT", "year INT", List.of(List.of(2024)));
    Expression onData = gt(col(p, "a"), lit(1));
    Expression onPartition = eq(col(p, "year"), lit(2024));
    LogicalPlan plan = new Filter(and(onData, onPartition), p);

    assertEquals(new Filter(and(onData, onPartition), p.withPushedFilters(List.of(onData))), rule.apply(plan));
  }

  @Test
  void leavesFiltersNotDirectlyOverAScanAlone() {
    LogicalPlan plan = new Filter(gt(a, lit(5)), new Limit(3, t));

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void doesNothingTheSecondTime() {
    LogicalPlan once = rule.apply(new Filter(gt(a, lit(5)), t));

    assertSame(once, rule.apply(once));
  }
}
