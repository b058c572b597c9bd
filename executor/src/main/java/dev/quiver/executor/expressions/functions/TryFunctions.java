package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.cast.Casts;
import dev.quiver.executor.expressions.kernels.Arithmetic;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DateType;
import java.util.List;
import java.util.Map;

/**
 * try_add, try_subtract, try_multiply, try_divide, try_mod and try_cast: the operator's own ANSI errors (overflow,
 * division by zero, malformed input) become null for the rows that raise them, as Spark's TRY eval mode;
 * errors of the arguments are still raised.
 */
final class TryFunctions {
  private TryFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    r.put("try_add", (f, cc) -> arithmetic(f, cc, ArithmeticOp.ADD));
    r.put("try_subtract", (f, cc) -> arithmetic(f, cc, ArithmeticOp.SUBTRACT));
    r.put("try_multiply", (f, cc) -> arithmetic(f, cc, ArithmeticOp.MULTIPLY));
    r.put("try_divide", (f, cc) -> arithmetic(f, cc, ArithmeticOp.DIVIDE));
    r.put("try_mod", (f, cc) -> arithmetic(f, cc, ArithmeticOp.REMAINDER));
    r.put("try_cast", (f, cc) -> {
      Expression value = f.args().get(0);
      return Casts.compileTry(cc.compile(value), value.dataType(), f.dataType());
    });
  }

  private static Evaluator arithmetic(ScalarFunction f, ChildCompiler cc, ArithmeticOp op) {
    Expression left = f.args().get(0);
    Expression right = f.args().get(1);
    if (left.dataType() instanceof DateType) {
      return cc.compile(new ScalarFunction(op == ArithmeticOp.ADD ? "date_add" : "date_sub", List.of(left, right)));
    }
    if (right.dataType() instanceof DateType) {
      return cc.compile(new ScalarFunction("date_add", List.of(right, left)));
    }
    return Arithmetic.compileTry(op, cc.compile(left), cc.compile(right), f.dataType());
  }
}
