package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.JoinType;
import java.util.List;
import java.util.Optional;

/** Joins every streamed row with every row of the broadcast build side that satisfies the condition (for joins without equality keys). */
public record NestedLoopJoinExec(JoinType joinType, BuildSide buildSide, Optional<Expression> condition, PhysicalPlan left, PhysicalPlan right) implements PhysicalPlan {

  @Override
  public List<PhysicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new NestedLoopJoinExec(joinType, buildSide, condition, newChildren.get(0), newChildren.get(1));
  }

  @Override
  public List<AttributeReference> output() {
    return PhysicalPlans.joinOutput(left, right, joinType);
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitNestedLoopJoinExec(this);
  }
}
