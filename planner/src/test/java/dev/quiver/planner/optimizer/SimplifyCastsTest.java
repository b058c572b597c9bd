package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class SimplifyCastsTest {
  private final Rule rule = new SimplifyCasts();
  private final FileRelation t = scan("a INT");
  private final AttributeReference a = col(t, "a");

  @Test
  void removesCastToTheSameType() {
    LogicalPlan plan = new Filter(gt(new Cast(a, DataTypes.IntegerType, true), lit(1)), t);

    assertEquals(new Filter(gt(a, lit(1)), t), rule.apply(plan));
  }

  @Test
  void keepsCastThatConverts() {
    LogicalPlan plan = new Filter(gt(new Cast(a, DataTypes.LongType, false), Literal.of(1L)), t);

    assertSame(plan, rule.apply(plan));
  }
}
