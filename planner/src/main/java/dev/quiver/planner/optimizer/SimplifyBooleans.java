package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Simplifies boolean logic while keeping SQL's three-valued semantics exactly (Spark's BooleanSimplification):
 *
 * <ul>
 *   <li>{@code true AND x = x}, {@code false AND x = false}, {@code false OR x = x}, {@code true OR x = true}
 *       (these hold for a null x too: {@code null AND false} is false, {@code null OR true} is true);
 *   <li>{@code x AND x = x}, {@code x OR x = x} for deterministic x;
 *   <li>common factors come out of a deterministic OR of ANDs: {@code (a AND b) OR (a AND c) = a AND (b OR c)}
 *       and {@code (a AND b) OR a = a}; the same with AND and OR swapped (both laws hold in three-valued
 *       logic). An equi-join key repeated in every branch of an OR so becomes a conjunct a hash join can use;
 *   <li>{@code NOT NOT x = x}, {@code NOT true = false}, {@code NOT null = null};
 *   <li>{@code NOT (a < b) = a >= b} and the other orderings (both sides are null exactly when either operand
 *       is); {@code NOT (a = b)} has no simpler form and is kept;
 *   <li>{@code NOT IsNull(x) = IsNotNull(x)} and back; De Morgan's laws push NOT into AND and OR, which
 *       exposes conjuncts to predicate pushdown.
 * </ul>
 *
 * <pre>
 * Filter (true AND NOT (a#1 >= 3))          Filter (a#1 < 3)
 * +- FileRelation [a#1]               =>    +- FileRelation [a#1]
 * </pre>
 */
public final class SimplifyBooleans implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return PlanExpressions.transformUp(plan, SimplifyBooleans::simplify);
  }

  /** One node whose children are already simplified. */
  static Expression simplify(Expression e) {
    if (e instanceof And and) {
      return simplifyAnd(and);
    }
    if (e instanceof Or or) {
      return simplifyOr(or);
    }
    if (e instanceof Not not) {
      return simplifyNot(not);
    }
    return e;
  }

  private static Expression simplifyAnd(And e) {
    Expression l = e.left();
    Expression r = e.right();
    if (isTrue(l)) {
      return r;
    }
    if (isTrue(r)) {
      return l;
    }
    if (isFalse(l) || isFalse(r)) {
      return Literal.FALSE;
    }
    if (sameDeterministic(l, r)) {
      return l;
    }
    return factorOut(e, Expressions.splitDisjuncts(l), Expressions.splitDisjuncts(r), false);
  }

  private static Expression simplifyOr(Or e) {
    Expression l = e.left();
    Expression r = e.right();
    if (isFalse(l)) {
      return r;
    }
    if (isFalse(r)) {
      return l;
    }
    if (isTrue(l) || isTrue(r)) {
      return Literal.TRUE;
    }
    if (sameDeterministic(l, r)) {
      return l;
    }
    return factorOut(e, Expressions.splitConjuncts(l), Expressions.splitConjuncts(r), true);
  }

  /**
   * {@code e}, an OR of the conjunctions {@code left} and {@code right} (or, when {@code orOfAnds} is false,
   * an AND of those disjunctions), with the operands common to both taken out; {@code e} when none are.
   */
  private static Expression factorOut(Expression e, List<Expression> left, List<Expression> right,
      boolean orOfAnds) {
    if (!e.deterministic()) {
      return e;
    }
    List<Expression> common = new ArrayList<>();
    for (Expression x : left) {
      if (containsSemantically(right, x)) {
        common.add(x);
      }
    }
    if (common.isEmpty()) {
      return e;
    }
    List<Expression> leftRest = new ArrayList<>();
    for (Expression x : left) {
      if (!containsSemantically(common, x)) {
        leftRest.add(x);
      }
    }
    List<Expression> rightRest = new ArrayList<>();
    for (Expression x : right) {
      if (!containsSemantically(common, x)) {
        rightRest.add(x);
      }
    }
    if (!leftRest.isEmpty() && !rightRest.isEmpty()) {
      // (a AND b) OR (a AND c): a AND (b OR c)
      common.add(orOfAnds
          ? new Or(Expressions.conjunction(leftRest), Expressions.conjunction(rightRest))
          : new And(Expressions.disjunction(leftRest), Expressions.disjunction(rightRest)));
    } // else (a AND b) OR a: a, by absorption
    return orOfAnds ? Expressions.conjunction(common) : Expressions.disjunction(common);
  }

  private static boolean containsSemantically(List<Expression> list, Expression x) {
    for (Expression y : list) {
      if (Expressions.semanticEquals(x, y)) {
        return true;
      }
    }
    return false;
  }

  private static Expression simplifyNot(Not e) {
    Expression c = e.child();
    if (isTrue(c)) {
      return Literal.FALSE;
    }
    if (isFalse(c)) {
      return Literal.TRUE;
    }
    if (c instanceof Literal l && l.isNull()) {
      return Literal.nullOf(DataTypes.BooleanType);
    }
    if (c instanceof Not inner) {
      return inner.child();
    }
    if (c instanceof IsNull n) {
      return new IsNotNull(n.child());
    }
    if (c instanceof IsNotNull n) {
      return new IsNull(n.child());
    }
    if (c instanceof Comparison cmp) {
      ComparisonOp negated = negate(cmp.op());
      return negated == null ? e : new Comparison(negated, cmp.left(), cmp.right());
    }
    if (c instanceof Or or) {
      return simplifyAnd(new And(simplifyNot(new Not(or.left())), simplifyNot(new Not(or.right()))));
    }
    if (c instanceof And and) {
      return simplifyOr(new Or(simplifyNot(new Not(and.left())), simplifyNot(new Not(and.right()))));
    }
    return e;
  }

  /** The operator true exactly where {@code op} is false (and null where it is null); none for = and <=>. */
  private static ComparisonOp negate(ComparisonOp op) {
    switch (op) {
      case LT:
        return ComparisonOp.GTE;
      case LTE:
        return ComparisonOp.GT;
      case GT:
        return ComparisonOp.LTE;
      case GTE:
        return ComparisonOp.LT;
      default:
        return null;
    }
  }

  private static boolean sameDeterministic(Expression a, Expression b) {
    return a.deterministic() && b.deterministic() && Expressions.semanticEquals(a, b);
  }

  private static boolean isTrue(Expression e) {
    return e instanceof Literal l && Boolean.TRUE.equals(l.value());
  }

  private static boolean isFalse(Expression e) {
    return e instanceof Literal l && Boolean.FALSE.equals(l.value());
  }
}
