package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** Reads files; {@code partitions} (filled in by the driver before scheduling) lists each task's splits. Pushed filters are advisory. */
public record FileScanExec(dev.quiver.planner.logical.FileSource source, List<AttributeReference> output, List<Expression> pushedFilters, List<ScanPartition> partitions) implements PhysicalPlan {

  public FileScanExec {
    output = List.copyOf(output);
    pushedFilters = List.copyOf(pushedFilters);
    partitions = List.copyOf(partitions);
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
    return visitor.visitFileScanExec(this);
  }
}
