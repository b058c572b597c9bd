package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.local;
import static dev.quiver.planner.optimizer.TestPlans.rows;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushLimitIntoUnionTest {
  private final Rule rule = new PushLimitIntoUnion();
  private final FileRelation first = scan("a INT");
  private final FileRelation second = scan("b INT");

  @Test
  void copiesLimitIntoEveryInputAndKeepsItOnTop() {
    LogicalPlan plan = new Limit(10, new Union(List.of(first, second), false, false));

    LogicalPlan expected = new Limit(10, new Union(List.of(new Limit(10, first), new Limit(10, second)), false,
        false));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void skipsInputsAlreadySmallEnough() {
    LocalRelation small = local("b INT", rows(List.of(1), List.of(2)));
    LogicalPlan plan = new Limit(10, new Union(List.of(first, small), false, false));

    assertEquals(new Limit(10, new Union(List.of(new Limit(10, first), small), false, false)), rule.apply(plan));
  }

  @Test
  void doesNothingTheSecondTime() {
    LogicalPlan once = rule.apply(new Limit(10, new Union(List.of(first, second), false, false)));

    assertSame(once, rule.apply(once));
  }
}
