package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** Reads the partitions of a cached DataFrame. */
public record InMemoryScanExec(long cacheId, List<AttributeReference> output, int numPartitions) implements PhysicalPlan {

  public InMemoryScanExec {
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
    return visitor.visitInMemoryScanExec(this);
  }
}
