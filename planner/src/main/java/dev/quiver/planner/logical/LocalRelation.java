package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.StructType;
import java.util.List;

/**
 * Rows held in the plan itself ({@code createDataFrame}). Values are in the internal form of
 * {@link dev.quiver.planner.expressions.Literal}. {@code output} is empty until the analyzer assigns it.
 */
public record LocalRelation(StructType schema, List<List<Object>> rows, List<AttributeReference> output)
    implements LogicalPlan {

  public LocalRelation {
    output = List.copyOf(output);
    rows = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rows));
  }

  public static LocalRelation of(StructType schema, List<List<Object>> rows) {
    return new LocalRelation(schema, rows, List.of());
  }

  public LocalRelation withFreshOutput() {
    return new LocalRelation(schema, rows, Leaf.freshAttributes(schema));
  }

  @Override
  public boolean resolved() {
    return output.size() == schema.length();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    Leaf.checkNoChildren(newChildren, "LocalRelation");
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

  public LocalRelation withOutput(List<AttributeReference> newOutput) {
    return new LocalRelation(schema, rows, newOutput);
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitLocalRelation(this);
  }
}
