package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushLimitThroughJoinTest {
  private final Rule rule = new PushLimitThroughJoin();
  private final FileRelation left = scan("a INT");
  private final FileRelation right = scan("b INT");
  private final Optional<Expression> on = Optional.of(eq(col(left, "a"), col(right, "b")));

  @Test
  void limitsThePreservedSideOfALeftOuterJoin() {
    LogicalPlan plan = new Limit(5, Join.on(left, right, JoinType.LEFT_OUTER, on));

    assertEquals(new Limit(5, Join.on(new Limit(5, left), right, JoinType.LEFT_OUTER, on)), rule.apply(plan));
  }

  @Test
  void limitsThePreservedSideOfARightOuterJoin() {
    LogicalPlan plan = new Limit(5, Join.on(left, right, JoinType.RIGHT_OUTER, on));

    assertEquals(new Limit(5, Join.on(left, new Limit(5, right), JoinType.RIGHT_OUTER, on)), rule.apply(plan));
  }

  @Test
  void limitsBothSidesOfACrossJoin() {
    LogicalPlan plan = new Limit(5, Join.on(left, right, JoinType.CROSS, Optional.empty()));

    assertEquals(new Limit(5, Join.on(new Limit(5, left), new Limit(5, right), JoinType.CROSS, Optional.empty())),
        rule.apply(plan));
  }

  @Test
  void leavesInnerJoinWithConditionAlone() {
    LogicalPlan plan = new Limit(5, Join.on(left, right, JoinType.INNER, on));

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void doesNothingTheSecondTime() {
    LogicalPlan once = rule.apply(new Limit(5, Join.on(left, right, JoinType.LEFT_OUTER, on)));

    assertSame(once, rule.apply(once));
  }
}
