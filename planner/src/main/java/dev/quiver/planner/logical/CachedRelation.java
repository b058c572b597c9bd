package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/**
 * The materialized result of a cached DataFrame, by cache id; substituted for the plan it caches. The
 * columns are those of the cached plan, positionally; {@code output} are fresh attributes for this use.
 * {@code plan} is the analyzed plan that produced the data, kept to recompute it if lost.
 */
public record CachedRelation(long cacheId, LogicalPlan plan, List<AttributeReference> output) implements LogicalPlan {

  public CachedRelation {
    output = List.copyOf(output);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    Leaf.checkNoChildren(newChildren, "CachedRelation");
    return this;
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> newExpressions) {
    return this;
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitCachedRelation(this);
  }
}
