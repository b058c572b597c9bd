package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.gt;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.lit;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Window;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
  private final Rule rule = new FoldConstants(new IntArithmeticEvaluator());
  private final FileRelation t = scan("a INT");
  private final AttributeReference a = col(t, "a");

  private static Expression plus(Expression l, Expression r) {
    return new BinaryArithmetic(ArithmeticOp.ADD, l, r);
  }

  private static Expression times(Expression l, Expression r) {
    return new BinaryArithmetic(ArithmeticOp.MULTIPLY, l, r);
  }

  @Test
  void foldsTheLargestConstantSubtree() {
    LogicalPlan plan = new Filter(gt(a, times(plus(lit(1), lit(2)), lit(4))), t);

    assertEquals(new Filter(gt(a, lit(12)), t), rule.apply(plan));
  }

  @Test
  void foldsInsideAliasesKeepingNameAndId() {
    Alias x = alias(plus(a, plus(lit(1), lit(1))), "x");
    LogicalPlan plan = new Project(list(x), t);

    assertEquals(new Project(list(new Alias(plus(a, lit(2)), "x", x.exprId())), t), rule.apply(plan));
  }

  @Test
  void foldsWhatItCanWhenTheEvaluatorDeclinesTheWhole() {
    // Overflow: the evaluator declines the product, but still folds its operand.
    Expression overflow = times(plus(lit(Integer.MAX_VALUE - 1), lit(1)), lit(2));
    LogicalPlan plan = new Filter(gt(a, overflow), t);

    assertEquals(new Filter(gt(a, times(lit(Integer.MAX_VALUE), lit(2))), t), rule.apply(plan));
  }

  @Test
  void foldsNullChecksOfNonNullableExpressionsWithoutTheEvaluator() {
    LocalRelation r = TestPlans.local("k INT NOT NULL, v INT", List.of());
    AttributeReference k = col(r, "k");
    AttributeReference v = col(r, "v");
    LogicalPlan plan = new Filter(TestPlans.and(new IsNotNull(k), new IsNull(k), new IsNull(v)), r);

    assertEquals(new Filter(TestPlans.and(Literal.TRUE, Literal.FALSE, new IsNull(v)), r),
        new FoldConstants(ConstantEvaluator.NONE).apply(plan));
  }

  @Test
  void leavesWindowRankingFunctionsAlone() {
    // row_number() has no arguments, which makes it look constant; it is not.
    Alias rn = alias(new WindowExpression(ScalarFunction.of("row_number"), list(a), List.of(),
        WindowFrame.WHOLE_PARTITION), "rn");
    LogicalPlan plan = new Window(list(rn), list(a), List.of(), t);
    ConstantEvaluator everything = e -> Optional.of(Literal.of(1));

    assertSame(plan, new FoldConstants(everything).apply(plan));
  }

  @Test
  void leavesPlansWithoutConstantsAlone() {
    LogicalPlan plan = new Filter(gt(a, lit(1)), t);

    assertSame(plan, rule.apply(plan));
  }

  @Test
  void rejectsAnEvaluatorThatChangesTheType() {
    ConstantEvaluator wrong = e -> Optional.of(Literal.of(3L));
    LogicalPlan plan = new Filter(gt(a, plus(lit(1), lit(2))), t);

    assertThrows(PlanningException.class, () -> new FoldConstants(wrong).apply(plan));
  }
}
