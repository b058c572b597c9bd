package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** The partitions of all children, one after another. */
public record UnionExec(List<PhysicalPlan> children) implements PhysicalPlan {

  public UnionExec {
    children = List.copyOf(children);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new UnionExec(newChildren);
  }

  @Override
  public List<AttributeReference> output() {
    return PhysicalPlans.unionOutput(children);
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitUnionExec(this);
  }
}
