package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneFiltersTest {
  private final Rule rule = new PruneFilters();
  private final FileRelation t = scan("a INT, s STRING");

  @Test
  void removesAlwaysTrueFilter() {
    assertSame(t, rule.apply(new Filter(Literal.TRUE, t)));
  }

  @Test
  void replacesAlwaysFalseOrNullFilterWithEmptyRelationOfTheSameColumns() {
    LocalRelation empty = new LocalRelation(Plans.schemaOf(t.output()), List.of(), t.output());

    assertEquals(empty, rule.apply(new Filter(Literal.FALSE, t)));
    assertEquals(empty, rule.apply(new Filter(Literal.nullOf(DataTypes.BooleanType), t)));
  }

  @Test
  void leavesOtherFiltersAlone() {
    LogicalPlan plan = new Filter(gt(col(t, "a"), lit(1)), t);

    assertSame(plan, rule.apply(plan));
  }
}
