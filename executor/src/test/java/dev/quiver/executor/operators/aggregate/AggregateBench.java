package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.sql.types.DataTypes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Times hash aggregation: {@code SELECT k, count(*), sum(v), max(v) GROUP BY k} over 10M rows with 1M
 * groups, in COMPLETE and PARTIAL mode, and prints rows per second. With {@code doubles}, the aggregates are
 * TPC-H Q1's kinds instead: {@code sum(d), avg(d), avg(d), count(*)} of a double {@code d}. Not a test; run with
 * {@code java -cp <test classpath> dev.quiver.executor.operators.aggregate.AggregateBench [rows] [groups]
 * [doubles]}.
 */
public final class AggregateBench {
  private AggregateBench() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int batchSize = 4096;
    AttributeReference k = AttributeReference.create("k", DataTypes.LongType, false);
    AttributeReference v = AttributeReference.create("v", DataTypes.LongType, false);
    List<AttributeReference> input = List.of(k, v);
    try (BufferAllocator allocator = new RootAllocator()) {
      List<Batch> data = data(rows, groups, batchSize, allocator);
      try {
        AggregateCall count = new AggregateCall(AggregateFunction.COUNT, List.of(Literal.of(1)), false, false);
        Expression d = new Cast(v, DataTypes.DoubleType, true);
        List<AggregateCall> calls = args.length > 2 && args[2].equals("doubles")
            ? List.of(new AggregateCall(AggregateFunction.SUM, List.of(d), false, false),
                new AggregateCall(AggregateFunction.AVG, List.of(d), false, false),
                new AggregateCall(AggregateFunction.AVG, List.of(d), false, false), count)
            : List.of(count, AggregateCall.of(AggregateFunction.SUM, v), AggregateCall.of(AggregateFunction.MAX, v));
        AggregatePlan plan = new AggregatePlan(input, List.of(k), calls);
        for (int round = 0; round < 5; round++) {
          run("COMPLETE", plan.complete(), data, input, rows, batchSize, allocator);
          run("PARTIAL ", plan.partial(), data, input, rows, batchSize, allocator);
        }
      } finally {
        data.forEach(Batch::close);
      }
    }
  }

  private static void run(String label, HashAggregateExec node, List<Batch> data, List<AttributeReference> input,
      int rows, int batchSize, BufferAllocator root) {
    try (BufferAllocator task = root.newChildAllocator("task", 0, Long.MAX_VALUE)) {
      TaskContext ctx = new TaskContext("bench", task, new EvalContext(task, ZoneOffset.UTC, 0L), null, batchSize, 0);
      long start = System.nanoTime();
      long groupsOut = 0;
      try (Operator op = HashAggregateOperator.create(node, slices(data, task), input, ctx)) {
        Batch b;
        while ((b = op.next()) != null) {
          groupsOut += b.rowCount();
          b.close();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%s group-by: %,d rows -> %,d groups in %.3f s = %,.0f rows/s%n", label, rows,
          groupsOut, seconds, rows / seconds);
    }
  }

  /** Keys spread over the groups in a scattered order (a multiplicative permutation), values = row number. */
  public static List<Batch> data(int rows, int groups, int batchSize, BufferAllocator allocator) {
    List<Batch> out = new ArrayList<>();
    for (int start = 0; start < rows; start += batchSize) {
      int n = Math.min(batchSize, rows - start);
      BigIntVector key = new BigIntVector("k", allocator);
      BigIntVector value = new BigIntVector("v", allocator);
      key.allocateNew(n);
      value.allocateNew(n);
      for (int i = 0; i < n; i++) {
        long row = start + i;
        key.set(i, (row * 2_654_435_761L) % groups);
        value.set(i, row);
      }
      out.add(new Batch(List.<FieldVector>of(key, value), n));
    }
    return out;
  }

  /** Hands out zero-copy slices of prepared batches, so the same data serves every round. */
  public static Operator slices(List<Batch> data, BufferAllocator allocator) {
    return new Operator() {
      private int next;

      @Override
      public Batch next() {
        return next < data.size() ? Gather.slice(data.get(next), 0, data.get(next++).rowCount(), allocator) : null;
      }

      @Override
      public void close() {
        next = data.size();
      }
    };
  }
}
