package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
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
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import org.junit.jupiter.api.Test;

class CollapseProjectTest {
  private final Rule rule = new CollapseProject();
  private final FileRelation t = scan("a INT, s STRING");
  private final AttributeReference a = col(t, "a");
  private final AttributeReference s = col(t, "s");

  private static Expression plus(Expression l, Expression r) {
    return new BinaryArithmetic(ArithmeticOp.ADD, l, r);
  }

  @Test
  void substitutesLowerAliasesKeepingUpperNamesAndIds() {
    Alias x = alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, a, lit(2)), "x");
    Alias y = alias(plus(x.toAttribute(), lit(1)), "y");
    LogicalPlan plan = new Project(list(y, s), new Project(list(x, s), t));

    LogicalPlan expected = new Project(list(new Alias(plus(x.child(), lit(1)), "y", y.exprId()), s), t);
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void keepsTheUpperNameOfAnAttributeThatIsALowerAlias() {
    Alias x = alias(ScalarFunction.of("upper", s), "x");
    AttributeReference renamedRef = x.toAttribute().withName("X");
    LogicalPlan plan = new Project(list(renamedRef), new Project(list(x), t));

    assertEquals(new Project(list(new Alias(x.child(), "X", x.exprId())), t), rule.apply(plan));
  }

  @Test
  void doesNotDuplicateAnExpensiveExpressionUsedTwice() {
    Alias u = alias(ScalarFunction.of("upper", s), "u");
    Alias twice = alias(ScalarFunction.of("concat", u.toAttribute(), u.toAttribute()), "uu");
    LogicalPlan plan = new Project(list(twice), new Project(list(u), t));

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void duplicatesACheapExpressionUsedTwice() {
    Alias renamed = alias(a, "b");
    Alias sum = alias(plus(renamed.toAttribute(), renamed.toAttribute()), "c");
    LogicalPlan plan = new Project(list(sum), new Project(list(renamed), t));

    assertEquals(new Project(list(new Alias(plus(a, a), "c", sum.exprId())), t), rule.apply(plan));
  }

  @Test
  void mergesIntoAggregateBelow() {
    Alias total = alias(AggregateCall.of(AggregateFunction.SUM, a), "total");
    Alias doubled = alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, total.toAttribute(), Literal.of(2L)), "doubled");
    LogicalPlan plan = new Project(list(s, doubled), new Aggregate(list(s), list(s, total), t));

    LogicalPlan expected = new Aggregate(list(s),
        list(s, new Alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, total.child(), Literal.of(2L)), "doubled",
            doubled.exprId())), t);
    assertEquals(expected, rule.apply(plan));
  }

  @Test
  void doesNotDuplicateAnExpensiveExpressionUsedTwiceEvenAcrossOutputs() {
    Alias x = alias(new BinaryArithmetic(ArithmeticOp.MULTIPLY, a, lit(2)), "x");
    LogicalPlan plan = new Project(list(alias(plus(x.toAttribute(), lit(1)), "y"), x.toAttribute()),
        new Project(list(x, s), t));

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void leavesSingleProjectAlone() {
    LogicalPlan plan = new Project(list(a), t);

    assertSame(plan, rule.apply(plan));
  }
}
