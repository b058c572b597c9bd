package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.SortOrder;
import java.util.List;

/** The first {@code limit} rows of each partition in {@code order}, itself sorted. */
public record TopNExec(int limit, List<SortOrder> order, PhysicalPlan child) implements PhysicalPlan {

  public TopNExec {
    order = List.copyOf(order);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new TopNExec(limit, order, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitTopNExec(this);
  }
}
