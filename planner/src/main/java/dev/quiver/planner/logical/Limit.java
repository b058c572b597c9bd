package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** The first {@code limit} rows (of the child's order, if any). */
public record Limit(int limit, LogicalPlan child) implements LogicalPlan {

  public Limit {
    if (limit < 0) {
      throw new dev.quiver.sql.AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
          "The limit like expression \"" + limit + "\" is invalid. The limit expression must be equal to or greater than 0, but got " + limit + ".", "42K0E");
    }
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Limit(limit, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitLimit(this);
  }
}
