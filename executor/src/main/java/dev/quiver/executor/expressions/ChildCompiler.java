package dev.quiver.executor.expressions;

import dev.quiver.planner.expressions.Expression;

/** How kernel factories compile their operands: eagerly, or as operands evaluated only for some rows. */
public interface ChildCompiler {
  Evaluator compile(Expression e);

  LazyChild lazy(Expression e);
}
