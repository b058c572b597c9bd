package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** The values of a range, split into {@code numSlices} contiguous slices. */
public record RangeExec(long start, long end, long step, int numSlices, List<AttributeReference> output) implements PhysicalPlan {

  public RangeExec {
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
    return visitor.visitRangeExec(this);
  }
}
