package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** Reads partition i of the shuffle written by map stage {@code stageId}: the stand-in for an exchange after stage cutting. */
public record ShuffleReadExec(int stageId, List<AttributeReference> output, Partitioning partitioning) implements PhysicalPlan {

  public ShuffleReadExec {
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
    return visitor.visitShuffleReadExec(this);
  }
}
