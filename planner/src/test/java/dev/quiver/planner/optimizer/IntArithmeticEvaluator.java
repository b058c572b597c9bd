package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import java.util.Optional;

/**
 * A stand-in for the executor-backed evaluator: folds +, -, * and comparisons of int literals, and nothing
 * else (an empty answer, as the real one gives for a value it cannot compute, e.g. an overflow).
 */
final class IntArithmeticEvaluator implements ConstantEvaluator {
  @Override
  public Optional<Literal> evaluate(Expression e) {
    if (e instanceof BinaryArithmetic b && b.left() instanceof Literal l && b.right() instanceof Literal r
        && l.value() instanceof Integer x && r.value() instanceof Integer y) {
      try {
        switch (b.op()) {
          case ADD:
            return Optional.of(Literal.of(Math.addExact(x, y)));
          case SUBTRACT:
            return Optional.of(Literal.of(Math.subtractExact(x, y)));
          case MULTIPLY:
            return Optional.of(Literal.of(Math.multiplyExact(x, y)));
          default:
            return Optional.empty();
        }
      } catch (ArithmeticException overflow) {
        return Optional.empty(); // ANSI overflow: must surface only if the query evaluates it
      }
    }
    if (e instanceof Comparison c && c.left() instanceof Literal l && c.right() instanceof Literal r
        && l.value() instanceof Integer x && r.value() instanceof Integer y) {
      int cmp = Integer.compare(x, y);
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
}
