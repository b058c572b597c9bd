package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.and;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.sql.types.DataTypes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountBelowOuterJoinTest {
  private final Rule rule = new CountBelowOuterJoin();
  private final FileRelation customers = scan("c_custkey BIGINT, c_name STRING", 1_000);
  private final FileRelation orders = scan("o_orderkey BIGINT, o_custkey BIGINT, o_total DOUBLE", 100_000);
  private final AttributeReference custkey = col(customers, "c_custkey");
  private final AttributeReference orderkey = col(orders, "o_orderkey");
  private final AttributeReference ordercust = col(orders, "o_custkey");
  private final Optional<Expression> on = Optional.of(eq(custkey, ordercust));

  private static AggregateCall count(Expression... args) {
    return new AggregateCall(AggregateFunction.COUNT, List.of(args), false, false);
  }

  private Aggregate countOrdersPerCustomer(JoinType type, Optional<Expression> condition, Expression aggregate) {
    Join join = Join.on(customers, orders, type, condition);
    return new Aggregate(List.of(custkey), List.of(custkey, aggregate),
        new Project(List.of(custkey, orderkey), join));
  }

  @Test
  void countsTheRightSidePerKeyBeforeTheJoinAndSumsTheCountsAfter() {
    Alias counted = alias(count(orderkey), "c_count");
    LogicalPlan plan = countOrdersPerCustomer(JoinType.LEFT_OUTER, on, counted);

    Aggregate top = (Aggregate) rule.apply(plan);

    Join join = (Join) top.child();
    assertEquals(JoinType.LEFT_OUTER, join.joinType());
    assertSame(customers, join.left());
    assertEquals(on, join.condition());
    Aggregate perKey = (Aggregate) join.right();
    assertSame(orders, perKey.child());
    assertEquals(List.of(ordercust), perKey.groupingExpressions());
    Alias partial = (Alias) perKey.aggregateExpressions().get(1);
    assertEquals(count(orderkey), partial.child());
    assertEquals(List.of(custkey), top.groupingExpressions());
    Alias result = (Alias) top.aggregateExpressions().get(1);
    // The original output attribute (same id, name and type) now comes from the sum of the counts.
    assertEquals(counted.exprId(), result.exprId());
    assertEquals("c_count", result.name());
    AttributeReference joinedPartial = partial.toAttribute().withNullable(true);
    assertEquals(new ScalarFunction("coalesce", List.of(
        new AggregateCall(AggregateFunction.SUM, List.of(joinedPartial), false, false), Literal.of(0L))),
        result.child());
    assertEquals(DataTypes.LongType, result.dataType());
    assertEquals(plan.output().get(1).dataType(), top.output().get(1).dataType());
    assertEquals(plan.output().get(1).nullable(), top.output().get(1).nullable());
    assertSame(top, rule.apply(top), "applies once");
  }

  @Test
  void leavesCountOfRowsAlone() {
    // count(*) counts the null-extended row of a customer without orders as one: a per-key count cannot.
    LogicalPlan plan = countOrdersPerCustomer(JoinType.LEFT_OUTER, on, alias(count(Literal.of(1)), "n"));
    assertSame(plan, rule.apply(plan));
  }

  @Test
  void leavesOtherAggregatesAlone() {
    LogicalPlan sum = countOrdersPerCustomer(JoinType.LEFT_OUTER, on,
        alias(new AggregateCall(AggregateFunction.SUM, List.of(col(orders, "o_total")), false, false), "s"));
    LogicalPlan distinct = countOrdersPerCustomer(JoinType.LEFT_OUTER, on,
        alias(new AggregateCall(AggregateFunction.COUNT, List.of(orderkey), true, false), "n"));
    LogicalPlan leftColumn = countOrdersPerCustomer(JoinType.LEFT_OUTER, on, alias(count(custkey), "n"));
    assertSame(sum, rule.apply(sum));
    assertSame(distinct, rule.apply(distinct));
    assertSame(leftColumn, rule.apply(leftColumn));
  }

  @Test
  void leavesCountsOfExpressionsAlone() {
    // count(coalesce(o_orderkey, 0)) counts the null-extended row of a customer without orders: a per-key
    // count would give that customer 0 instead of 1.
    LogicalPlan coalesced = countOrdersPerCustomer(JoinType.LEFT_OUTER, on, alias(count(new ScalarFunction(
        "coalesce", List.of(orderkey, Literal.of(0L)))), "n"));
    assertSame(coalesced, rule.apply(coalesced));
  }

  @Test
  void countsOfSeveralRightColumnsOverSeveralKeys() {
    AttributeReference total = col(orders, "o_total");
    FileRelation named = scan("c_custkey BIGINT, c_total DOUBLE", 1_000);
    Optional<Expression> twoKeys = Optional.of(and(eq(col(named, "c_custkey"), ordercust),
        eq(total, col(named, "c_total"))));
    Join join = Join.on(named, orders, JoinType.LEFT_OUTER, twoKeys);
    LogicalPlan plan = new Aggregate(List.of(col(named, "c_custkey")),
        List.of(col(named, "c_custkey"), alias(count(orderkey, total), "n")), join);

    Aggregate top = (Aggregate) rule.apply(plan);

    Aggregate perKey = (Aggregate) ((Join) top.child()).right();
    assertEquals(List.of(ordercust, total), perKey.groupingExpressions());
    assertEquals(count(orderkey, total), ((Alias) perKey.aggregateExpressions().get(2)).child());
  }

  @Test
  void leavesOtherJoinsAndConditionsAlone() {
    Alias counted = alias(count(orderkey), "n");
    LogicalPlan inner = countOrdersPerCustomer(JoinType.INNER, on, counted);
    LogicalPlan nonEqui = countOrdersPerCustomer(JoinType.LEFT_OUTER,
        Optional.of(and(eq(custkey, ordercust), gt(orderkey, Literal.of(5L)))), counted);
    assertSame(inner, rule.apply(inner));
    assertSame(nonEqui, rule.apply(nonEqui));
  }

  @Test
  void leavesGroupingByRightColumnsAlone() {
    Join join = Join.on(customers, orders, JoinType.LEFT_OUTER, on);
    LogicalPlan plan = new Aggregate(List.of(ordercust), List.of(ordercust, alias(count(orderkey), "n")), join);
    assertSame(plan, rule.apply(plan));
  }

  @Test
  void leavesARightSideNoLargerThanTheLeftAlone() {
    FileRelation fewOrders = scan("o_orderkey BIGINT, o_custkey BIGINT", 10);
    Join join = Join.on(customers, fewOrders, JoinType.LEFT_OUTER,
        Optional.of(eq(custkey, col(fewOrders, "o_custkey"))));
    LogicalPlan plan = new Aggregate(List.of(custkey),
        List.of(custkey, alias(count(col(fewOrders, "o_orderkey")), "n")), join);
    assertSame(plan, rule.apply(plan));
  }

  @Test
  void runsInTheOptimizerBeforeRuntimeFilters() {
    List<String> names = OptimizerRules.batches(OptimizerContext.forTests()).stream().map(RuleBatch::name).toList();
    assertTrue(names.indexOf("Eager aggregation") < names.indexOf("Runtime filters"), names.toString());
  }
}
