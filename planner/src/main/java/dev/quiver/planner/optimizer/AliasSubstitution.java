package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an expression over a node's output into one over the node's input by replacing each reference
 * to an aliased output with the aliased expression (Spark's {@code replaceAlias}). Attributes passed through
 * unchanged need no entry.
 */
final class AliasSubstitution {
  private final Map<ExprId, Expression> byId;

  private AliasSubstitution(Map<ExprId, Expression> byId) {
    this.byId = byId;
  }

  /** The aliases of a project or aggregate list. */
  static AliasSubstitution of(List<Expression> namedList) {
    Map<ExprId, Expression> map = new HashMap<>();
    for (Expression e : namedList) {
      if (e instanceof Alias a) {
        map.put(a.exprId(), a.child());
      }
    }
    return new AliasSubstitution(map);
  }

  /** Only the aliases whose expression contains no aggregate call: those are functions of the group key. */
  static AliasSubstitution ofNonAggregates(List<Expression> aggregateList) {
    Map<ExprId, Expression> map = new HashMap<>();
    for (Expression e : aggregateList) {
      if (e instanceof Alias a && !Expressions.containsAggregate(a.child())) {
        map.put(a.exprId(), a.child());
      }
    }
    return new AliasSubstitution(map);
  }

  boolean isAlias(ExprId id) {
    return byId.containsKey(id);
  }

  Expression aliased(ExprId id) {
    return byId.get(id);
  }

  Expression apply(Expression e) {
    if (byId.isEmpty()) {
      return e;
    }
    return Expressions.transformUp(e, x -> {
      if (x instanceof AttributeReference a) {
        Expression replacement = byId.get(a.exprId());
        return replacement == null ? a : replacement;
      }
      return x;
    });
  }
}
