package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.List;

/** Computes one output column per element of the project list. Once resolved, every element is an attribute or an Alias. */
public record Project(List<Expression> projectList, LogicalPlan child) implements LogicalPlan {

  public Project {
    projectList = List.copyOf(projectList);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    return new Project(projectList, newChildren.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return projectList;
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> e) {
    return new Project(e, child);
  }

  @Override
  public List<AttributeReference> output() {
    return Plans.toAttributes(projectList);
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitProject(this);
  }
}
