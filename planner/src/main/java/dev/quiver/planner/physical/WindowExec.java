package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.SortOrder;
import java.util.List;

/** Window functions over input clustered by the partition keys and sorted by partition keys then order keys; appends one column per window expression. */
public record WindowExec(List<Expression> windowExpressions, List<Expression> partitionSpec, List<SortOrder> orderSpec, PhysicalPlan child) implements PhysicalPlan {

  public WindowExec {
    windowExpressions = List.copyOf(windowExpressions);
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new WindowExec(windowExpressions, partitionSpec, orderSpec, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return windowOutput();
  }

  private List<AttributeReference> windowOutput() {
    List<AttributeReference> out = new java.util.ArrayList<>(child.output());
    out.addAll(dev.quiver.planner.logical.Plans.toAttributes(windowExpressions));
    return out;
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitWindowExec(this);
  }
}
