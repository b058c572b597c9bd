package dev.quiver.planner.logical;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.planner.expressions.NamedExpression;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Tree walks over logical plans and schema helpers. */
public final class Plans {
  private Plans() {}

  public static List<AttributeReference> toAttributes(List<Expression> named) {
    List<AttributeReference> out = new ArrayList<>(named.size());
    for (Expression e : named) {
      if (!(e instanceof NamedExpression n)) {
        throw new PlanningException("Internal error: " + ExpressionPrinter.explain(e)
            + " has no name; the analyzer should have aliased it");
      }
      out.add(n.toAttribute());
    }
    return out;
  }

  public static StructType schemaOf(List<AttributeReference> attributes) {
    StructField[] fields = new StructField[attributes.size()];
    for (int i = 0; i < fields.length; i++) {
      AttributeReference a = attributes.get(i);
      fields[i] = new StructField(a.name(), a.dataType(), a.nullable());
    }
    return new StructType(fields);
  }

  public static StructType schemaOf(LogicalPlan plan) {
    return schemaOf(plan.output());
  }

  /** Rewrites bottom-up: children first, then {@code rule} on the rebuilt node. */
  public static LogicalPlan transformUp(LogicalPlan plan, Function<LogicalPlan, LogicalPlan> rule) {
    List<LogicalPlan> children = plan.children();
    LogicalPlan node = plan;
    if (!children.isEmpty()) {
      List<LogicalPlan> newChildren = new ArrayList<>(children.size());
      boolean changed = false;
      for (LogicalPlan c : children) {
        LogicalPlan n = transformUp(c, rule);
        changed |= n != c;
        newChildren.add(n);
      }
      if (changed) {
        node = plan.withChildren(newChildren);
      }
    }
    return rule.apply(node);
  }

  /** Rewrites top-down: {@code rule} on the node, then on the children of its result. */
  public static LogicalPlan transformDown(LogicalPlan plan, Function<LogicalPlan, LogicalPlan> rule) {
    LogicalPlan node = rule.apply(plan);
    List<LogicalPlan> children = node.children();
    if (children.isEmpty()) {
      return node;
    }
    List<LogicalPlan> newChildren = new ArrayList<>(children.size());
    boolean changed = false;
    for (LogicalPlan c : children) {
      LogicalPlan n = transformDown(c, rule);
      changed |= n != c;
      newChildren.add(n);
    }
    return changed ? node.withChildren(newChildren) : node;
  }

  /** Applies {@code rule} to every expression of this node only (bottom-up within each expression). */
  public static LogicalPlan mapExpressions(LogicalPlan plan, Function<Expression, Expression> rule) {
    List<Expression> exprs = plan.expressions();
    if (exprs.isEmpty()) {
      return plan;
    }
    List<Expression> out = new ArrayList<>(exprs.size());
    boolean changed = false;
    for (Expression e : exprs) {
      Expression n = dev.quiver.planner.expressions.Expressions.transformUp(e, rule);
      changed |= n != e;
      out.add(n);
    }
    return changed ? plan.withExpressions(out) : plan;
  }

  /** Every node of the tree, pre-order. */
  public static List<LogicalPlan> collectNodes(LogicalPlan plan) {
    List<LogicalPlan> out = new ArrayList<>();
    collect(plan, out);
    return out;
  }

  private static void collect(LogicalPlan plan, List<LogicalPlan> out) {
    out.add(plan);
    for (LogicalPlan c : plan.children()) {
      collect(c, out);
    }
  }
}
