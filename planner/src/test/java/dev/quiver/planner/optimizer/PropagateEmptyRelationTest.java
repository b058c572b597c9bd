package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.emptyLocal;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.Union;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PropagateEmptyRelationTest {
  private final Rule rule = new PropagateEmptyRelation();
  private final LocalRelation empty = emptyLocal("a INT, b INT");
  private final AttributeReference a = col(empty, "a");
  private final AttributeReference b = col(empty, "b");
  private final FileRelation other = scan("c INT, d INT");
  private final AttributeReference c = col(other, "c");
  private final AttributeReference d = col(other, "d");

  private static LocalRelation emptyLike(LogicalPlan plan) {
    return new LocalRelation(Plans.schemaOf(plan.output()), List.of(), plan.output());
  }

  @Test
  void propagatesThroughRowWiseOperators() {
    LogicalPlan plan = new Limit(5, new Sort(List.of(SortOrder.asc(a)), true,
        new Project(list(a), new Filter(gt(b, lit(0)), empty))));

    assertEquals(emptyLike(plan), rule.apply(plan));
  }

  @Test
  void groupedAggregateOfNothingIsEmptyButGlobalAggregateKeepsItsRow() {
    Alias count = alias(AggregateCall.of(AggregateFunction.COUNT, b), "n");
    LogicalPlan grouped = new Aggregate(list(a), list(a, count), empty);
    LogicalPlan global = new Aggregate(List.of(), list(count), empty);

    assertEquals(emptyLike(grouped), rule.apply(grouped));
    assertSame(global, rule.apply(global));
  }

  @Test
  void innerAndSemiJoinsWithAnEmptySideAreEmpty() {
    LogicalPlan inner = Join.on(other, empty, JoinType.INNER, Optional.of(eq(a, c)));
    LogicalPlan semi = Join.on(other, empty, JoinType.LEFT_SEMI, Optional.of(eq(a, c)));
    LogicalPlan semiOfEmpty = Join.on(empty, other, JoinType.LEFT_SEMI, Optional.of(eq(a, c)));

    assertEquals(emptyLike(inner), rule.apply(inner));
    assertEquals(emptyLike(semi), rule.apply(semi));
    assertEquals(emptyLike(semiOfEmpty), rule.apply(semiOfEmpty));
  }

  @Test
  void outerJoinWithEmptyOtherSideNullExtendsThePreservedSide() {
    LogicalPlan plan = Join.on(other, empty, JoinType.LEFT_OUTER, Optional.of(eq(a, c)));

    LogicalPlan expected = new Project(list(c, d,
        new Alias(Literal.nullOf(a.dataType()), "a", a.exprId()),
        new Alias(Literal.nullOf(b.dataType()), "b", b.exprId())), other);
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void antiJoinWithEmptyRightSideIsItsLeftSide() {
    LogicalPlan plan = Join.on(other, empty, JoinType.LEFT_ANTI, Optional.of(eq(a, c)));

    assertSame(other, rule.apply(plan));
  }

  @Test
  void unionDropsEmptyInputsAndKeepsItsColumnIds() {
    LogicalPlan plan = new Union(List.of(empty, other), false, false);

    LogicalPlan expected = new Project(list(new Alias(c, "a", a.exprId()), new Alias(d, "b", b.exprId())), other);
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void leavesPlansWithoutEmptyRelationsAlone() {
    LogicalPlan plan = Join.on(other, TestPlans.local("a INT, b INT", List.of(List.of(1, 2))),
        JoinType.INNER, Optional.of(eq(c, lit(1))));

    assertSame(plan, rule.apply(plan));
  }
}
