package dev.quiver.planner.optimizer;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rule batches of {@link OptimizerRules} over an analyzed plan. A fixed-point batch repeats until
 * no rule changes the plan (bounded, so a pair of rules undoing each other cannot loop forever; reaching the
 * bound is logged, or an error for a {@link #strict} optimizer, which tests use to catch such pairs). After
 * every rule the output columns (ids, names, types) must be unchanged; a rule that breaks this is a bug and
 * is named in the error.
 */
public final class Optimizer {
  private static final Logger LOG = LoggerFactory.getLogger(Optimizer.class);
  private static final int MAX_ITERATIONS = 100;

  private final List<RuleBatch> batches;
  private final boolean requireFixedPoint;

  public Optimizer(OptimizerContext context) {
    this(OptimizerRules.batches(context));
  }

  public Optimizer(List<RuleBatch> batches) {
    this(batches, false);
  }

  private Optimizer(List<RuleBatch> batches, boolean requireFixedPoint) {
    this.batches = List.copyOf(batches);
    this.requireFixedPoint = requireFixedPoint;
  }

  /** An optimizer that fails when a fixed-point batch has not converged within its iteration bound. */
  public static Optimizer strict(OptimizerContext context) {
    return strict(OptimizerRules.batches(context));
  }

  public static Optimizer strict(List<RuleBatch> batches) {
    return new Optimizer(batches, true);
  }

  public List<RuleBatch> batches() {
    return batches;
  }

  public LogicalPlan optimize(LogicalPlan analyzed) {
    LogicalPlan plan = analyzed;
    for (RuleBatch batch : batches) {
      plan = batch.fixedPoint() ? toFixedPoint(batch, plan) : once(batch, plan);
    }
    return plan;
  }

  private static LogicalPlan once(RuleBatch batch, LogicalPlan plan) {
    LogicalPlan out = plan;
    for (Rule rule : batch.rules()) {
      out = applyChecked(rule, out);
    }
    return out;
  }

  private LogicalPlan toFixedPoint(RuleBatch batch, LogicalPlan plan) {
    LogicalPlan current = plan;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      LogicalPlan next = once(batch, current);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    String message = "Optimizer batch '" + batch.name() + "' did not reach a fixed point in " + MAX_ITERATIONS
        + " iterations; two of its rules probably undo each other.";
    if (requireFixedPoint) {
      throw new PlanningException("Internal error: " + message);
    }
    LOG.warn(message);
    return current;
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
