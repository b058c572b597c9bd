package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** All rows produced by stage {@code stageId}, the same in every task: the stand-in for a broadcast exchange after stage cutting. */
public record BroadcastReadExec(int stageId, List<AttributeReference> output) implements PhysicalPlan {

  public BroadcastReadExec {
    output = List.copyOf(output);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return this;
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitBroadcastReadExec(this);
  }
}
