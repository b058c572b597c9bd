package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.ScalarFunction;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kernel of every scalar function in {@link dev.quiver.planner.functions.FunctionRegistry}, by the same
 * name. The analyzer has coerced the arguments to exactly the types each kernel expects.
 */
public final class FunctionKernels {
  private static final Map<String, FunctionFactory> FACTORIES = new TreeMap<>();

  static {
    StringFunctions.register(FACTORIES);
    RegexFunctions.register(FACTORIES);
    MathFunctions.register(FACTORIES);
    NullFunctions.register(FACTORIES);
    DateFunctions.register(FACTORIES);
    CollectionFunctions.register(FACTORIES);
  }

  private FunctionKernels() {}

  public static Evaluator compile(ScalarFunction f, ChildCompiler cc) {
    FunctionFactory factory = FACTORIES.get(f.name());
    if (factory == null) {
      throw new PlanningException("Internal error: no executor kernel for the function `" + f.name()
          + "`; every function in the planner's FunctionRegistry needs one in FunctionKernels.");
    }
    return factory.create(f, cc);
  }

  /** The names with a kernel (the registry's scalar names minus the window-only ones). */
  public static Set<String> names() {
    return Collections.unmodifiableSet(FACTORIES.keySet());
  }
}
