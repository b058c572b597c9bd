package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.ConstantEvaluator;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.LazyChild;
import dev.quiver.executor.expressions.kernels.Conditionals;
import dev.quiver.executor.expressions.kernels.Operand;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Rows;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/** coalesce, nvl, nullif and typeof. */
final class NullFunctions {
  private NullFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    r.put("coalesce", NullFunctions::coalesce);
    r.put("nvl", NullFunctions::coalesce);
    r.put("nullif", (f, cc) -> new NullIf(cc.compile(f.args().get(0)), cc.compile(f.args().get(1))));
    // typeof never evaluates its argument, as in Spark.
    r.put("typeof", (f, cc) -> new ConstantEvaluator(DataTypes.StringType,
        f.args().get(0).dataType().simpleString()));
  }

  /** The first non-null argument; later arguments are evaluated only for rows still null. */
  private static Evaluator coalesce(ScalarFunction f, ChildCompiler cc) {
    List<LazyChild> args = new ArrayList<>();
    for (Expression e : f.args()) {
      args.add(cc.lazy(e));
    }
    return Conditionals.coalesce(args, f.dataType());
  }

  /** nullif(a, b): null where a = b, else a (both sides are always evaluated). */
  private static final class NullIf extends Evaluator {
    private final Evaluator left;
    private final Evaluator right;

    NullIf(Evaluator left, Evaluator right) {
      super(left.dataType());
      this.left = left;
      this.right = right;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      if (n == 0) {
        return Results.nulls(dataType(), 0, ctx.allocator());
      }
      try (Operand l = Operand.of(left, input, ctx); Operand r = Operand.of(right, input, ctx)) {
        if (l.isNull()) {
          return Results.nulls(dataType(), n, ctx.allocator());
        }
        long[] equal = new long[Math.max(Bits.words(n), 1)];
        if (!r.isNull()) {
          dev.quiver.executor.expressions.kernels.Comparisons.equalWords(dataType(), l, r, n, equal);
        }
        int[] srcId = new int[n];
        int[] srcRow = new int[n];
        for (int i = 0; i < n; i++) {
          boolean same = Bits.get(equal, i) && l.isValid(i) && r.isValid(i);
          srcId[i] = same ? -1 : 0;
          srcRow[i] = i;
        }
        if (l.isConstant()) {
          try (FieldVector lv = left.evaluate(input, ctx)) {
            return Rows.assemble(dataType(), new FieldVector[] {lv}, srcId, srcRow, n, ctx.allocator());
          }
        }
        return Rows.assemble(dataType(), new FieldVector[] {l.vector}, srcId, srcRow, n, ctx.allocator());
      }
    }

    @Override
    public void close() {
      left.close();
      right.close();
    }
  }
}
