package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.JoinType;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers over physical plans: output of joins and unions, partition counts. */
public final class PhysicalPlans {
  private PhysicalPlans() {}

  static List<AttributeReference> joinOutput(PhysicalPlan left, PhysicalPlan right, JoinType type) {
    List<AttributeReference> out = new ArrayList<>();
    for (AttributeReference a : left.output()) {
      out.add(type.preservesRight() ? a.withNullable(true) : a);
    }
    if (type.keepsRight()) {
      for (AttributeReference a : right.output()) {
        out.add(type.preservesLeft() ? a.withNullable(true) : a);
      }
    }
    return out;
  }

  static List<AttributeReference> unionOutput(List<PhysicalPlan> children) {
    List<AttributeReference> first = children.get(0).output();
    List<AttributeReference> out = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      boolean nullable = false;
      for (PhysicalPlan c : children) {
        nullable |= c.output().get(i).nullable();
      }
      out.add(first.get(i).withNullable(nullable));
    }
    return out;
  }

  /** How many tasks a stage whose fragment is rooted at {@code plan} runs. */
  public static int numPartitions(PhysicalPlan plan) {
    return plan.accept(new PartitionCounter());
  }

  /** Every node of the tree, pre-order. */
  public static List<PhysicalPlan> collectNodes(PhysicalPlan plan) {
    List<PhysicalPlan> out = new ArrayList<>();
    collect(plan, out);
    return out;
  }

  private static void collect(PhysicalPlan plan, List<PhysicalPlan> out) {
    out.add(plan);
    for (PhysicalPlan c : plan.children()) {
      collect(c, out);
    }
  }

  /** Rewrites bottom-up. */
  public static PhysicalPlan transformUp(PhysicalPlan plan, java.util.function.Function<PhysicalPlan, PhysicalPlan> rule) {
    List<PhysicalPlan> children = plan.children();
    PhysicalPlan node = plan;
    if (!children.isEmpty()) {
      List<PhysicalPlan> out = new ArrayList<>();
      boolean changed = false;
      for (PhysicalPlan c : children) {
        PhysicalPlan n = transformUp(c, rule);
        changed |= n != c;
        out.add(n);
      }
      if (changed) {
        node = plan.withChildren(out);
      }
    }
    return rule.apply(node);
  }
}
