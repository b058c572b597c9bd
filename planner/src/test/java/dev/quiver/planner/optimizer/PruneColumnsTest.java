package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.local;
import static dev.quiver.planner.optimizer.TestPlans.rows;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneColumnsTest {
  private final Rule rule = new PruneColumns();

  private final FileRelation left = scan("a INT, b INT, x STRING");
  private final FileRelation right = scan("c INT, d INT");
  private final AttributeReference a = col(left, "a");
  private final AttributeReference b = col(left, "b");
  private final AttributeReference x = col(left, "x");
  private final AttributeReference c = col(right, "c");
  private final AttributeReference d = col(right, "d");

  @Test
  void narrowsBothScansOfAJoinToWhatTheProjectAndConditionRead() {
    LogicalPlan plan = new Project(list(b),
        Join.on(left, right, JoinType.INNER, Optional.of(eq(a, c))));

    LogicalPlan expected = new Project(list(b), Join.on(left.withOutput(List.of(a, b)),
        right.withOutput(List.of(c)), JoinType.INNER, Optional.of(eq(a, c))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void narrowsScanUnderFilterToWhatProjectAndFilterRead() {
    LogicalPlan plan = new Project(list(a), new Filter(gt(b, lit(1)), left));

    assertEquals(new Project(list(a), new Filter(gt(b, lit(1)), left.withOutput(List.of(a, b)))),
        rule.apply(plan));
  }

  @Test
  void removesTheProjectItInsertsUnderAFilterOnceTheJoinBelowIsPruned() {
    LogicalPlan plan = new Project(list(a), new Filter(gt(b, lit(1)),
        Join.on(left, right, JoinType.INNER, Optional.of(eq(a, c)))));

    LogicalPlan expected = new Project(list(a), new Filter(gt(b, lit(1)),
        Join.on(left.withOutput(List.of(a, b)), right.withOutput(List.of(c)), JoinType.INNER,
            Optional.of(eq(a, c)))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void dropsUnusedOutputsOfTheProjectBelow() {
    Alias upper = alias(ScalarFunction.of("upper", x), "u");
    LogicalPlan plan = new Project(list(a), new Project(list(a, upper), left));

    assertEquals(new Project(list(a), new Project(list(a), left.withOutput(List.of(a)))), rule.apply(plan));
  }

  @Test
  void dropsUnusedAggregatesUnderAProject() {
    Alias total = alias(AggregateCall.of(AggregateFunction.SUM, b), "total");
    Alias count = alias(AggregateCall.of(AggregateFunction.COUNT, b), "n");
    LogicalPlan plan = new Project(list(total.toAttribute()), new Aggregate(list(a), list(a, total, count), left));

    LogicalPlan expected = new Project(list(total.toAttribute()),
        new Aggregate(list(a), list(total), left.withOutput(List.of(a, b))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void countStarReadsTheNarrowestColumn() {
    FileRelation t = scan("s STRING, n INT, l BIGINT");
    Alias count = alias(new AggregateCall(AggregateFunction.COUNT, List.of(lit(1)), false, false), "count(1)");
    LogicalPlan plan = new Aggregate(List.of(), list(count), t);

    assertEquals(new Aggregate(List.of(), list(count), t.withOutput(List.of(col(t, "n")))), rule.apply(plan));
  }

  @Test
  void narrowsALocalRelationOnlyWithAProjectAbove() {
    LocalRelation r = local("k INT, v STRING", rows(List.of(1, "x")));
    AttributeReference k = col(r, "k");
    Alias count = alias(AggregateCall.of(AggregateFunction.COUNT, k), "n");
    LogicalPlan underProject = new Project(list(k), r);
    LogicalPlan underAggregate = new Aggregate(list(k), list(k, count), r);

    assertSame(underProject, rule.apply(underProject));
    assertEquals(new Aggregate(list(k), list(k, count), new Project(list(k), r)), rule.apply(underAggregate));
  }

  @Test
  void prunesEveryUnionInputAtTheSamePositions() {
    FileRelation other = scan("p INT, q INT, r STRING");
    Union union = new Union(List.of(left, other), false, false);
    AttributeReference unionB = union.output().get(1);
    LogicalPlan plan = new Project(list(unionB), union);

    // The inserted Projects are then pruned below too, in the same pass (RemoveRedundantProject drops them).
    AttributeReference q = col(other, "q");
    LogicalPlan expected = new Project(list(unionB), new Union(List.of(
        new Project(list(b), left.withOutput(List.of(b))), new Project(list(q), other.withOutput(List.of(q)))),
        false, false));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void dropsUnusedWindowFunctions() {
    Alias sum = alias(new WindowExpression(AggregateCall.of(AggregateFunction.SUM, b), list(a), List.of(),
        WindowFrame.WHOLE_PARTITION), "s");
    Window window = new Window(list(sum), list(a), List.of(), left);
    LogicalPlan plan = new Project(list(a, b), window);

    assertEquals(new Project(list(a, b), left.withOutput(List.of(a, b))), rule.apply(rule.apply(plan)));
  }

  @Test
  void keepsOnlyTheJoinKeysOfASemiJoinsRightSide() {
    LogicalPlan plan = Join.on(left, right, JoinType.LEFT_SEMI, Optional.of(eq(a, c)));

    assertEquals(Join.on(left, right.withOutput(List.of(c)), JoinType.LEFT_SEMI, Optional.of(eq(a, c))),
        rule.apply(plan));
  }

  @Test
  void leavesPlansThatUseEveryColumnAlone() {
    LogicalPlan join = Join.on(left, right, JoinType.INNER, Optional.of(eq(a, c)));
    LogicalPlan project = new Project(list(a, b, x), left);

    assertSame(join, rule.apply(join));
    assertSame(project, rule.apply(project));
  }
}
