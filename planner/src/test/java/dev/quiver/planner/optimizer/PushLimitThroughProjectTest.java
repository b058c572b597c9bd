package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushLimitThroughProjectTest {
  private final Rule rule = new PushLimitThroughProject();
  private final FileRelation t = scan("s STRING");

  @Test
  void movesLimitBelowDeterministicProject() {
    Alias upper = alias(ScalarFunction.of("upper", col(t, "s")), "u");
    Sort sort = new Sort(List.of(SortOrder.asc(col(t, "s"))), true, t);
    LogicalPlan plan = new Limit(10, new Project(list(upper), sort));

    assertEquals(new Project(list(upper), new Limit(10, sort)), rule.apply(plan));
  }

  @Test
  void leavesLimitOverOtherOperatorsAlone() {
    LogicalPlan plan = new Limit(10, new Sort(List.of(SortOrder.asc(col(t, "s"))), true, t));

    assertSame(plan, rule.apply(plan));
  }
}
