package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** Merges the child's partitions into at most {@code numPartitions} without a shuffle. */
public record CoalesceExec(int numPartitions, PhysicalPlan child) implements PhysicalPlan {

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new CoalesceExec(numPartitions, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitCoalesceExec(this);
  }
}
