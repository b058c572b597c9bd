package dev.quiver.executor.operators.window;

import dev.quiver.executor.Binder;
import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.ExpressionCompiler;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyEquality;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.operators.TaskMemory;
import dev.quiver.executor.operators.aggregate.AggregateStates;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.expressions.SortDirection;
import dev.quiver.planner.expressions.SortOrder;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.expressions.WindowFrame;
import dev.quiver.planner.physical.WindowExec;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;

/**
 * Window functions over input sorted by the partition keys, then the order keys (the planner puts a sort
 * below and clusters partitions into tasks). Finds partition boundaries where the partition keys change,
 * buffers one partition at a time in a {@link WindowPartitionBuffer} (a partition may span input batches),
 * computes every window expression over it, and emits each input batch with one column per window
 * expression appended once all its rows have their values. Everything of the current partition is held in
 * memory (no spill yet): running out of the task's budget is reported as such.
 */
public final class WindowOperator implements Operator {
  private final Operator child;
  private final TaskContext ctx;
  private final List<VectorEvaluator> partitionKeys;
  /** Order keys, then every function's arguments: what the partition buffer holds. */
  private final List<VectorEvaluator> buffered;
  private final List<WindowFunction> functions;
  private final WindowPartitionBuffer partition;
  private final ArrayDeque<PendingBatch> pending = new ArrayDeque<>();
  private final ArrayDeque<PendingBatch> ready = new ArrayDeque<>();
  private List<FieldVector> previousKeys;
  private boolean inputDone;
  private boolean closed;
  private boolean released;

  private WindowOperator(Operator child, TaskContext ctx, List<VectorEvaluator> partitionKeys,
      List<VectorEvaluator> buffered, List<WindowFunction> functions, WindowPartitionBuffer partition) {
    this.child = child;
    this.ctx = ctx;
    this.partitionKeys = partitionKeys;
    this.buffered = buffered;
    this.functions = functions;
    this.partition = partition;
  }

  /**
   * The window operator for {@code node} over {@code child} (columns {@code childOutput}); expressions are
   * bound and compiled here, once per task. On failure the child is closed.
   */
  public static Operator create(WindowExec node, Operator child, List<AttributeReference> childOutput,
      TaskContext ctx) {
    List<AutoCloseable> built = new ArrayList<>();
    try {
      List<VectorEvaluator> partitionKeys = Operators.compile(node.partitionSpec(), childOutput);
      built.addAll(partitionKeys);
      List<Expression> orderExprs = new ArrayList<>();
      for (SortOrder o : node.orderSpec()) {
        orderExprs.add(o.child());
      }
      boolean descending = !node.orderSpec().isEmpty()
          && node.orderSpec().get(0).direction() == SortDirection.DESCENDING;
      List<Expression> bufferedExprs = new ArrayList<>(orderExprs);
      List<WindowFunction> functions = new ArrayList<>();
      for (Expression e : node.windowExpressions()) {
        WindowFunction f = function(e, !orderExprs.isEmpty(), descending, bufferedExprs, childOutput, ctx);
        functions.add(f);
        built.add(f);
      }
      List<VectorEvaluator> buffered = Operators.compile(bufferedExprs, childOutput);
      built.addAll(buffered);
      List<DataType> orderTypes = new ArrayList<>();
      List<DataType> argTypes = new ArrayList<>();
      for (int i = 0; i < bufferedExprs.size(); i++) {
        (i < orderExprs.size() ? orderTypes : argTypes).add(bufferedExprs.get(i).dataType());
      }
      WindowPartitionBuffer partition = new WindowPartitionBuffer(orderTypes, argTypes, ctx.allocator());
      return new WindowOperator(child, ctx, partitionKeys, buffered, functions, partition);
    } catch (RuntimeException e) {
      built.add(child);
      try {
        Operators.closeAll(built);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof OutOfMemoryException oom) {
        throw TaskMemory.exceeded("Window", ctx, oom);
      }
      throw e;
    }
  }

  /** Compiles one window expression; adds the arguments it needs buffered to {@code bufferedExprs}. */
  private static WindowFunction function(Expression e, boolean ordered, boolean descending,
      List<Expression> bufferedExprs, List<AttributeReference> childOutput, TaskContext ctx) {
    Expression body = e instanceof Alias a ? a.child() : e;
    if (!(body instanceof WindowExpression w)) {
      throw new PlanningException("Internal error: the window operator got " + ExpressionPrinter.explain(e)
          + ", which is not a window expression");
    }
    if (w.function() instanceof AggregateCall call) {
      if (call.distinct()) {
        throw new PlanningException("Internal error: DISTINCT window functions are not supported: "
            + ExpressionPrinter.explain(call));
      }
      List<Expression> args = new ArrayList<>(call.args());
      if (call.function() == AggregateFunction.COUNT) {
        args.removeIf(x -> x instanceof Literal l && !l.isNull());
      }
      WindowFrame frame = w.frame() != null ? w.frame()
          : ordered ? WindowFrame.DEFAULT_ORDERED : WindowFrame.WHOLE_PARTITION;
      FrameBounds bounds = new FrameBounds(frame, ordered, descending);
      bufferedExprs.addAll(args);
      return new FrameAggregate(AggregateStates.create(call, ctx.allocator()), bounds, args.size(), ctx.allocator());
    }
    if (w.function() instanceof ScalarFunction f) {
      switch (f.name()) {
        case "row_number":
          return RankingFunction.of(RankingFunction.Kind.ROW_NUMBER);
        case "rank":
          return RankingFunction.of(RankingFunction.Kind.RANK);
        case "dense_rank":
          return RankingFunction.of(RankingFunction.Kind.DENSE_RANK);
        case "percent_rank":
          return RankingFunction.of(RankingFunction.Kind.PERCENT_RANK);
        case "ntile":
          return RankingFunction.ntile(constant(f.args().get(0), childOutput, ctx));
        case "cume_dist":
          return RankingFunction.of(RankingFunction.Kind.CUME_DIST);
        case "lag":
        case "lead": {
          long offset = f.args().size() > 1 ? offset(f, f.args().get(1), childOutput, ctx) : 1;
          bufferedExprs.add(f.args().get(0));
          boolean hasDefault = f.args().size() > 2;
          if (hasDefault) {
            bufferedExprs.add(f.args().get(2));
          }
          return new OffsetFunction(f.dataType(), f.name().equals("lag"), offset, hasDefault);
        }
        case "nth_value": {
          long n = offset(f, f.args().get(1), childOutput, ctx);
          if (n <= 0) {
            throw new QuiverException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", "Cannot resolve \"" + f.sql()
                + "\" due to data type mismatch: The offset must be between (0, " + Long.MAX_VALUE
                + "] (current value = " + n + "L).", "42K09", null);
          }
          boolean ignoreNulls = f.args().size() > 2
              && Boolean.TRUE.equals(constant(f.args().get(2), childOutput, ctx, "ignoreNulls", f.name()));
          WindowFrame frame = w.frame() != null ? w.frame()
              : ordered ? WindowFrame.DEFAULT_ORDERED : WindowFrame.WHOLE_PARTITION;
          bufferedExprs.add(f.args().get(0));
          return new NthValueFunction(f.dataType(), n, ignoreNulls, new FrameBounds(frame, ordered, descending),
              ctx.allocator());
        }
        default:
          break;
      }
    }
    throw new PlanningException("Internal error: " + ExpressionPrinter.explain(w.function())
        + " cannot be computed as a window function");
  }

  private static Object constant(Expression e, List<AttributeReference> input, TaskContext ctx) {
    return constant(e, input, ctx, "buckets", "ntile");
  }

  /** The value of a window function's constant argument {@code parameter} of {@code function}. */
  private static Object constant(Expression e, List<AttributeReference> input, TaskContext ctx, String parameter,
      String function) {
    if (e instanceof Literal l) {
      return l.value();
    }
    try (Evaluator ev = ExpressionCompiler.compileEvaluator(Binder.bind(e, input))) {
      if (!ev.isConstant()) {
        throw new QuiverException("INVALID_PARAMETER_VALUE", "The value of parameter(s) `" + parameter + "` in `"
            + function + "` is invalid: expects a constant, but got " + e.sql() + ".", "22023", null);
      }
      return ev.constant(ctx.evalContext());
    }
  }

  /** The constant offset of lag, lead or nth_value (a null offset is an error, as Spark's null literal). */
  private static long offset(ScalarFunction f, Expression e, List<AttributeReference> input, TaskContext ctx) {
    Object v = constant(e, input, ctx, "offset", f.name());
    if (!(v instanceof Number n)) {
      throw new QuiverException("INVALID_PARAMETER_VALUE", "The value of parameter(s) `offset` in `" + f.name()
          + "` is invalid: expects a non-null integer constant, but got " + e.sql() + ".", "22023", null);
    }
    return n.longValue();
  }

  @Override
  public Batch next() {
    if (closed) {
      return null;
    }
    try {
      while (ready.isEmpty()) {
        if (inputDone) {
          release();
          return null;
        }
        Batch b = child.next();
        if (b == null) {
          finishPartition();
          inputDone = true;
        } else {
          ctx.checkCancelled();
          process(b);
        }
        moveCompleted();
      }
      return ready.poll().toOutput();
    } catch (OutOfMemoryException e) {
      long buffered = 0;
      for (PendingBatch p : pending) {
        buffered += p.rowCount();
      }
      throw TaskMemory.exceeded("Window (holding " + partition.size() + " rows of the current partition, "
          + buffered + " input rows in all)", ctx, e);
    }
  }

  private void process(Batch b) {
    int n = b.rowCount();
    if (n == 0) {
      b.close();
      return;
    }
    PendingBatch p;
    try {
      p = new PendingBatch(b, functions, ctx.allocator());
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
    pending.add(p);
    List<FieldVector> keys = evaluate(b, partitionKeys);
    List<FieldVector> columns = null;
    try {
      columns = evaluate(b, buffered);
      int segment = 0;
      if (!keys.isEmpty()) {
        KeyEquality within = new KeyEquality(keys, keys, true);
        for (int i = 0; i < n; i++) {
          boolean boundary = i == 0
              ? previousKeys != null && !new KeyEquality(previousKeys, keys, true).equal(previousLast(), 0)
              : !within.equal(i - 1, i);
          if (boundary) {
            partition.append(columns, segment, i);
            finishPartition();
            segment = i;
          }
        }
      }
      partition.append(columns, segment, n);
    } finally {
      if (columns != null) {
        columns.forEach(FieldVector::close);
      }
      if (previousKeys != null) {
        previousKeys.forEach(FieldVector::close);
      }
      previousKeys = keys;
    }
  }

  private List<FieldVector> evaluate(Batch b, List<VectorEvaluator> evaluators) {
    List<FieldVector> out = new ArrayList<>(evaluators.size());
    try {
      for (VectorEvaluator e : evaluators) {
        out.add(e.evaluate(b, ctx.evalContext()));
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    return out;
  }

  private int previousLast() {
    return previousKeys.get(0).getValueCount() - 1;
  }

  /** Computes every function over the buffered partition and hands the values to the pending batches. */
  private void finishPartition() {
    int n = partition.size();
    if (n == 0) {
      return;
    }
    List<FieldVector> results = new ArrayList<>(functions.size());
    try {
      int arg = buffered.size() - argumentColumns();
      for (WindowFunction f : functions) {
        FieldVector out = Vectors.create("window", f.resultType(), n, ctx.allocator());
        results.add(out);
        f.compute(partition, arg, out);
        out.setValueCount(n);
        arg += f.argumentCount();
      }
      int from = 0;
      for (PendingBatch p : pending) {
        if (from == n) {
          break;
        }
        int take = Math.min(p.remaining(), n - from);
        if (take > 0) {
          p.write(results, from, take);
          from += take;
        }
      }
      if (from != n) {
        throw new IllegalStateException("Window partition of " + n + " rows has only " + from
            + " buffered input rows to go to");
      }
    } finally {
      results.forEach(FieldVector::close);
    }
    partition.clear();
  }

  private int argumentColumns() {
    int total = 0;
    for (WindowFunction f : functions) {
      total += f.argumentCount();
    }
    return total;
  }

  private void moveCompleted() {
    while (!pending.isEmpty() && pending.peek().complete()) {
      ready.add(pending.poll());
    }
  }

  /** Frees what only the computation needed once every row has been emitted. */
  private void release() {
    if (released) {
      return;
    }
    released = true;
    List<AutoCloseable> owned = new ArrayList<>(pending);
    owned.addAll(ready);
    pending.clear();
    ready.clear();
    owned.add(partition);
    owned.addAll(functions);
    if (previousKeys != null) {
      owned.addAll(previousKeys);
      previousKeys = null;
    }
    Operators.closeAll(owned);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> owned = new ArrayList<>();
    owned.add(this::release);
    owned.addAll(partitionKeys);
    owned.addAll(buffered);
    owned.add(child);
    Operators.closeAll(owned);
  }
}
