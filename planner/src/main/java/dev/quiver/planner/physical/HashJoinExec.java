package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.JoinType;
import java.util.List;
import java.util.Optional;

/** Equi-join through a hash table over the build side's keys, with an optional extra condition; the build side is broadcast or both sides are shuffled on their keys. */
public record HashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType, BuildSide buildSide, Optional<Expression> condition, boolean broadcast, PhysicalPlan left, PhysicalPlan right) implements PhysicalPlan {

  public HashJoinExec {
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new HashJoinExec(leftKeys, rightKeys, joinType, buildSide, condition, broadcast, newChildren.get(0), newChildren.get(1));
  }

  @Override
  public List<AttributeReference> output() {
    return PhysicalPlans.joinOutput(left, right, joinType);
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitHashJoinExec(this);
  }
}
