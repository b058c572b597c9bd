package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import org.junit.jupiter.api.Test;

class RemoveRedundantProjectTest {
  private final Rule rule = new RemoveRedundantProject();
  private final FileRelation t = scan("a INT, b INT");
  private final AttributeReference a = col(t, "a");
  private final AttributeReference b = col(t, "b");

  @Test
  void removesProjectOfTheChildsColumnsInOrder() {
    Filter filter = new Filter(gt(a, lit(1)), t);

    assertEquals(filter, rule.apply(new Project(list(a, b), filter)));
  }

  @Test
  void keepsProjectThatReordersDropsOrRenames() {
    LogicalPlan reordered = new Project(list(b, a), t);
    LogicalPlan dropped = new Project(list(a), t);
    LogicalPlan renamed = new Project(list(alias(a, "x"), b), t);
    LogicalPlan sameIdOtherName = new Project(list(a.withName("A"), b), t);

    assertSame(reordered, rule.apply(reordered));
    assertSame(dropped, rule.apply(dropped));
    assertSame(renamed, rule.apply(renamed));
    assertSame(sameIdOtherName, rule.apply(sameIdOtherName));
  }
}
