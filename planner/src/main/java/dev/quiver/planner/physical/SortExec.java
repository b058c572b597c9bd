package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.SortOrder;
import java.util.List;

/** Sorts each partition; {@code global} marks the final sort of a total order (its input is one partition). */
public record SortExec(List<SortOrder> order, boolean global, PhysicalPlan child) implements PhysicalPlan {

  public SortExec {
    order = List.copyOf(order);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new SortExec(order, global, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitSortExec(this);
  }
}
