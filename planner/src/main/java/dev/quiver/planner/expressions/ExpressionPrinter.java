package dev.quiver.planner.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders expressions as Spark does: {@link #sql} gives the pretty form used for generated column names
 * ({@code (age / 2)}, {@code count(1)}); {@link #explain} adds attribute ids ({@code age#3}) for plans.
 */
public final class ExpressionPrinter implements ExpressionVisitor<String> {
  private static final ExpressionPrinter SQL = new ExpressionPrinter(false);
  private static final ExpressionPrinter EXPLAIN = new ExpressionPrinter(true);

  private final boolean withIds;

  private ExpressionPrinter(boolean withIds) {
    this.withIds = withIds;
  }

  public static String sql(Expression e) {
    return e.accept(SQL);
  }

  public static String explain(Expression e) {
    return e.accept(EXPLAIN);
  }

  public static String explainAll(List<? extends Expression> es) {
    return es.stream().map(ExpressionPrinter::explain).collect(Collectors.joining(", "));
  }

  private String p(Expression e) {
    return e.accept(this);
  }

  private List<String> all(List<? extends Expression> es) {
    List<String> out = new ArrayList<>(es.size());
    for (Expression e : es) {
      out.add(p(e));
    }
    return out;
  }

  @Override
  public String visitLiteral(Literal l) {
    return LiteralFormat.pretty(l);
  }

  @Override
  public String visitAttributeReference(AttributeReference a) {
    return withIds ? a.name() + "#" + a.exprId().id() : a.name();
  }

  @Override
  public String visitUnresolvedAttribute(UnresolvedAttribute u) {
    return withIds ? "'" + u.name() : u.name();
  }

  @Override
  public String visitUnresolvedStar(UnresolvedStar s) {
    return s.target().isEmpty() ? "*" : String.join(".", s.target()) + ".*";
  }

  @Override
  public String visitAlias(Alias a) {
    return withIds ? p(a.child()) + " AS " + a.name() + "#" + a.exprId().id() : p(a.child());
  }

  @Override
  public String visitCast(Cast c) {
    if (withIds) {
      return "cast(" + p(c.child()) + " as " + c.dataType().simpleString() + ")";
    }
    return c.userSpecified() ? "CAST(" + p(c.child()) + " AS " + c.dataType().sql() + ")" : p(c.child());
  }

  @Override
  public String visitBinaryArithmetic(BinaryArithmetic b) {
    return "(" + p(b.left()) + " " + b.op().symbol() + " " + p(b.right()) + ")";
  }

  @Override
  public String visitUnaryMinus(UnaryMinus u) {
    return "(- " + p(u.child()) + ")";
  }

  @Override
  public String visitComparison(Comparison c) {
    return "(" + p(c.left()) + " " + c.op().symbol() + " " + p(c.right()) + ")";
  }

  @Override
  public String visitAnd(And a) {
    return "(" + p(a.left()) + " AND " + p(a.right()) + ")";
  }

  @Override
  public String visitOr(Or o) {
    return "(" + p(o.left()) + " OR " + p(o.right()) + ")";
  }

  @Override
  public String visitNot(Not n) {
    return "(NOT " + p(n.child()) + ")";
  }

  @Override
  public String visitIsNull(IsNull n) {
    return "(" + p(n.child()) + " IS NULL)";
  }

  @Override
  public String visitIsNotNull(IsNotNull n) {
    return "(" + p(n.child()) + " IS NOT NULL)";
  }

  @Override
  public String visitIn(In in) {
    return "(" + p(in.value()) + " IN (" + String.join(", ", all(in.list())) + "))";
  }

  @Override
  public String visitCaseWhen(CaseWhen c) {
    StringBuilder sb = new StringBuilder("CASE");
    for (CaseWhen.Branch b : c.branches()) {
      sb.append(" WHEN ").append(p(b.condition())).append(" THEN ").append(p(b.value()));
    }
    c.elseValue().ifPresent(e -> sb.append(" ELSE ").append(p(e)));
    return sb.append(" END").toString();
  }

  @Override
  public String visitScalarFunction(ScalarFunction f) {
    return f.spec().sql(all(f.args()));
  }

  @Override
  public String visitAggregateCall(AggregateCall a) {
    String args = String.join(", ", all(a.args()));
    return a.function().prettyName() + "(" + (a.distinct() ? "DISTINCT " : "") + args + ")"
        + (a.ignoreNulls() ? " ignore nulls" : "");
  }

  @Override
  public String visitSortOrder(SortOrder s) {
    return p(s.child()) + " " + s.direction().sql() + " " + s.nullOrdering().sql();
  }

  @Override
  public String visitBoundReference(BoundReference b) {
    return "input[" + b.ordinal() + ", " + b.dataType().simpleString() + ", " + b.nullable() + "]";
  }

  @Override
  public String visitWindowExpression(WindowExpression w) {
    List<String> spec = new ArrayList<>();
    if (!w.partitionSpec().isEmpty()) {
      spec.add("PARTITION BY " + String.join(", ", all(w.partitionSpec())));
    }
    if (!w.orderSpec().isEmpty()) {
      spec.add("ORDER BY " + String.join(", ", all(w.orderSpec())));
    }
    spec.add(frameSql(w.frame()));
    return p(w.function()) + " OVER (" + String.join(" ", spec) + ")";
  }

  private static String frameSql(WindowFrame f) {
    return f.type().name() + " BETWEEN " + bound(f.lower(), true) + " AND " + bound(f.upper(), false);
  }

  private static String bound(long b, boolean lower) {
    if (b == WindowFrame.UNBOUNDED_PRECEDING) {
      return "UNBOUNDED PRECEDING";
    }
    if (b == WindowFrame.UNBOUNDED_FOLLOWING) {
      return "UNBOUNDED FOLLOWING";
    }
    if (b == 0) {
      return "CURRENT ROW";
    }
    return b < 0 ? (-b) + " PRECEDING" : b + " FOLLOWING";
  }

  @Override
  public String visitUnresolvedFunction(UnresolvedFunction f) {
    return (withIds ? "'" : "") + f.name() + "(" + (f.distinct() ? "DISTINCT " : "")
        + String.join(", ", all(f.args())) + ")";
  }

  @Override
  public String visitExtractValue(ExtractValue e) {
    if (e.key() instanceof Literal l && l.value() instanceof String field) {
      return p(e.child()) + "." + field;
    }
    return p(e.child()) + "[" + p(e.key()) + "]";
  }
}
