package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.local;
import static dev.quiver.planner.optimizer.TestPlans.rows;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class EliminateLimitsTest {
  private final Rule rule = new EliminateLimits();

  @Test
  void dropsLimitOverInputWithFewerRows() {
    LocalRelation two = local("a INT", rows(List.of(1), List.of(2)));
    FileRelation t = scan("a INT");
    LogicalPlan global = new Aggregate(List.of(), list(alias(AggregateCall.of(AggregateFunction.SUM,
        col(t, "a")), "s")), t);

    assertSame(two, rule.apply(new Limit(2, two)));
    assertSame(global, rule.apply(new Limit(1, global)));
  }

  @Test
  void keepsLimitThatCanCut() {
    LocalRelation two = local("a INT", rows(List.of(1), List.of(2)));
    LogicalPlan small = new Limit(1, two);
    LogicalPlan unknown = new Limit(100, scan("a INT"));

    assertSame(small, rule.apply(small));
    assertSame(unknown, rule.apply(unknown));
  }
}
