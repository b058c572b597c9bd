package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.DecimalRules;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionVisitor;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.UnaryMinus;
import dev.quiver.planner.expressions.UnresolvedAttribute;
import dev.quiver.planner.expressions.UnresolvedFunction;
import dev.quiver.planner.expressions.UnresolvedStar;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DateType;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.NullType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Type-checks one expression node whose children are resolved, and inserts the implicit casts Spark's
 * (ANSI) type coercion would: the result has operands of the types the executor's kernels expect.
 */
final class ExpressionCoercion implements ExpressionVisitor<Expression> {
  static final ExpressionCoercion INSTANCE = new ExpressionCoercion();

  private ExpressionCoercion() {}

  static Expression coerce(Expression e) {
    return e.accept(INSTANCE);
  }

  @Override
  public Expression visitLiteral(Literal l) {
    return l;
  }

  @Override
  public Expression visitAttributeReference(AttributeReference a) {
    return a;
  }

  @Override
  public Expression visitUnresolvedAttribute(UnresolvedAttribute u) {
    return u;
  }

  @Override
  public Expression visitUnresolvedStar(UnresolvedStar s) {
    throw new AnalysisException("INVALID_USAGE_OF_STAR_OR_REGEX",
        "Invalid usage of '*' in an expression; use it only as a whole column in select().", "42000");
  }

  @Override
  public Expression visitAlias(Alias a) {
    return a;
  }

  @Override
  public Expression visitCast(Cast c) {
    DataType from = c.child().dataType();
    if (!CastRules.canCast(from, c.dataType())) {
      throw AnalysisErrors.dataTypeMismatch("CAST_WITHOUT_SUGGESTION", c,
          "cannot cast \"" + from.sql() + "\" to \"" + c.dataType().sql() + "\".");
    }
    return c;
  }

  @Override
  public Expression visitBinaryArithmetic(BinaryArithmetic b) {
    return arithmetic(b, b);
  }

  /**
   * The operator with its operands cast as Spark coerces them ({@code date + n} becomes date_add); errors name
   * {@code shownAs}, the call the user wrote (try_add(a, b) is coerced as a + b).
   */
  static Expression arithmetic(BinaryArithmetic b, Expression shownAs) {
    DataType l = b.left().dataType();
    DataType r = b.right().dataType();
    if (b.op() == ArithmeticOp.ADD || b.op() == ArithmeticOp.SUBTRACT) {
      Expression dateArith = dateArithmetic(b, l, r);
      if (dateArith != null) {
        return dateArith;
      }
    }
    l = promoteOperand(l, r);
    r = promoteOperand(r, l);
    if (!TypeCoercion.isNumeric(l) && !(l instanceof NullType) || !TypeCoercion.isNumeric(r) && !(r instanceof NullType)) {
      throw AnalysisErrors.dataTypeMismatch("BINARY_OP_WRONG_TYPE", shownAs, "the binary operator requires the input "
          + "type \"NUMERIC\", not \"" + (TypeCoercion.isNumeric(l) ? r : l).sql() + "\".");
    }
    if (l instanceof NullType && r instanceof NullType) {
      l = DataTypes.DoubleType;
      r = DataTypes.DoubleType;
    } else if (l instanceof NullType) {
      l = r;
    } else if (r instanceof NullType) {
      r = l;
    }
    switch (b.op()) {
      case DIVIDE: {
        if (l instanceof DecimalType || r instanceof DecimalType) {
          if (!TypeCoercion.isFractional(l) && !TypeCoercion.isFractional(r)) {
            return withOperands(b, toDecimal(l), toDecimal(r));
          }
        }
        return withOperands(b, DataTypes.DoubleType, DataTypes.DoubleType);
      }
      case INTEGRAL_DIVIDE: {
        if (l instanceof DecimalType || r instanceof DecimalType) {
          if (!TypeCoercion.isFractional(l) && !TypeCoercion.isFractional(r)) {
            return withOperands(b, toDecimal(l), toDecimal(r));
          }
        }
        if (!TypeCoercion.isIntegral(l) || !TypeCoercion.isIntegral(r)) {
          throw AnalysisErrors.dataTypeMismatch("BINARY_OP_WRONG_TYPE", shownAs, "the binary operator requires the "
              + "input type \"INTEGRAL\", not \"" + (TypeCoercion.isIntegral(l) ? r : l).sql() + "\".");
        }
        return withOperands(b, DataTypes.LongType, DataTypes.LongType);
      }
      default: {
        if ((l instanceof DecimalType || r instanceof DecimalType)
            && !TypeCoercion.isFractional(l) && !TypeCoercion.isFractional(r)) {
          return withOperands(b, toDecimal(l), toDecimal(r));
        }
        DataType common = TypeCoercion.widerNumeric(l, r).orElseThrow();
        return withOperands(b, common, common);
      }
    }
  }

  /** Strings in arithmetic become numbers, as Spark's string promotion does: bigint next to integers. */
  private static DataType promoteOperand(DataType self, DataType other) {
    if (self instanceof StringType) {
      return TypeCoercion.isIntegral(other) ? DataTypes.LongType
          : other instanceof DecimalType ? DataTypes.DoubleType : DataTypes.DoubleType;
    }
    return self;
  }

  private static DecimalType toDecimal(DataType t) {
    return t instanceof DecimalType d ? d : DecimalRules.forIntegral(t);
  }

  private static Expression withOperands(BinaryArithmetic b, DataType lt, DataType rt) {
    return new BinaryArithmetic(b.op(), Cast.implicit(b.left(), lt), Cast.implicit(b.right(), rt));
  }

  /** {@code date + n} and {@code date - n} are date_add/date_sub, as in Spark. */
  private static Expression dateArithmetic(BinaryArithmetic b, DataType l, DataType r) {
    if (l instanceof DateType && (TypeCoercion.isIntegral(r) || r instanceof NullType)) {
      String fn = b.op() == ArithmeticOp.ADD ? "date_add" : "date_sub";
      ScalarFunction f = new ScalarFunction(fn, List.of(b.left(), b.right()));
      return new ScalarFunction(fn, f.spec().coerce(f.args()));
    }
    if (r instanceof DateType && TypeCoercion.isIntegral(l) && b.op() == ArithmeticOp.ADD) {
      ScalarFunction f = new ScalarFunction("date_add", List.of(b.right(), b.left()));
      return new ScalarFunction("date_add", f.spec().coerce(f.args()));
    }
    return null;
  }

  @Override
  public Expression visitUnaryMinus(UnaryMinus u) {
    DataType t = u.child().dataType();
    if (t instanceof StringType || t instanceof NullType) {
      return new UnaryMinus(Cast.implicit(u.child(), DataTypes.DoubleType));
    }
    if (!TypeCoercion.isNumeric(t)) {
      throw AnalysisErrors.unexpectedInputType(u, 1, "\"NUMERIC\"", u.child());
    }
    return u;
  }

  @Override
  public Expression visitComparison(Comparison c) {
    DataType l = c.left().dataType();
    DataType r = c.right().dataType();
    Optional<DataType> common = TypeCoercion.comparisonType(l, r);
    if (common.isEmpty()) {
      throw AnalysisErrors.binaryOpDiffTypes(c, l, r);
    }
    DataType t = common.get();
    if (c.op() != ComparisonOp.EQ && c.op() != ComparisonOp.NULL_SAFE_EQ && t instanceof MapType) {
      throw AnalysisErrors.dataTypeMismatch("INVALID_ORDERING_TYPE", c,
          "the binary operator does not support ordering on type \"" + t.sql() + "\".");
    }
    return new Comparison(c.op(), Cast.implicit(c.left(), t), Cast.implicit(c.right(), t));
  }

  private static Expression toBoolean(Expression parent, Expression e, int index) {
    DataType t = e.dataType();
    if (t instanceof BooleanType) {
      return e;
    }
    if (t instanceof NullType) {
      return Cast.implicit(e, DataTypes.BooleanType);
    }
    throw AnalysisErrors.unexpectedInputType(parent, index, "\"BOOLEAN\"", e);
  }

  @Override
  public Expression visitAnd(And a) {
    return new And(toBoolean(a, a.left(), 1), toBoolean(a, a.right(), 2));
  }

  @Override
  public Expression visitOr(Or o) {
    return new Or(toBoolean(o, o.left(), 1), toBoolean(o, o.right(), 2));
  }

  @Override
  public Expression visitNot(Not n) {
    return new Not(toBoolean(n, n.child(), 1));
  }

  @Override
  public Expression visitIsNull(IsNull n) {
    return n;
  }

  @Override
  public Expression visitIsNotNull(IsNotNull n) {
    return n;
  }

  @Override
  public Expression visitIn(In in) {
    List<DataType> types = new ArrayList<>();
    types.add(in.value().dataType());
    for (Expression e : in.list()) {
      types.add(e.dataType());
    }
    DataType common = in.value().dataType();
    for (Expression e : in.list()) {
      Optional<DataType> w = TypeCoercion.comparisonType(common, e.dataType());
      if (w.isEmpty()) {
        throw AnalysisErrors.dataTypeMismatch("DATA_DIFF_TYPES", in, "Input to `in` should all be the same type, "
            + "but it's [" + String.join(", ", types.stream().map(t -> "\"" + t.sql() + "\"").toList()) + "].");
      }
      common = w.get();
    }
    List<Expression> list = new ArrayList<>();
    for (Expression e : in.list()) {
      list.add(Cast.implicit(e, common));
    }
    return new In(Cast.implicit(in.value(), common), list);
  }

  @Override
  public Expression visitCaseWhen(CaseWhen c) {
    List<DataType> valueTypes = new ArrayList<>();
    for (CaseWhen.Branch b : c.branches()) {
      valueTypes.add(b.value().dataType());
    }
    c.elseValue().ifPresent(e -> valueTypes.add(e.dataType()));
    Optional<DataType> common = TypeCoercion.wider(valueTypes);
    if (common.isEmpty()) {
      throw AnalysisErrors.dataTypeMismatch("DATA_DIFF_TYPES", c, "Input to `casewhen` should all be the same "
          + "type, but it's [" + String.join(", ", valueTypes.stream().map(t -> "\"" + t.sql() + "\"").toList())
          + "].");
    }
    DataType t = common.get();
    List<CaseWhen.Branch> branches = new ArrayList<>();
    int i = 1;
    for (CaseWhen.Branch b : c.branches()) {
      branches.add(new CaseWhen.Branch(toBoolean(c, b.condition(), i), Cast.implicit(b.value(), t)));
      i += 2;
    }
    return new CaseWhen(branches, c.elseValue().map(e -> Cast.implicit(e, t)));
  }

  @Override
  public Expression visitScalarFunction(ScalarFunction f) {
    return new ScalarFunction(f.name(), f.spec().coerce(f.args()));
  }

  @Override
  public Expression visitAggregateCall(AggregateCall a) {
    if (a.args().isEmpty()) {
      return a;
    }
    AggregateFunction f = a.function().canonical();
    List<Expression> args = new ArrayList<>(a.args());
    if (f.needsNumericInput()) {
      // sum/avg keep numeric types; the moment family (stddev, variance, corr, covariance) takes doubles.
      String required = f.castsInputToDouble() ? "\"DOUBLE\"" : "\"NUMERIC\" or \"ANSI INTERVAL\"";
      for (int i = 0; i < args.size(); i++) {
        Expression arg = args.get(i);
        DataType t = arg.dataType();
        if (t instanceof StringType || t instanceof NullType) {
          args.set(i, Cast.implicit(arg, DataTypes.DoubleType));
        } else if (!TypeCoercion.isNumeric(t)) {
          throw AnalysisErrors.unexpectedInputType(a, i + 1, required, arg);
        } else if (f.castsInputToDouble() && !(t instanceof dev.quiver.sql.types.DoubleType)) {
          args.set(i, Cast.implicit(arg, DataTypes.DoubleType));
        }
      }
    }
    if (f.needsBooleanInput()) {
      Expression arg = args.get(0);
      if (arg.dataType() instanceof NullType) {
        args.set(0, Cast.implicit(arg, DataTypes.BooleanType));
      } else if (!(arg.dataType() instanceof BooleanType)) {
        throw AnalysisErrors.unexpectedInputType(a, 1, "\"BOOLEAN\"", arg);
      }
    }
    DataType t = args.get(0).dataType();
    if ((f == AggregateFunction.MIN || f == AggregateFunction.MAX) && t instanceof MapType) {
      throw AnalysisErrors.dataTypeMismatch("INVALID_ORDERING_TYPE", a,
          "the " + a.function().prettyName() + " does not support ordering on type \"" + t.sql() + "\".");
    }
    if ((f == AggregateFunction.MAX_BY || f == AggregateFunction.MIN_BY)
        && TypeCoercion.containsMap(args.get(1).dataType())) {
      throw AnalysisErrors.dataTypeMismatch("INVALID_ORDERING_TYPE", a, "The `" + a.function().prettyName()
          + "` does not support ordering on type \"" + args.get(1).dataType().sql() + "\".");
    }
    if ((f == AggregateFunction.COLLECT_SET || f == AggregateFunction.APPROX_COUNT_DISTINCT)
        && TypeCoercion.containsMap(t)) {
      throw AnalysisErrors.dataTypeMismatch("UNSUPPORTED_INPUT_TYPE", a, "The input of `"
          + a.function().prettyName() + "` can't be \"MAP\" type data.");
    }
    return args.equals(a.args()) ? a : new AggregateCall(a.function(), args, a.distinct(), a.ignoreNulls());
  }

  @Override
  public Expression visitSortOrder(SortOrder s) {
    if (s.child().dataType() instanceof MapType) {
      throw AnalysisErrors.dataTypeMismatch("INVALID_ORDERING_TYPE", s.child(),
          "the sort order does not support ordering on type \"" + s.child().dataType().sql() + "\".");
    }
    return s;
  }

  @Override
  public Expression visitBoundReference(BoundReference b) {
    return b;
  }

  @Override
  public Expression visitWindowExpression(WindowExpression w) {
    Expression f = w.function();
    boolean ranking = f instanceof ScalarFunction s && s.spec().windowOnly();
    if (!ranking && !(f instanceof AggregateCall)) {
      throw new AnalysisException("UNSUPPORTED_EXPR_FOR_WINDOW", "Expression \"" + f.sql()
          + "\" not supported within a window function.", "42P20");
    }
    if (ranking && w.orderSpec().isEmpty()) {
      throw new AnalysisException("WINDOW_FUNCTION_WITHOUT_ORDER", "Window function " + f.sql()
          + " requires window to be ordered, please add ORDER BY clause. For example SELECT " + f.sql()
          + " OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.", "42P20");
    }
    if (ranking) {
      Expression checked = WindowFunctionArgs.check((ScalarFunction) f);
      if (checked != f) {
        return new WindowExpression(checked, w.partitionSpec(), w.orderSpec(), w.frame());
      }
    }
    return w;
  }

  @Override
  public Expression visitUnresolvedFunction(UnresolvedFunction f) {
    return f;
  }

  @Override
  public Expression visitExtractValue(ExtractValue e) {
    DataType t = e.child().dataType();
    if (t instanceof ArrayType) {
      if (!TypeCoercion.isIntegral(e.key().dataType())) {
        throw AnalysisErrors.unexpectedInputType(e, 2, "\"INTEGRAL\"", e.key());
      }
      return new ExtractValue(e.child(), Cast.implicit(e.key(), DataTypes.IntegerType));
    }
    if (t instanceof MapType m) {
      return new ExtractValue(e.child(), Cast.implicit(e.key(), m.keyType()));
    }
    if (t instanceof StructType) {
      return e;
    }
    throw new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", "Can't extract a value from \""
        + e.child().sql() + "\". Need a complex type [STRUCT, ARRAY, MAP] but got \"" + t.sql() + "\".", "42000");
  }
}
