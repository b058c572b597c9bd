package dev.quiver.executor.operators;

import dev.quiver.formats.SourceFilter;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates pushed filter expressions into the readers' {@link SourceFilter}s. Only simple forms over data
 * columns translate; anything else is dropped (pushed filters are advisory, the plan filters again).
 */
final class SourceFilters {
  private SourceFilters() {}

  static List<SourceFilter> translate(List<Expression> pushed, Set<String> dataColumns) {
    List<SourceFilter> out = new ArrayList<>();
    for (Expression e : pushed) {
      translate(e, dataColumns).ifPresent(out::add);
    }
    return out;
  }

  /** A filter every matching row passes (it may let more rows through), or empty. */
  static Optional<SourceFilter> translate(Expression e, Set<String> cols) {
    return translate(e, cols, false);
  }

  /**
   * @param exact whether the result must be equivalent to {@code e}, not just implied by it: under a NOT, a
   *     weaker child ({@code a} for {@code a AND b}) would make a stronger filter and skip matching rows
   */
  private static Optional<SourceFilter> translate(Expression e, Set<String> cols, boolean exact) {
    if (e instanceof And a) {
      Optional<SourceFilter> l = translate(a.left(), cols, exact);
      Optional<SourceFilter> r = translate(a.right(), cols, exact);
      if (l.isPresent() && r.isPresent()) {
        return Optional.of(new SourceFilter.And(l.get(), r.get()));
      }
      if (exact) {
        return Optional.empty();
      }
      return l.isPresent() ? l : r;
    }
    if (e instanceof Or o) {
      Optional<SourceFilter> l = translate(o.left(), cols, exact);
      Optional<SourceFilter> r = translate(o.right(), cols, exact);
      return l.isPresent() && r.isPresent() ? Optional.of(new SourceFilter.Or(l.get(), r.get())) : Optional.empty();
    }
    if (e instanceof Not n) {
      return translate(n.child(), cols, true).map(SourceFilter.Not::new);
    }
    if (e instanceof IsNull n && column(n.child(), cols) != null) {
      return Optional.of(new SourceFilter.IsNull(column(n.child(), cols)));
    }
    if (e instanceof IsNotNull n && column(n.child(), cols) != null) {
      return Optional.of(new SourceFilter.IsNotNull(column(n.child(), cols)));
    }
    if (e instanceof Comparison c && c.op() != ComparisonOp.NULL_SAFE_EQ) {
      String lc = column(c.left(), cols);
      String rc = column(c.right(), cols);
      if (lc != null && c.right() instanceof Literal l && l.value() != null) {
        return Optional.of(new SourceFilter.Compare(lc, op(c.op()), l.value()));
      }
      if (rc != null && c.left() instanceof Literal l && l.value() != null) {
        return Optional.of(new SourceFilter.Compare(rc, op(c.op().flip()), l.value()));
      }
    }
    if (e instanceof In in && column(in.value(), cols) != null) {
      List<Object> values = new ArrayList<>();
      for (Expression x : in.list()) {
        if (!(x instanceof Literal l) || l.value() == null) {
          return Optional.empty();
        }
        values.add(l.value());
      }
      return Optional.of(new SourceFilter.In(column(in.value(), cols), values));
    }
    if (e instanceof ScalarFunction f && f.name().equals("startswith") && column(f.args().get(0), cols) != null
        && f.args().get(1) instanceof Literal l && l.value() instanceof String s) {
      return Optional.of(new SourceFilter.StringStartsWith(column(f.args().get(0), cols), s));
    }
    return Optional.empty();
  }

  private static String column(Expression e, Set<String> cols) {
    return e instanceof AttributeReference a && cols.contains(a.name()) ? a.name() : null;
  }

  private static SourceFilter.Op op(ComparisonOp op) {
    switch (op) {
      case EQ:
        return SourceFilter.Op.EQ;
      case LT:
        return SourceFilter.Op.LT;
      case LTE:
        return SourceFilter.Op.LTE;
      case GT:
        return SourceFilter.Op.GT;
      case GTE:
        return SourceFilter.Op.GTE;
      default:
        throw new IllegalArgumentException("No source filter for " + op);
    }
  }
}
