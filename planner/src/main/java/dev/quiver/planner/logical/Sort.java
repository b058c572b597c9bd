package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/** Orders rows by {@code order}; {@code global} sorts the whole result, otherwise each partition. */
public record Sort(List<SortOrder> order, boolean global, LogicalPlan child) implements LogicalPlan {

  public Sort {
    order = List.copyOf(order);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Sort(order, global, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.copyOf(order);
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    List<SortOrder> orders = new ArrayList<>(e.size());
    for (Expression x : e) {
      orders.add((SortOrder) x);
    }
    return new Sort(orders, global, child);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitSort(this);
  }
}
