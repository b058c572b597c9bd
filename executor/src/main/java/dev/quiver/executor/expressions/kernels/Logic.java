package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.DataTypes;
import org.apache.arrow.vector.FieldVector;

/**
 * Three-valued AND / OR / NOT. As in Spark, the right side of AND is evaluated only where the left is not
 * false, and of OR only where the left is not true: {@code b <> 0 AND a / b > 1} is false, not an error,
 * for b = 0.
 */
public final class Logic extends Evaluator {
  private enum Kind { AND, OR }

  private final Kind kind;
  private final Evaluator left;
  private final LazyChild right;

  private Logic(Kind kind, Evaluator left, LazyChild right) {
    super(DataTypes.BooleanType);
    this.kind = kind;
    this.left = left;
    this.right = right;
  }

  public static Evaluator and(Evaluator left, LazyChild right) {
    return new Logic(Kind.AND, left, right);
  }

  public static Evaluator or(Evaluator left, LazyChild right) {
    return new Logic(Kind.OR, left, right);
  }

  public static Evaluator not(Evaluator child) {
    return new NotEvaluator(child);
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.bits(0, ctx.allocator());
    }
    BoolWords l;
    try (FieldVector lv = left.evaluate(input, ctx)) {
      l = BoolWords.of(lv, n);
    }
    int words = l.valid.length;
    boolean and = kind == Kind.AND;
    // Rows whose result the left side does not decide: not false (AND) / not true (OR).
    long[] need = new long[words];
    for (int w = 0; w < words; w++) {
      long decided = and ? l.valid[w] & ~l.value[w] : l.valid[w] & l.value[w];
      need[w] = ~decided;
    }
    need[words - 1] &= Bits.lastMask(n);
    int k = Bits.count(need, n);
    BoolWords r;
    if (k == 0) {
      r = new BoolWords(n);
    } else {
      int[] idx = null;
      if (!right.evaluatesAll(k, n)) {
        idx = new int[k];
        Bits.indices(need, n, idx);
      }
      try (LazyChild.Partial p = right.on(input, ctx, idx, k)) {
        r = BoolWords.of(p, idx, k, n);
      }
    }
    long[] valid = new long[words];
    long[] value = new long[words];
    for (int w = 0; w < words; w++) {
      long lt = l.valid[w] & l.value[w];
      long lf = l.valid[w] & ~l.value[w];
      long rt = r.valid[w] & r.value[w];
      long rf = r.valid[w] & ~r.value[w];
      if (and) {
        valid[w] = lf | rf | (lt & rt);
        value[w] = lt & rt;
      } else {
        valid[w] = lt | rt | (lf & rf);
        value[w] = lt | rt;
      }
    }
    valid[words - 1] &= Bits.lastMask(n);
    return Results.bits(valid, value, n, ctx.allocator());
  }

  @Override
  public void close() {
    left.close();
    right.close();
  }

  /** NOT: null stays null. */
  private static final class NotEvaluator extends Evaluator {
    private final Evaluator child;

    NotEvaluator(Evaluator child) {
      super(DataTypes.BooleanType);
      this.child = child;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      BoolWords c;
      try (FieldVector v = child.evaluate(input, ctx)) {
        c = BoolWords.of(v, n);
      }
      for (int w = 0; w < c.value.length; w++) {
        c.value[w] = ~c.value[w] & c.valid[w];
      }
      return Results.bits(c.valid, c.value, n, ctx.allocator());
    }

    @Override
    public void close() {
      child.close();
    }
  }
}
