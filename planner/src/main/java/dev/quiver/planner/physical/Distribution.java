package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an operator requires of its input's partitioning, and the exchange that provides it when the input
 * does not already satisfy it (so a join followed by an aggregation on the same keys shuffles once).
 */
final class Distribution {
  private Distribution() {}

  static PhysicalPlan ensureSingle(PhysicalPlan child) {
    if (PhysicalPlans.numPartitions(child) == 1) {
      return child;
    }
    return new ShuffleExchangeExec(new Partitioning.Single(), child);
  }

  /** Rows with equal {@code keys} must be in one partition. */
  static PhysicalPlan ensureClustered(PhysicalPlan child, List<Expression> keys, int numPartitions) {
    if (keys.isEmpty()) {
      return ensureSingle(child);
    }
    Partitioning p = outputPartitioning(child);
    if (p instanceof Partitioning.Single || p.numPartitions() == 1) {
      return child;
    }
    if (p instanceof Partitioning.Hash h && !h.expressions().isEmpty()) {
      boolean all = true;
      for (Expression e : h.expressions()) {
        boolean found = false;
        for (Expression k : keys) {
          found |= Expressions.semanticEquals(e, k);
        }
        all &= found;
      }
      if (all) {
        return child;
      }
    }
    return new ShuffleExchangeExec(new Partitioning.Hash(keys, numPartitions), child);
  }

  /** The known partitioning of an operator's output (Unknown when nothing useful is known). */
  static Partitioning outputPartitioning(PhysicalPlan plan) {
    if (plan instanceof ShuffleExchangeExec x) {
      return x.partitioning();
    }
    if (plan instanceof ShuffleReadExec r) {
      return r.partitioning();
    }
    if (plan instanceof FilterExec || plan instanceof SortExec || plan instanceof TopNExec
        || plan instanceof WindowExec || plan instanceof ProjectExec || plan instanceof HashAggregateExec
        || plan instanceof LimitExec && !((LimitExec) plan).global()) {
      Partitioning p = outputPartitioning(plan.children().get(0));
      return keepIfVisible(p, plan.output(), PhysicalPlans.numPartitions(plan));
    }
    if (plan instanceof LimitExec) {
      return new Partitioning.Single();
    }
    if (plan instanceof HashJoinExec j) {
      PhysicalPlan stream = j.buildSide() == BuildSide.RIGHT ? j.left() : j.right();
      return keepIfVisible(outputPartitioning(stream), plan.output(), PhysicalPlans.numPartitions(plan));
    }
    int n = PhysicalPlans.numPartitions(plan);
    return n == 1 ? new Partitioning.Single() : new Partitioning.Unknown(n);
  }

  private static Partitioning keepIfVisible(Partitioning p, List<AttributeReference> output, int n) {
    if (p instanceof Partitioning.Hash h) {
      Set<ExprId> ids = new HashSet<>();
      for (AttributeReference a : output) {
        ids.add(a.exprId());
      }
      for (AttributeReference a : Expressions.references(h.expressions())) {
        if (!ids.contains(a.exprId())) {
          return new Partitioning.Unknown(n);
        }
      }
      return h;
    }
    return p;
  }
}
