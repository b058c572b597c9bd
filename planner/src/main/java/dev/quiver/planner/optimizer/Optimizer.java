package dev.quiver.planner.optimizer;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;

/**
 * Runs the rule batches of {@link OptimizerRules} over an analyzed plan. A fixed-point batch repeats until
 * no rule changes the plan (bounded, so a pair of rules undoing each other cannot loop forever). After every
 * rule the output columns (ids, names, types) must be unchanged; a rule that breaks this is a bug and is
 * named in the error.
 */
public final class Optimizer {
  private static final int MAX_ITERATIONS = 100;

  private final List<RuleBatch> batches;

  public Optimizer(OptimizerContext context) {
    this.batches = OptimizerRules.batches(context);
  }

  public Optimizer(List<RuleBatch> batches) {
    this.batches = List.copyOf(batches);
  }

  public List<RuleBatch> batches() {
    return batches;
  }

  public LogicalPlan optimize(LogicalPlan analyzed) {
    LogicalPlan plan = analyzed;
    for (RuleBatch batch : batches) {
      int iterations = batch.fixedPoint() ? MAX_ITERATIONS : 1;
      for (int i = 0; i < iterations; i++) {
        LogicalPlan before = plan;
        for (Rule rule : batch.rules()) {
          LogicalPlan after = applyChecked(rule, plan);
          plan = after;
        }
        if (plan.equals(before)) {
          break;
        }
      }
    }
    return plan;
  }

  private static LogicalPlan applyChecked(Rule rule, LogicalPlan plan) {
    LogicalPlan after;
    try {
      after = rule.apply(plan);
    } catch (RuntimeException e) {
      if (e instanceof dev.quiver.sql.QuiverThrowable) {
        throw e;
      }
      throw new PlanningException("Internal error in optimizer rule " + rule.name() + ": " + e, e);
    }
    if (after != plan) {
      checkSameOutput(rule, plan.output(), after.output());
    }
    return after;
  }

  private static void checkSameOutput(Rule rule, List<AttributeReference> before, List<AttributeReference> after) {
    boolean same = before.size() == after.size();
    for (int i = 0; same && i < before.size(); i++) {
      AttributeReference b = before.get(i);
      AttributeReference a = after.get(i);
      same = b.exprId().equals(a.exprId()) && b.name().equals(a.name()) && b.dataType().equals(a.dataType());
    }
    if (!same) {
      throw new PlanningException("Internal error: optimizer rule " + rule.name()
          + " changed the plan's output from " + before + " to " + after);
    }
  }
}
