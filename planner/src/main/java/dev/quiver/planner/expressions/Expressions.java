package dev.quiver.planner.expressions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Tree walks and common queries over expressions. */
public final class Expressions {
  private Expressions() {}

  /** Rewrites bottom-up: children first, then {@code rule} on the rebuilt node. */
  public static Expression transformUp(Expression e, Function<Expression, Expression> rule) {
    List<Expression> children = e.children();
    Expression node = e;
    if (!children.isEmpty()) {
      List<Expression> out = new ArrayList<>(children.size());
      boolean changed = false;
      for (Expression c : children) {
        Expression n = transformUp(c, rule);
        changed |= n != c;
        out.add(n);
      }
      if (changed) {
        node = e.withChildren(out);
      }
    }
    return rule.apply(node);
  }

  /** Rewrites top-down: {@code rule} first; the children of its result are then rewritten. */
  public static Expression transformDown(Expression e, Function<Expression, Expression> rule) {
    Expression node = rule.apply(e);
    List<Expression> children = node.children();
    if (children.isEmpty()) {
      return node;
    }
    List<Expression> out = new ArrayList<>(children.size());
    boolean changed = false;
    for (Expression c : children) {
      Expression n = transformDown(c, rule);
      changed |= n != c;
      out.add(n);
    }
    return changed ? node.withChildren(out) : node;
  }

  public static boolean exists(Expression e, Predicate<Expression> p) {
    if (p.test(e)) {
      return true;
    }
    for (Expression c : e.children()) {
      if (exists(c, p)) {
        return true;
      }
    }
    return false;
  }

  public static <T extends Expression> List<T> collect(Expression e, Class<T> type) {
    List<T> out = new ArrayList<>();
    collectInto(e, type, out);
    return out;
  }

  private static <T extends Expression> void collectInto(Expression e, Class<T> type, List<T> out) {
    if (type.isInstance(e)) {
      out.add(type.cast(e));
    }
    for (Expression c : e.children()) {
      collectInto(c, type, out);
    }
  }

  /** The distinct attributes referenced, in first-seen order, by exprId. */
  public static List<AttributeReference> references(Expression e) {
    Map<ExprId, AttributeReference> seen = new LinkedHashMap<>();
    for (AttributeReference a : collect(e, AttributeReference.class)) {
      seen.putIfAbsent(a.exprId(), a);
    }
    return new ArrayList<>(seen.values());
  }

  public static List<AttributeReference> references(List<? extends Expression> es) {
    Map<ExprId, AttributeReference> seen = new LinkedHashMap<>();
    for (Expression e : es) {
      for (AttributeReference a : collect(e, AttributeReference.class)) {
        seen.putIfAbsent(a.exprId(), a);
      }
    }
    return new ArrayList<>(seen.values());
  }

  /** {@code a AND b AND c} as [a, b, c]. */
  public static List<Expression> splitConjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    splitInto(e, out);
    return out;
  }

  private static void splitInto(Expression e, List<Expression> out) {
    if (e instanceof And a) {
      splitInto(a.left(), out);
      splitInto(a.right(), out);
    } else {
      out.add(e);
    }
  }

  /** [a, b, c] as {@code a AND b AND c}; null for an empty list. */
  public static Expression conjunction(List<Expression> es) {
    Expression acc = null;
    for (Expression e : es) {
      acc = acc == null ? e : new And(acc, e);
    }
    return acc;
  }

  /** {@code a OR b OR c} as [a, b, c]. */
  public static List<Expression> splitDisjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    splitDisjunctsInto(e, out);
    return out;
  }

  private static void splitDisjunctsInto(Expression e, List<Expression> out) {
    if (e instanceof Or o) {
      splitDisjunctsInto(o.left(), out);
      splitDisjunctsInto(o.right(), out);
    } else {
      out.add(e);
    }
  }

  /** [a, b, c] as {@code a OR b OR c}; null for an empty list. */
  public static Expression disjunction(List<Expression> es) {
    Expression acc = null;
    for (Expression e : es) {
      acc = acc == null ? e : new Or(acc, e);
    }
    return acc;
  }

  public static boolean containsAggregate(Expression e) {
    return exists(e, x -> x instanceof AggregateCall) && !exists(e, x -> x instanceof WindowExpression);
  }

  public static boolean containsWindow(Expression e) {
    return exists(e, x -> x instanceof WindowExpression);
  }

  /** The expression without its outer Alias, if any. */
  public static Expression unalias(Expression e) {
    return e instanceof Alias a ? a.child() : e;
  }

  /**
   * A form in which two expressions computing the same value compare equal: aliases' ids, attribute
   * qualifiers and nullability removed.
   */
  public static Expression canonical(Expression e) {
    return transformUp(e, x -> {
      if (x instanceof AttributeReference a) {
        return new AttributeReference("", a.dataType(), true, a.exprId(), List.of());
      }
      if (x instanceof Alias a) {
        return a.child();
      }
      return x;
    });
  }

  public static boolean semanticEquals(Expression a, Expression b) {
    return canonical(a).equals(canonical(b));
  }

  /** Whether every attribute {@code e} references is among {@code available} (by exprId). */
  public static boolean referencesOnly(Expression e, List<AttributeReference> available) {
    java.util.Set<ExprId> ids = new java.util.HashSet<>();
    for (AttributeReference a : available) {
      ids.add(a.exprId());
    }
    for (AttributeReference a : collect(e, AttributeReference.class)) {
      if (!ids.contains(a.exprId())) {
        return false;
      }
    }
    return true;
  }
}
