package dev.quiver.executor.operators;

import dev.quiver.executor.Binder;
import dev.quiver.executor.expressions.ExpressionCompiler;
import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by operators. */
public final class Operators {
  private Operators() {}

  /** Binds each expression to {@code input} and compiles it, once per task. */
  public static List<VectorEvaluator> compile(List<? extends Expression> exprs, List<AttributeReference> input) {
    List<VectorEvaluator> out = new ArrayList<>(exprs.size());
    for (Expression e : exprs) {
      out.add(ExpressionCompiler.compile(Binder.bind(e, input)));
    }
    return out;
  }

  public static VectorEvaluator compile(Expression e, List<AttributeReference> input) {
    return ExpressionCompiler.compile(Binder.bind(e, input));
  }

  /** Binds {@code e} to {@code input} and compiles it as an operand evaluated only for some rows. */
  public static LazyChild compileLazy(Expression e, List<AttributeReference> input) {
    return ExpressionCompiler.compileLazy(Binder.bind(e, input));
  }

  /** Closes every operator, keeping the first failure and adding later ones as suppressed. */
  public static void closeAll(List<? extends AutoCloseable> resources) {
    RuntimeException first = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception e) {
        RuntimeException re = e instanceof RuntimeException x ? x : new IllegalStateException(e);
        if (first == null) {
          first = re;
        } else {
          first.addSuppressed(re);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
