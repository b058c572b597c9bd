package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes window functions that share one partitioning and ordering: the output is the child's columns
 * followed by one column per element of {@code windowExpressions} (each an Alias of a WindowExpression).
 */
public record Window(List<Expression> windowExpressions, List<Expression> partitionSpec, List<SortOrder> orderSpec,
    LogicalPlan child) implements LogicalPlan {

  public Window {
    windowExpressions = List.copyOf(windowExpressions);
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Window(windowExpressions, partitionSpec, orderSpec, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(windowExpressions);
    all.addAll(partitionSpec);
    all.addAll(orderSpec);
    return all;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    int w = windowExpressions.size();
    int p = partitionSpec.size();
    List<SortOrder> orders = new ArrayList<>();
    for (Expression x : e.subList(w + p, e.size())) {
      orders.add((SortOrder) x);
    }
    return new Window(e.subList(0, w), e.subList(w, w + p), orders, child);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(child.output());
    out.addAll(Plans.toAttributes(windowExpressions));
    return out;
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitWindow(this);
  }
}
