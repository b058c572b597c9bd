package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins two relations on {@code condition} (none: every pair). {@code usingColumns} is only set in
 * unresolved plans built by {@code join(other, "col")}; the analyzer turns it into a condition and a Project
 * that keeps each key once, as Spark does.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Optional<Expression> condition,
    List<String> usingColumns) implements LogicalPlan {

  public Join {
    usingColumns = List.copyOf(usingColumns);
  }

  public static Join on(LogicalPlan left, LogicalPlan right, JoinType type, Optional<Expression> condition) {
    return new Join(left, right, type, condition, List.of());
  }

  @Override
  public boolean resolved() {
    return usingColumns.isEmpty() && LogicalPlan.super.resolved();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> c) {
    return new Join(c.get(0), c.get(1), joinType, condition, usingColumns);
  }

  @Override
  public List<Expression> expressions() {
    return condition.map(List::of).orElse(List.of());
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return new Join(left, right, joinType, e.isEmpty() ? Optional.empty() : Optional.of(e.get(0)), usingColumns);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>();
    boolean leftNullable = joinType.preservesRight();
    boolean rightNullable = joinType.preservesLeft();
    for (AttributeReference a : left.output()) {
      out.add(leftNullable ? a.withNullable(true) : a);
    }
    if (joinType.keepsRight()) {
      for (AttributeReference a : right.output()) {
        out.add(rightNullable ? a.withNullable(true) : a);
      }
    }
    return out;
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitJoin(this);
  }
}
