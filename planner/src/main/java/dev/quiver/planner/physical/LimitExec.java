package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** The first {@code limit} rows of each partition (local) or of the single input partition (global). */
public record LimitExec(int limit, boolean global, PhysicalPlan child) implements PhysicalPlan {

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new LimitExec(limit, global, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitLimitExec(this);
  }
}
