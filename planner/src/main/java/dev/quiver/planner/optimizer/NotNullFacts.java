package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.CachedRelation;
import dev.quiver.planner.logical.Deduplicate;
import dev.quiver.planner.logical.Distinct;
import dev.quiver.planner.logical.Drop;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalPlanVisitor;
import dev.quiver.planner.logical.PlanIdMarker;
import dev.quiver.planner.logical.Project;
import dev.quiver.planner.logical.Range;
import dev.quiver.planner.logical.Repartition;
import dev.quiver.planner.logical.Sort;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Union;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.logical.WithColumns;
import dev.quiver.planner.logical.WithColumnsRenamed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expressions proven non-null on every row a plan produces: by filters ({@code IsNotNull(e)}, or a
 * comparison, which is only true when its operands are non-null), carried through the operators that keep
 * or rename columns. A small slice of Spark's constraint propagation, enough for
 * {@link InferFiltersFromJoinKeys} to see a filter it added earlier after it has been pushed down, so the
 * fixed point does not add it again. Expressions are held in {@link Expressions#canonical} form.
 */
final class NotNullFacts implements LogicalPlanVisitor<Set<Expression>> {
  private static final NotNullFacts INSTANCE = new NotNullFacts();

  private NotNullFacts() {}

  static Set<Expression> of(LogicalPlan plan) {
    return plan.accept(INSTANCE);
  }

  /** Whether {@code e} is non-null on every row, given the facts of the rows it is evaluated on. */
  static boolean isKnownNotNull(Expression e, Set<Expression> facts) {
    if (!e.nullable() || facts.contains(Expressions.canonical(e))) {
      return true;
    }
    // Operators that are non-null whenever their operands are (division is not: x / 0 may be null).
    boolean preserving = e instanceof UnaryMinus
        || e instanceof BinaryArithmetic b && (b.op() == ArithmeticOp.ADD || b.op() == ArithmeticOp.SUBTRACT
            || b.op() == ArithmeticOp.MULTIPLY);
    if (!preserving) {
      return false;
    }
    for (Expression c : e.children()) {
      if (!isKnownNotNull(c, facts)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The attributes that must be non-null for {@code e} to be non-null: those reached only through
   * operators that return null on a null operand (Spark's NullIntolerant).
   */
  static List<AttributeReference> nullIntolerantAttributes(Expression e) {
    List<AttributeReference> out = new ArrayList<>();
    collectNullIntolerant(e, out);
    return out;
  }

  private static void collectNullIntolerant(Expression e, List<AttributeReference> out) {
    if (e instanceof AttributeReference a) {
      out.add(a);
      return;
    }
    boolean intolerant = e instanceof Cast || e instanceof BinaryArithmetic || e instanceof UnaryMinus
        || e instanceof Comparison c && c.op() != ComparisonOp.NULL_SAFE_EQ;
    if (intolerant) {
      for (Expression c : e.children()) {
        collectNullIntolerant(c, out);
      }
    }
  }

  /** What a row passing {@code condition} is known to have non-null. */
  static Set<Expression> implied(Expression condition) {
    Set<Expression> facts = new HashSet<>();
    for (Expression c : Expressions.splitConjuncts(condition)) {
      List<Expression> nonNull = new ArrayList<>();
      if (c instanceof IsNotNull n) {
        nonNull.add(n.child());
      } else if (c instanceof Comparison cmp && cmp.op() != ComparisonOp.NULL_SAFE_EQ) {
        nonNull.add(cmp.left());
        nonNull.add(cmp.right());
      } else if (c instanceof In in) {
        nonNull.add(in.value());
      }
      for (Expression e : nonNull) {
        facts.add(Expressions.canonical(e));
        for (AttributeReference a : nullIntolerantAttributes(e)) {
          facts.add(Expressions.canonical(a));
        }
      }
    }
    return facts;
  }

  private static Set<Expression> union(Set<Expression> a, Set<Expression> b) {
    Set<Expression> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  /** The child's facts plus the outputs that are aliases of expressions known non-null. */
  private static Set<Expression> throughNamedList(List<Expression> namedList, Set<Expression> childFacts) {
    Set<Expression> out = new HashSet<>(childFacts);
    for (Expression e : namedList) {
      if (e instanceof Alias a && isKnownNotNull(a.child(), childFacts)) {
        out.add(Expressions.canonical(a.toAttribute()));
      }
    }
    return out;
  }

  @Override
  public Set<Expression> visitLocalRelation(LocalRelation r) {
    return Set.of();
  }

  @Override
  public Set<Expression> visitRange(Range r) {
    return Set.of();
  }

  @Override
  public Set<Expression> visitFileRelation(FileRelation r) {
    return Set.of();
  }

  @Override
  public Set<Expression> visitCachedRelation(CachedRelation r) {
    return Set.of();
  }

  @Override
  public Set<Expression> visitProject(Project p) {
    return throughNamedList(p.projectList(), of(p.child()));
  }

  @Override
  public Set<Expression> visitFilter(Filter f) {
    return union(of(f.child()), implied(f.condition()));
  }

  @Override
  public Set<Expression> visitAggregate(Aggregate a) {
    return throughNamedList(a.aggregateExpressions(), of(a.child()));
  }

  @Override
  public Set<Expression> visitJoin(Join j) {
    switch (j.joinType()) {
      case INNER:
      case CROSS:
      case LEFT_SEMI: {
        Set<Expression> facts = union(of(j.left()), of(j.right()));
        return j.condition().map(c -> union(facts, implied(c))).orElse(facts);
      }
      case LEFT_OUTER:
      case LEFT_ANTI:
        return of(j.left());
      case RIGHT_OUTER:
        return of(j.right());
      default:
        return Set.of();
    }
  }

  @Override
  public Set<Expression> visitSort(Sort s) {
    return of(s.child());
  }

  @Override
  public Set<Expression> visitLimit(Limit l) {
    return of(l.child());
  }

  @Override
  public Set<Expression> visitUnion(Union u) {
    // A column of a union is non-null when it is non-null in every input at that position.
    List<AttributeReference> out = u.output();
    Set<Expression> facts = new HashSet<>();
    List<Set<Expression>> childFacts = new ArrayList<>();
    for (LogicalPlan c : u.children()) {
      childFacts.add(of(c));
    }
    for (int i = 0; i < out.size(); i++) {
      boolean everywhere = true;
      for (int k = 0; k < u.children().size() && everywhere; k++) {
        everywhere = isKnownNotNull(u.children().get(k).output().get(i), childFacts.get(k));
      }
      if (everywhere) {
        facts.add(Expressions.canonical(out.get(i)));
      }
    }
    return facts;
  }

  @Override
  public Set<Expression> visitDistinct(Distinct d) {
    return of(d.child());
  }

  @Override
  public Set<Expression> visitDeduplicate(Deduplicate d) {
    return of(d.child());
  }

  @Override
  public Set<Expression> visitSubqueryAlias(SubqueryAlias s) {
    return of(s.child());
  }

  @Override
  public Set<Expression> visitRepartition(Repartition r) {
    return of(r.child());
  }

  @Override
  public Set<Expression> visitWindow(Window w) {
    return of(w.child());
  }

  @Override
  public Set<Expression> visitPlanIdMarker(PlanIdMarker m) {
    return of(m.child());
  }

  @Override
  public Set<Expression> visitWithColumns(WithColumns w) {
    throw UnresolvedNodes.reached(w);
  }

  @Override
  public Set<Expression> visitWithColumnsRenamed(WithColumnsRenamed w) {
    throw UnresolvedNodes.reached(w);
  }

  @Override
  public Set<Expression> visitDrop(Drop d) {
    throw UnresolvedNodes.reached(d);
  }
}
