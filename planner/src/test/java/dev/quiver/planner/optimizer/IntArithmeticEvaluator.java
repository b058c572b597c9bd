package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import java.util.Optional;

/**
 * A stand-in for the executor-backed evaluator: folds +, -, * and comparisons over int literals, nested,
 * and nothing else (an empty answer, as the real one gives for a value it cannot compute, e.g. an overflow).
 */
final class IntArithmeticEvaluator implements ConstantEvaluator {
  @Override
  public Optional<Literal> evaluate(Expression e) {
    if (e instanceof Literal l) {
      return Optional.of(l);
    }
    if (e instanceof BinaryArithmetic b) {
      Optional<Integer> x = intValue(b.left());
      Optional<Integer> y = intValue(b.right());
      if (x.isEmpty() || y.isEmpty()) {
        return Optional.empty();
      }
      try {
        switch (b.op()) {
          case ADD:
            return Optional.of(Literal.of(Math.addExact(x.get(), y.get())));
          case SUBTRACT:
            return Optional.of(Literal.of(Math.subtractExact(x.get(), y.get())));
          case MULTIPLY:
            return Optional.of(Literal.of(Math.multiplyExact(x.get(), y.get())));
          default:
            return Optional.empty();
        }
      } catch (ArithmeticException overflow) {
        return Optional.empty(); // ANSI overflow: must surface only if the query evaluates it
      }
    }
    if (e instanceof Comparison c) {
      Optional<Integer> x = intValue(c.left());
      Optional<Integer> y = intValue(c.right());
      if (x.isEmpty() || y.isEmpty()) {
        return Optional.empty();
      }
      int cmp = Integer.compare(x.get(), y.get());
      switch (c.op()) {
        case EQ:
        case NULL_SAFE_EQ:
          return Optional.of(Literal.of(cmp == 0));
        case LT:
          return Optional.of(Literal.of(cmp < 0));
        case LTE:
          return Optional.of(Literal.of(cmp <= 0));
        case GT:
          return Optional.of(Literal.of(cmp > 0));
        case GTE:
          return Optional.of(Literal.of(cmp >= 0));
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Optional<Integer> intValue(Expression e) {
    return evaluate(e).filter(l -> l.value() instanceof Integer).map(l -> (Integer) l.value());
  }
}
