package dev.quiver.executor.expressions;

import dev.quiver.executor.expressions.cast.Casts;
import dev.quiver.executor.expressions.functions.FunctionKernels;
import dev.quiver.executor.expressions.kernels.Arithmetic;
import dev.quiver.executor.expressions.kernels.Comparisons;
import dev.quiver.executor.expressions.kernels.Conditionals;
import dev.quiver.executor.expressions.kernels.ExtractValueEvaluator;
import dev.quiver.executor.expressions.kernels.InEvaluator;
import dev.quiver.executor.expressions.kernels.Logic;
import dev.quiver.executor.expressions.kernels.Negation;
import dev.quiver.executor.expressions.kernels.NullChecks;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.CaseWhen;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a bound expression (attributes already replaced by {@link dev.quiver.planner.expressions.BoundReference})
 * into a {@link VectorEvaluator}. Compilation picks a type-specialized kernel per node once, so evaluation
 * runs tight loops over primitive buffers. Subtrees that read no column become constants computed once, and
 * operands Spark evaluates only for some rows (AND/OR right sides, CASE branches, COALESCE tails) are
 * compiled as {@link LazyChild}ren that only ever see those rows.
 */
public final class ExpressionCompiler {
  private static final Visitor VISITOR = new Visitor();

  private ExpressionCompiler() {}

  public static VectorEvaluator compile(Expression bound) {
    return compileEvaluator(bound);
  }

  /** An operand evaluated only for some rows, such as a filter's conjuncts after the first (see {@link LazyChild}). */
  public static LazyChild compileLazy(Expression bound) {
    return VISITOR.lazy(bound);
  }

  /** Like {@link #compile} but with the compiler's own evaluator type (for kernels and tests). */
  public static Evaluator compileEvaluator(Expression bound) {
    return VISITOR.compile(bound);
  }

  private static PlanningException notCompilable(Expression e, String why) {
    return new PlanningException("Internal error: the expression " + ExpressionPrinter.explain(e)
        + " cannot be evaluated row-wise by the expression compiler: " + why);
  }

  private static final class Visitor implements ExpressionVisitor<Evaluator>, ChildCompiler {

    @Override
    public Evaluator compile(Expression e) {
      if (e instanceof Literal l) {
        return new ConstantEvaluator(l.dataType(), l.value());
      }
      if (!(e instanceof Alias) && !e.children().isEmpty() && Traits.rowIndependent(e)) {
        return new ConstantEvaluator(e.accept(this));
      }
      return e.accept(this);
    }

    @Override
    public LazyChild lazy(Expression e) {
      return new LazyChild(compile(e), Traits.canFail(e), Traits.cheap(e), Traits.ordinals(e));
    }

    @Override
    public Evaluator visitLiteral(Literal literal) {
      return new ConstantEvaluator(literal.dataType(), literal.value());
    }

    @Override
    public Evaluator visitBoundReference(BoundReference b) {
      return new ColumnEvaluator(b.ordinal(), b.dataType());
    }

    @Override
    public Evaluator visitAlias(Alias alias) {
      return compile(alias.child());
    }

    @Override
    public Evaluator visitCast(Cast cast) {
      Evaluator child = compile(cast.child());
      if (cast.child().dataType().equals(cast.dataType())) {
        return child;
      }
      return Casts.compile(child, cast.child().dataType(), cast.dataType());
    }

    @Override
    public Evaluator visitBinaryArithmetic(BinaryArithmetic b) {
      return Arithmetic.compile(b.op(), compile(b.left()), compile(b.right()), b.dataType());
    }

    @Override
    public Evaluator visitUnaryMinus(UnaryMinus u) {
      return Negation.unaryMinus(compile(u.child()));
    }

    @Override
    public Evaluator visitComparison(Comparison c) {
      return Comparisons.compile(c.op(), compile(c.left()), compile(c.right()));
    }

    @Override
    public Evaluator visitAnd(And and) {
      return Logic.and(compile(and.left()), lazy(and.right()));
    }

    @Override
    public Evaluator visitOr(Or or) {
      return Logic.or(compile(or.left()), lazy(or.right()));
    }

    @Override
    public Evaluator visitNot(Not not) {
      return Logic.not(compile(not.child()));
    }

    @Override
    public Evaluator visitIsNull(IsNull n) {
      return NullChecks.isNull(compile(n.child()));
    }

    @Override
    public Evaluator visitIsNotNull(IsNotNull n) {
      return NullChecks.isNotNull(compile(n.child()));
    }

    @Override
    public Evaluator visitIn(In in) {
      List<LazyChild> list = new ArrayList<>(in.list().size());
      for (Expression e : in.list()) {
        list.add(lazy(e));
      }
      return InEvaluator.compile(compile(in.value()), list);
    }

    @Override
    public Evaluator visitCaseWhen(CaseWhen c) {
      List<LazyChild> conditions = new ArrayList<>();
      List<LazyChild> values = new ArrayList<>();
      for (CaseWhen.Branch b : c.branches()) {
        conditions.add(lazy(b.condition()));
        values.add(lazy(b.value()));
      }
      LazyChild otherwise = c.elseValue().map(this::lazy).orElse(null);
      return Conditionals.caseWhen(conditions, values, otherwise, c.dataType());
    }

    @Override
    public Evaluator visitScalarFunction(ScalarFunction f) {
      if (f.spec().windowOnly()) {
        throw notCompilable(f, "the ranking function " + f.name() + " is only valid in a window and is "
            + "computed by the window operator.");
      }
      return FunctionKernels.compile(f, this);
    }

    @Override
    public Evaluator visitExtractValue(ExtractValue e) {
      return ExtractValueEvaluator.compile(e, compile(e.child()), compile(e.key()));
    }

    @Override
    public Evaluator visitAttributeReference(AttributeReference a) {
      throw notCompilable(a, "it is not bound to an input column (bind it with Binder first).");
    }

    @Override
    public Evaluator visitUnresolvedAttribute(UnresolvedAttribute u) {
      throw notCompilable(u, "it was never resolved by the analyzer.");
    }

    @Override
    public Evaluator visitUnresolvedStar(UnresolvedStar s) {
      throw notCompilable(s, "it was never expanded by the analyzer.");
    }

    @Override
    public Evaluator visitUnresolvedFunction(UnresolvedFunction f) {
      throw notCompilable(f, "it was never resolved by the analyzer.");
    }

    @Override
    public Evaluator visitAggregateCall(AggregateCall a) {
      throw notCompilable(a, "aggregates are computed by the aggregate operator.");
    }

    @Override
    public Evaluator visitSortOrder(SortOrder s) {
      throw notCompilable(s, "sort keys are used by the sort operator, not evaluated as values.");
    }

    @Override
    public Evaluator visitWindowExpression(WindowExpression w) {
      throw notCompilable(w, "window functions are computed by the window operator.");
    }
  }
}
