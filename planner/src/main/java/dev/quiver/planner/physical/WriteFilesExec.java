package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import java.util.List;

/** Writes its input into files under the write job's staging directory; each task reports the files it committed. */
public record WriteFilesExec(WriteSpec spec, PhysicalPlan child) implements PhysicalPlan {

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new WriteFilesExec(spec, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitWriteFilesExec(this);
  }
}
