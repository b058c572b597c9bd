package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.lt;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushDownPredicatesTest {
  private final Rule rule = new PushDownPredicates();

  private final FileRelation left = scan("a INT, b INT");
  private final FileRelation right = scan("c INT, d INT");
  private final AttributeReference a = col(left, "a");
  private final AttributeReference b = col(left, "b");
  private final AttributeReference c = col(right, "c");
  private final AttributeReference d = col(right, "d");

  @Test
  void movesThroughProjectSubstitutingAliases() {
    Alias x = alias(new BinaryArithmetic(ArithmeticOp.ADD, a, lit(1)), "x");
    Project project = new Project(list(x, b), left);
    LogicalPlan plan = new Filter(and(gt(x.toAttribute(), lit(5)), eq(b, lit(2))), project);

    LogicalPlan expected = new Project(list(x, b),
        new Filter(and(gt(x.child(), lit(5)), eq(b, lit(2))), left));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void movesThroughSortAndRepartition() {
    LogicalPlan plan = new Filter(gt(a, lit(1)),
        new Sort(List.of(SortOrder.asc(b)), true, new Repartition(4, true, list(b), left)));

    LogicalPlan expected = new Sort(List.of(SortOrder.asc(b)), true,
        new Repartition(4, true, list(b), new Filter(gt(a, lit(1)), left)));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void staysAboveLimitAndScan() {
    LogicalPlan overLimit = new Filter(gt(a, lit(1)), new Limit(10, left));
    LogicalPlan overScan = new Filter(gt(a, lit(1)), left);

    assertSame(overLimit, rule.apply(overLimit));
    assertSame(overScan, rule.apply(overScan));
  }

  @Test
  void movesThroughWindowOnlyOnPartitionKeys() {
    Alias rank = alias(new WindowExpression(AggregateCall.of(AggregateFunction.SUM, b), list(a),
        List.of(SortOrder.asc(b)), WindowFrame.DEFAULT_ORDERED), "s");
    Window window = new Window(list(rank), list(a), List.of(SortOrder.asc(b)), left);
    LogicalPlan plan = new Filter(and(eq(a, lit(1)), gt(b, lit(2)), gt(rank.toAttribute(), lit(3))), window);

    LogicalPlan expected = new Filter(and(gt(b, lit(2)), gt(rank.toAttribute(), lit(3))),
        new Window(list(rank), list(a), List.of(SortOrder.asc(b)), new Filter(eq(a, lit(1)), left)));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void movesGroupKeyConjunctsBelowAggregateAndKeepsAggregateResultConjuncts() {
    Alias total = alias(AggregateCall.of(AggregateFunction.SUM, b), "total");
    Alias key = alias(new BinaryArithmetic(ArithmeticOp.ADD, a, lit(1)), "k");
    Aggregate agg = new Aggregate(list(key.child()), list(key, total), left);
    LogicalPlan plan = new Filter(and(gt(key.toAttribute(), lit(3)), gt(total.toAttribute(), lit(100))), agg);

    LogicalPlan expected = new Filter(gt(total.toAttribute(), lit(100)),
        new Aggregate(list(key.child()), list(key, total), new Filter(gt(key.child(), lit(3)), left)));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void staysAboveGlobalAggregate() {
    Alias total = alias(AggregateCall.of(AggregateFunction.SUM, b), "total");
    LogicalPlan plan = new Filter(gt(total.toAttribute(), lit(1)), new Aggregate(List.of(), list(total), left));

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void goesIntoEveryUnionInputWithColumnsRewrittenByPosition() {
    Union union = new Union(List.of(left, right), false, false);
    LogicalPlan plan = new Filter(gt(union.output().get(1), lit(0)), union);

    LogicalPlan expected = new Union(List.of(new Filter(gt(b, lit(0)), left), new Filter(gt(d, lit(0)), right)),
        false, false);
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void splitsFilterOverInnerJoinIntoSidesAndCondition() {
    Join join = Join.on(left, right, JoinType.INNER, Optional.of(eq(a, c)));
    LogicalPlan plan = new Filter(and(gt(b, lit(1)), lt(d, lit(2)), gt(b, d)), join);

    LogicalPlan expected = Join.on(new Filter(gt(b, lit(1)), left), new Filter(lt(d, lit(2)), right),
        JoinType.INNER, Optional.of(and(eq(a, c), gt(b, d))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void pushesOnlyLeftConjunctsThroughLeftOuterJoin() {
    Join join = Join.on(left, right, JoinType.LEFT_OUTER, Optional.of(eq(a, c)));
    LogicalPlan plan = new Filter(and(gt(b, lit(1)), lt(d, lit(2))), join);

    LogicalPlan expected = new Filter(lt(d, lit(2)),
        Join.on(new Filter(gt(b, lit(1)), left), right, JoinType.LEFT_OUTER, Optional.of(eq(a, c))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void pushesOnlyRightConjunctsThroughRightOuterJoin() {
    Join join = Join.on(left, right, JoinType.RIGHT_OUTER, Optional.of(eq(a, c)));
    LogicalPlan plan = new Filter(and(gt(b, lit(1)), lt(d, lit(2))), join);

    LogicalPlan expected = new Filter(gt(b, lit(1)),
        Join.on(left, new Filter(lt(d, lit(2)), right), JoinType.RIGHT_OUTER, Optional.of(eq(a, c))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void pushesLeftConjunctsThroughSemiJoin() {
    Join join = Join.on(left, right, JoinType.LEFT_SEMI, Optional.of(eq(a, c)));
    LogicalPlan plan = new Filter(gt(b, lit(1)), join);

    assertEquals(Join.on(new Filter(gt(b, lit(1)), left), right, JoinType.LEFT_SEMI, Optional.of(eq(a, c))),
        rule.apply(plan));
  }

  @Test
  void pushesNothingThroughFullOuterJoin() {
    Join join = Join.on(left, right, JoinType.FULL_OUTER, Optional.of(eq(a, c)));
    LogicalPlan plan = new Filter(and(gt(b, lit(1)), lt(d, lit(2))), join);

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void pushesOneSidedConjunctsOfInnerJoinConditionIntoBothSides() {
    LogicalPlan plan = Join.on(left, right, JoinType.INNER, Optional.of(and(eq(a, c), gt(b, lit(1)),
        lt(d, lit(2)))));

    LogicalPlan expected = Join.on(new Filter(gt(b, lit(1)), left), new Filter(lt(d, lit(2)), right),
        JoinType.INNER, Optional.of(eq(a, c)));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void pushesOnlyRightConjunctsOfLeftOuterJoinConditionIntoRightSide() {
    // A left-only ON conjunct decides matches, not which left rows appear: it must stay in the condition.
    LogicalPlan plan = Join.on(left, right, JoinType.LEFT_OUTER, Optional.of(and(eq(a, c), gt(b, lit(1)),
        lt(d, lit(2)))));

    LogicalPlan expected = Join.on(left, new Filter(lt(d, lit(2)), right), JoinType.LEFT_OUTER,
        Optional.of(and(gt(b, lit(1)), eq(a, c))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void pushesOnlyLeftConjunctsOfRightOuterJoinConditionIntoLeftSide() {
    LogicalPlan plan = Join.on(left, right, JoinType.RIGHT_OUTER, Optional.of(and(eq(a, c), gt(b, lit(1)),
        lt(d, lit(2)))));

    LogicalPlan expected = Join.on(new Filter(gt(b, lit(1)), left), right, JoinType.RIGHT_OUTER,
        Optional.of(and(lt(d, lit(2)), eq(a, c))));
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void leavesJoinWhoseConditionReadsBothSidesAlone() {
    LogicalPlan plan = Join.on(left, right, JoinType.INNER, Optional.of(eq(a, c)));

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void movesFilterAllTheWayDownInOnePass() {
    Expression cond = gt(a, lit(1));
    LogicalPlan plan = new Filter(cond, new Project(list(a, b), new Sort(List.of(SortOrder.asc(a)), true, left)));

    LogicalPlan expected = new Project(list(a, b), new Sort(List.of(SortOrder.asc(a)), true, new Filter(cond, left)));
    assertEquals(expected, rule.apply(plan));
  }
}
