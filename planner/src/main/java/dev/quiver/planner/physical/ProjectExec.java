package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Plans;
import java.util.List;

/** Computes the named expressions of the project list. */
public record ProjectExec(List<Expression> projectList, PhysicalPlan child) implements PhysicalPlan {

  public ProjectExec {
    projectList = List.copyOf(projectList);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new ProjectExec(projectList, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return Plans.toAttributes(projectList);
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitProjectExec(this);
  }
}
