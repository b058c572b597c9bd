package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/**
 * A relation over files. {@code output} is the columns read (all of the source's columns until projection
 * pruning narrows them); {@code pushedFilters} are conjuncts over those columns the reader may use to skip
 * data — advisory, the plan keeps its Filter above.
 */
public record FileRelation(FileSource source, List<AttributeReference> output, List<Expression> pushedFilters)
    implements LogicalPlan {

  public FileRelation {
    output = List.copyOf(output);
    pushedFilters = List.copyOf(pushedFilters);
  }

  public static FileRelation of(FileSource source) {
    return new FileRelation(source, List.of(), List.of());
  }

  public FileRelation withFreshOutput() {
    return new FileRelation(source, Leaf.freshAttributes(source.fullSchema()), List.of());
  }

  public FileRelation withOutput(List<AttributeReference> newOutput) {
    return new FileRelation(source, newOutput, pushedFilters);
  }

  public FileRelation withPushedFilters(List<Expression> filters) {
    return new FileRelation(source, output, filters);
  }

  @Override
  public boolean resolved() {
    return !output.isEmpty() || source.fullSchema().length() == 0;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    Leaf.checkNoChildren(newChildren, "FileRelation");
    return this;
  }

  @Override
  public List<Expression> expressions() {
    return pushedFilters;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> newExpressions) {
    return new FileRelation(source, output, newExpressions);
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitFileRelation(this);
  }
}
