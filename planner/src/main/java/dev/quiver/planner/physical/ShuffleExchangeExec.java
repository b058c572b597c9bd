package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** Redistributes rows by {@code partitioning}: a stage boundary. */
public record ShuffleExchangeExec(Partitioning partitioning, PhysicalPlan child) implements PhysicalPlan {

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new ShuffleExchangeExec(partitioning, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitShuffleExchangeExec(this);
  }
}
