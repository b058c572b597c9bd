package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.FileRelation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplaceDistinctWithAggregateTest {
  private final Rule rule = new ReplaceDistinctWithAggregate();

  @Test
  void groupsByEveryColumn() {
    FileRelation t = scan("a INT, b STRING");
    List<Expression> columns = List.copyOf(t.output());

    assertEquals(new Aggregate(columns, columns, t), rule.apply(new Distinct(t)));
  }

  @Test
  void leavesPlanWithoutDistinctAlone() {
    FileRelation t = scan("a INT");

    assertSame(t, rule.apply(t));
  }
}
