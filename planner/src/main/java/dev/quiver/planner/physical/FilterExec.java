package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** Keeps rows where the condition is true. */
public record FilterExec(Expression condition, PhysicalPlan child) implements PhysicalPlan {

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new FilterExec(condition, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitFilterExec(this);
  }
}
