package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.BinaryArithmetic;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Times {@code a * 2 + b > 100 AND s LIKE 'x%'} over 10M rows in batches of 8192 and prints rows/s. Not a
 * test (timings are never asserted); run with
 * {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp <test classpath> dev.quiver.executor.expressions.ExpressionBench}.
 */
public final class ExpressionBench {
  private static final int BATCH = 8192;
  private static final long ROWS = 10_000_000L;
  private static final int DISTINCT_BATCHES = 16;

  private ExpressionBench() {}

  public static void main(String[] args) {
    Expression a = new BoundReference(0, DataTypes.IntegerType, true);
    Expression b = new BoundReference(1, DataTypes.IntegerType, true);
    Expression s = new BoundReference(2, DataTypes.StringType, true);
    Expression e = new And(
        new Comparison(ComparisonOp.GT,
            new BinaryArithmetic(ArithmeticOp.ADD, new BinaryArithmetic(ArithmeticOp.MULTIPLY, a, Literal.of(2)), b),
            Literal.of(100)),
        ScalarFunction.of("like", s, Literal.of("x%")));
    try (BufferAllocator allocator = new RootAllocator(Long.MAX_VALUE)) {
      List<Batch> batches = new ArrayList<>();
      Random random = new Random(42);
      for (int k = 0; k < DISTINCT_BATCHES; k++) {
        batches.add(batch(allocator, random));
      }
      EvalContext ctx = new EvalContext(allocator, ZoneOffset.UTC, 0L);
      try (VectorEvaluator ev = ExpressionCompiler.compile(e)) {
        long trues = 0;
        int rounds = Integer.getInteger("bench.rounds", 5);
        for (int round = 0; round < rounds; round++) {
          long start = System.nanoTime();
          trues = run(ev, batches, ctx);
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf("round %d: %,d rows in %.3f s = %,.0f rows/s (%d true)%n", round, ROWS, seconds,
              ROWS / seconds, trues);
        }
      } finally {
        batches.forEach(Batch::close);
      }
    }
  }

  private static long run(VectorEvaluator ev, List<Batch> batches, EvalContext ctx) {
    long trues = 0;
    long done = 0;
    int k = 0;
    while (done < ROWS) {
      Batch in = batches.get(k++ % batches.size());
      try (FieldVector out = ev.evaluate(in, ctx)) {
        BitVector bits = (BitVector) out;
        for (int i = 0; i < bits.getValueCount(); i += 64) {
          trues += Long.bitCount(bits.getDataBuffer().getLong(i / 8) & bits.getValidityBuffer().getLong(i / 8));
        }
      }
      done += in.rowCount();
    }
    return trues;
  }

  private static Batch batch(BufferAllocator allocator, Random random) {
    IntVector a = new IntVector("a", allocator);
    IntVector b = new IntVector("b", allocator);
    VarCharVector s = new VarCharVector("s", allocator);
    a.allocateNew(BATCH);
    b.allocateNew(BATCH);
    s.allocateNew(BATCH * 8L, BATCH);
    for (int i = 0; i < BATCH; i++) {
      if (random.nextInt(100) == 0) {
        a.setNull(i);
      } else {
        a.set(i, random.nextInt(200));
      }
      b.set(i, random.nextInt(100));
      String v = (random.nextBoolean() ? "x" : "y") + Integer.toString(random.nextInt(1_000_000), 36);
      s.setSafe(i, v.getBytes(StandardCharsets.UTF_8));
    }
    a.setValueCount(BATCH);
    b.setValueCount(BATCH);
    s.setValueCount(BATCH);
    return new Batch(List.of(a, b, s), BATCH);
  }
}
