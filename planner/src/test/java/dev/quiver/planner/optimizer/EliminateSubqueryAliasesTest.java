package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.SubqueryAlias;
import org.junit.jupiter.api.Test;

class EliminateSubqueryAliasesTest {
  private final Rule rule = new EliminateSubqueryAliases();

  @Test
  void dropsAliasAndKeepsTheQualifiedReferencesBound() {
    FileRelation t = scan("a INT, b INT");
    SubqueryAlias aliased = new SubqueryAlias("t", t);
    AttributeReference qualifiedA = aliased.output().get(0);
    LogicalPlan plan = new Project(list(qualifiedA), aliased);

    LogicalPlan result = rule.apply(plan);

    assertEquals(new Project(list(qualifiedA), t), result);
    assertEquals(t.output().get(0).exprId(), result.output().get(0).exprId());
  }

  @Test
  void leavesPlanWithoutAliasesAlone() {
    FileRelation t = scan("a INT");
    LogicalPlan plan = new Project(list(t.output().get(0)), t);

    assertSame(plan, rule.apply(plan));
  }
}
