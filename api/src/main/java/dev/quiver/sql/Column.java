package dev.quiver.sql;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.NullOrdering;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.sql.expressions.WindowSpec;
import dev.quiver.sql.internal.Literals;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A column expression, as Spark's Column: built from names ({@code col("age")}), literals and functions;
 * combined with operators ({@code plus}, {@code gt}, {@code and}); resolved against a DataFrame when used.
 */
public class Column {
  private final Expression expr;

  public Column(Expression expr) {
    this.expr = expr;
  }

  /** A column by name: {@code Column("age")} is {@code col("age")}. */
  public Column(String name) {
    this(functions.col(name).expr());
  }

  /** The expression tree (for engine internals and advanced users). */
  public Expression expr() {
    return expr;
  }

  static Expression exprOf(Object o) {
    return o instanceof Column c ? c.expr : Literals.of(o);
  }

  private Column binary(ArithmeticOp op, Object other) {
    return new Column(new BinaryArithmetic(op, expr, exprOf(other)));
  }

  private Column compare(ComparisonOp op, Object other) {
    return new Column(new Comparison(op, expr, exprOf(other)));
  }

  // ------------------------------------------------------------------ arithmetic

  public Column plus(Object other) {
    return binary(ArithmeticOp.ADD, other);
  }

  public Column minus(Object other) {
    return binary(ArithmeticOp.SUBTRACT, other);
  }

  public Column multiply(Object other) {
    return binary(ArithmeticOp.MULTIPLY, other);
  }

  public Column divide(Object other) {
    return binary(ArithmeticOp.DIVIDE, other);
  }

  public Column mod(Object other) {
    return binary(ArithmeticOp.REMAINDER, other);
  }

  // ------------------------------------------------------------------ comparison

  public Column equalTo(Object other) {
    return compare(ComparisonOp.EQ, other);
  }

  public Column notEqual(Object other) {
    return new Column(new Not(new Comparison(ComparisonOp.EQ, expr, exprOf(other))));
  }

  public Column gt(Object other) {
    return compare(ComparisonOp.GT, other);
  }

  public Column lt(Object other) {
    return compare(ComparisonOp.LT, other);
  }

  public Column geq(Object other) {
    return compare(ComparisonOp.GTE, other);
  }

  public Column leq(Object other) {
    return compare(ComparisonOp.LTE, other);
  }

  public Column eqNullSafe(Object other) {
    return compare(ComparisonOp.NULL_SAFE_EQ, other);
  }

  public Column between(Object lower, Object upper) {
    return geq(lower).and(leq(upper));
  }

  // ------------------------------------------------------------------ logic and nulls

  public Column and(Column other) {
    return new Column(new And(expr, other.expr));
  }

  public Column or(Column other) {
    return new Column(new Or(expr, other.expr));
  }

  public Column isNull() {
    return new Column(new IsNull(expr));
  }

  public Column isNotNull() {
    return new Column(new IsNotNull(expr));
  }

  public Column isNaN() {
    return new Column(ScalarFunction.of("isnan", expr));
  }

  public Column isin(Object... list) {
    List<Expression> items = new ArrayList<>();
    for (Object o : list) {
      items.add(exprOf(o));
    }
    return new Column(new In(expr, items));
  }

  public Column isInCollection(Collection<?> values) {
    return isin(values.toArray());
  }

  // ------------------------------------------------------------------ strings

  public Column like(String pattern) {
    return new Column(ScalarFunction.of("like", expr, Literal.of(pattern)));
  }

  public Column rlike(String regex) {
    return new Column(ScalarFunction.of("rlike", expr, Literal.of(regex)));
  }

  public Column startsWith(String prefix) {
    return startsWith(functions.lit(prefix));
  }

  public Column startsWith(Column prefix) {
    return new Column(ScalarFunction.of("startswith", expr, prefix.expr));
  }

  public Column endsWith(String suffix) {
    return endsWith(functions.lit(suffix));
  }

  public Column endsWith(Column suffix) {
    return new Column(ScalarFunction.of("endswith", expr, suffix.expr));
  }

  public Column contains(Object other) {
    return new Column(ScalarFunction.of("contains", expr, exprOf(other)));
  }

  public Column substr(int startPos, int len) {
    return new Column(ScalarFunction.of("substring", expr, Literal.of(startPos), Literal.of(len)));
  }

  public Column substr(Column startPos, Column len) {
    return new Column(ScalarFunction.of("substring", expr, startPos.expr, len.expr));
  }

  // ------------------------------------------------------------------ nested values

  public Column getItem(Object key) {
    return new Column(new ExtractValue(expr, exprOf(key)));
  }

  public Column getField(String fieldName) {
    return new Column(new ExtractValue(expr, Literal.of(fieldName)));
  }

  public Column apply(Object extraction) {
    return getItem(extraction);
  }

  // ------------------------------------------------------------------ types and names

  public Column cast(DataType to) {
    return new Column(new Cast(expr, to, true));
  }

  /**
   * Casts to a type given in DDL form ({@code "int"}, {@code "decimal(10,2)"}); a type Spark's parser does not
   * know is an AnalysisException (UNSUPPORTED_DATATYPE or PARSE_SYNTAX_ERROR), like Spark's ParseException.
   */
  public Column cast(String to) {
    return cast(typeOf(to));
  }

  /** A type in DDL form, with the parser's AnalysisException (not its wrapper) for an unknown type. */
  private static DataType typeOf(String ddl) {
    try {
      return DataType.fromDDL(ddl);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof AnalysisException a) {
        throw a;
      }
      throw e;
    }
  }

  /** Like {@link #cast(DataType)}, but a value that cannot be cast (malformed text, overflow) is null. */
  public Column try_cast(DataType to) {
    return new Column(new dev.quiver.planner.expressions.UnresolvedFunction("try_cast",
        List.of(expr, Literal.of(to.sql())), false));
  }

  /** try_cast to a type in DDL form ({@code "int"}, {@code "decimal(10,2)"}). */
  public Column try_cast(String to) {
    return try_cast(typeOf(to));
  }

  public Column alias(String alias) {
    return name(alias);
  }

  public Column as(String alias) {
    return name(alias);
  }

  public Column name(String alias) {
    Expression child = expr instanceof Alias a ? a.child() : expr;
    return new Column(new Alias(child, alias));
  }

  // ------------------------------------------------------------------ ordering

  public Column asc() {
    return order(SortDirection.ASCENDING, NullOrdering.NULLS_FIRST);
  }

  public Column asc_nulls_first() {
    return order(SortDirection.ASCENDING, NullOrdering.NULLS_FIRST);
  }

  public Column asc_nulls_last() {
    return order(SortDirection.ASCENDING, NullOrdering.NULLS_LAST);
  }

  public Column desc() {
    return order(SortDirection.DESCENDING, NullOrdering.NULLS_LAST);
  }

  public Column desc_nulls_first() {
    return order(SortDirection.DESCENDING, NullOrdering.NULLS_FIRST);
  }

  public Column desc_nulls_last() {
    return order(SortDirection.DESCENDING, NullOrdering.NULLS_LAST);
  }

  private Column order(SortDirection d, NullOrdering n) {
    Expression child = expr instanceof SortOrder s ? s.child() : expr;
    return new Column(new SortOrder(child, d, n));
  }

  // ------------------------------------------------------------------ conditionals and windows

  /** Adds a branch to a {@code when(...)} column. */
  public Column when(Column condition, Object value) {
    if (!(expr instanceof CaseWhen c) || c.elseValue().isPresent()) {
      throw new IllegalArgumentException(
          "when() can only be applied on a Column previously generated by when() function, and before otherwise()");
    }
    List<CaseWhen.Branch> branches = new ArrayList<>(c.branches());
    branches.add(new CaseWhen.Branch(condition.expr, exprOf(value)));
    return new Column(new CaseWhen(branches, Optional.empty()));
  }

  public Column otherwise(Object value) {
    if (!(expr instanceof CaseWhen c)) {
      throw new IllegalArgumentException("otherwise() can only be applied on a Column previously generated by when()");
    }
    if (c.elseValue().isPresent()) {
      throw new IllegalArgumentException("otherwise() can only be applied once on a Column previously generated by "
          + "when()");
    }
    return new Column(new CaseWhen(c.branches(), Optional.of(exprOf(value))));
  }

  public Column over(WindowSpec window) {
    return new Column(new WindowExpression(expr, window.partitionSpec(), window.orderSpec(), window.frame()));
  }

  public Column over() {
    return over(dev.quiver.sql.expressions.Window.spec());
  }

  /** Prints the expression (Spark's {@code Column.explain}). */
  public void explain(boolean extended) {
    System.out.println(extended ? ExpressionPrinter.explain(expr) : toString());
  }

  @Override
  public String toString() {
    return ExpressionPrinter.sql(expr);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c && c.expr.equals(expr);
  }

  @Override
  public int hashCode() {
    return expr.hashCode();
  }
}
