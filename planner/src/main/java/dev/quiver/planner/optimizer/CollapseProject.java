package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.logical.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a Project into the Project or Aggregate below it by substituting the lower aliases into the upper
 * list (Spark's CollapseProject). It does not merge when that would change what is computed: a lower alias
 * that is non-deterministic would be evaluated a different number of times, and one that is not cheap (more
 * than an attribute, a constant or a field access) would be computed once per reference instead of once.
 *
 * <pre>
 * Project [(x#3 + 1) AS y#4]                Project [((a#1 * 2) + 1) AS y#4]
 * +- Project [(a#1 * 2) AS x#3]      =>     +- FileRelation [a#1]
 *    +- FileRelation [a#1]
 * </pre>
 */
public final class CollapseProject implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> {
      if (node instanceof Project upper) {
        if (upper.child() instanceof Project lower && canCollapse(upper.projectList(), lower.projectList())) {
          return new Project(merge(upper.projectList(), lower.projectList()), lower.child());
        }
        if (upper.child() instanceof Aggregate lower
            && canCollapse(upper.projectList(), lower.aggregateExpressions())) {
          return new Aggregate(lower.groupingExpressions(),
              merge(upper.projectList(), lower.aggregateExpressions()), lower.child());
        }
      }
      return node;
    });
  }

  /** Whether every lower alias the upper list uses is deterministic, and used once or cheap to repeat. */
  static boolean canCollapse(List<Expression> upper, List<Expression> lower) {
    AliasSubstitution aliases = AliasSubstitution.of(lower);
    Map<ExprId, Integer> uses = new HashMap<>();
    for (Expression e : upper) {
      for (AttributeReference a : Expressions.collect(e, AttributeReference.class)) {
        uses.merge(a.exprId(), 1, Integer::sum);
      }
    }
    for (Map.Entry<ExprId, Integer> use : uses.entrySet()) {
      if (!aliases.isAlias(use.getKey())) {
        continue;
      }
      Expression producer = aliases.aliased(use.getKey());
      if (!producer.deterministic() || use.getValue() > 1 && !isCheap(producer)) {
        return false;
      }
    }
    return true;
  }

  /** Spark's isCheap: evaluating it again costs about as much as reading a column. */
  static boolean isCheap(Expression e) {
    if (e instanceof AttributeReference || e.foldable()) {
      return true;
    }
    if (e instanceof Alias || e instanceof ExtractValue) {
      for (Expression c : e.children()) {
        if (!isCheap(c)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The upper list over the lower node's input; every output keeps its name and id. */
  static List<Expression> merge(List<Expression> upper, List<Expression> lower) {
    AliasSubstitution aliases = AliasSubstitution.of(lower);
    List<Expression> out = new ArrayList<>(upper.size());
    for (Expression e : upper) {
      if (e instanceof AttributeReference a && aliases.isAlias(a.exprId())) {
        out.add(new Alias(aliases.aliased(a.exprId()), a.name(), a.exprId()));
      } else if (e instanceof Alias a) {
        out.add(new Alias(aliases.apply(a.child()), a.name(), a.exprId()));
      } else {
        out.add(e);
      }
    }
    return out;
  }
}
