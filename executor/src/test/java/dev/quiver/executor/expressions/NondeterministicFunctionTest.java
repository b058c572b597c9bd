package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.planner.expressions.ArithmeticOp;
import dev.quiver.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * spark_partition_id, monotonically_increasing_id and rand/randn: values depend on the partition and on the
 * rows the same evaluator computed before, so each test evaluates consecutive batches with one evaluator.
 */
class NondeterministicFunctionTest extends ExpressionTestBase {

  /** The values of {@code e} over batches of {@code sizes} rows, in partition {@code partition}. */
  private List<Object> run(Expression e, int partition, int... sizes) {
    List<Object> values = new ArrayList<>();
    EvalContext context = new EvalContext(allocator, zone, now, partition);
    try (VectorEvaluator ev = ExpressionCompiler.compile(e)) {
      for (int size : sizes) {
        try (Batch input = new Batch(List.of(), size); FieldVector out = ev.evaluate(input, context)) {
          for (int i = 0; i < out.getValueCount(); i++) {
            values.add(InternalValues.read(out, i));
          }
        }
      }
    }
    return values;
  }

  @Test
  void partitionIdAndIncreasingIdsPutThePartitionInTheUpperBits() {
    assertEquals(list(3, 3), run(fn("spark_partition_id"), 3, 2));
    long base = 3L << 33;
    assertEquals(list(base, base + 1, base + 2), run(fn("monotonically_increasing_id"), 3, 2, 1),
        "the count goes on across batches");
    assertEquals(list(0L, 1L), run(fn("monotonically_increasing_id"), 0, 1, 1));
  }

  @Test
  void randWithASeedGivesSparksValuesInPartitionZero() {
    // spark.range(0, 2, 1, 1).withColumn('rand', rand(seed=42) * 3) in Spark's documentation.
    Expression rand3 = arith(ArithmeticOp.MULTIPLY, fn("rand", lit(42)), lit(3.0));
    assertEquals(list(1.8575681106759028, 1.5288056527339444), run(rand3, 0, 2));
    assertEquals(run(rand3, 0, 2), run(rand3, 0, 1, 1), "batches do not restart the sequence");
    assertNotEquals(run(rand3, 0, 2), run(rand3, 1, 2), "each partition has its own seed");
  }

  @Test
  void randnWithASeedGivesSparksValuesInPartitionZero() {
    List<Object> values = run(fn("randn", lit(42)), 0, 2);
    // Spark's documentation shows randn(42) over one partition as 2.384479054241... and 0.1920934041293...
    assertEquals(2.384479054241, (double) values.get(0), 1e-12);
    assertEquals(0.1920934041293, (double) values.get(1), 1e-13);
  }

  @Test
  void aNullSeedIsZero() {
    assertEquals(run(fn("rand", lit(0)), 0, 3), run(fn("rand", lit(null, LONG)), 0, 3));
  }
}
