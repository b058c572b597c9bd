package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaceDeduplicateWithAggregateTest {
  private final Rule rule = new ReplaceDeduplicateWithAggregate();

  @Test
  void groupsByTheKeysAndKeepsTheFirstValueOfOtherColumnsUnderTheirIds() {
    FileRelation t = scan("a INT, b STRING, c INT");
    AttributeReference a = col(t, "a");
    AttributeReference b = col(t, "b");
    AttributeReference c = col(t, "c");

    LogicalPlan result = rule.apply(new Deduplicate(list(c), t));

    Expression firstA = new Alias(new AggregateCall(AggregateFunction.FIRST, List.of(a), false, false), "a",
        a.exprId());
    Expression firstB = new Alias(new AggregateCall(AggregateFunction.FIRST, List.of(b), false, false), "b",
        b.exprId());
    assertEquals(new Aggregate(list(c), list(firstA, firstB, c), t), result);
    assertEquals(t.output().stream().map(AttributeReference::exprId).toList(),
        result.output().stream().map(AttributeReference::exprId).toList());
  }

  @Test
  void withoutKeysIsDistinct() {
    FileRelation t = scan("a INT, b STRING");
    List<Expression> columns = List.copyOf(t.output());

    assertEquals(new Aggregate(columns, columns, t), rule.apply(new Deduplicate(List.of(), t)));
  }

  @Test
  void leavesPlanWithoutDeduplicateAlone() {
    FileRelation t = scan("a INT");

    assertSame(t, rule.apply(t));
  }
}
