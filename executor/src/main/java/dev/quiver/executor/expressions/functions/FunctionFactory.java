package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ScalarFunction;
import java.util.List;

/** Builds the evaluator of one registered function from its (coerced, bound) call. */
@FunctionalInterface
interface FunctionFactory {
  Evaluator create(ScalarFunction f, ChildCompiler cc);

  /** Compiles every argument eagerly. */
  static Evaluator[] compileArgs(ScalarFunction f, ChildCompiler cc) {
    List<Expression> args = f.args();
    Evaluator[] out = new Evaluator[args.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = cc.compile(args.get(i));
    }
    return out;
  }

  /** A null-intolerant per-row function over all arguments. */
  static Evaluator rows(ScalarFunction f, ChildCompiler cc, RowFunction.Kernel kernel) {
    return new RowFunction(f.dataType(), compileArgs(f, cc), kernel, true);
  }
}
