package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** Rows held in the plan, dealt into {@code numPartitions} contiguous slices. */
public record LocalTableScanExec(List<AttributeReference> output, List<List<Object>> rows, int numPartitions) implements PhysicalPlan {

  public LocalTableScanExec {
    output = List.copyOf(output);
    rows = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rows));
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
    return visitor.visitLocalTableScanExec(this);
  }
}
