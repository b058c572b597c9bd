package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection with window functions becomes Window operators (one per distinct partitioning and
 * ordering) under a Project that refers to their results by attribute.
 */
final class WindowExtraction {
  private WindowExtraction() {}

  private record Spec(List<Expression> partition, List<SortOrder> order) {}

  static LogicalPlan extract(List<Expression> projectList, LogicalPlan child) {
    Map<Spec, List<Expression>> bySpec = new LinkedHashMap<>();
    List<Expression> finalList = new ArrayList<>();
    for (Expression e : projectList) {
      if (e instanceof Alias a && a.child() instanceof WindowExpression w) {
        bySpec.computeIfAbsent(new Spec(w.partitionSpec(), w.orderSpec()), k -> new ArrayList<>()).add(a);
        finalList.add(a.toAttribute());
        continue;
      }
      finalList.add(Expressions.transformDown(e, x -> {
        if (x instanceof WindowExpression w) {
          Alias alias = new Alias(w, w.sql());
          bySpec.computeIfAbsent(new Spec(w.partitionSpec(), w.orderSpec()), k -> new ArrayList<>()).add(alias);
          return alias.toAttribute();
        }
        return x;
      }));
    }
    LogicalPlan plan = child;
    for (Map.Entry<Spec, List<Expression>> group : bySpec.entrySet()) {
      plan = new Window(group.getValue(), group.getKey().partition(), group.getKey().order(), plan);
    }
    return new Project(finalList, plan);
  }
}
