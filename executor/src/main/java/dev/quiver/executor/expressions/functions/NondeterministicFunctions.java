package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.DataTypes;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Functions whose values depend on where and in which order rows are computed: spark_partition_id,
 * monotonically_increasing_id (the partition index in the upper 31 bits, the row's position within the
 * partition in the lower 33), and rand/randn (Spark's XORShiftRandom seeded with seed + partition index, so a
 * seed gives the same values for the same partitioning). Each evaluator belongs to one task and keeps its
 * position and generator across the task's batches.
 */
final class NondeterministicFunctions {
  private NondeterministicFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    r.put("spark_partition_id", (f, cc) -> new PartitionId());
    r.put("monotonically_increasing_id", (f, cc) -> new IncreasingId());
    r.put("rand", (f, cc) -> new Random(cc.compile(f.args().get(0)), false));
    r.put("randn", (f, cc) -> new Random(cc.compile(f.args().get(0)), true));
  }

  private static final class PartitionId extends Evaluator {
    PartitionId() {
      super(DataTypes.IntegerType);
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      FieldVector out = Results.allocate(DataTypes.IntegerType, n, ctx.allocator());
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        MemoryUtil.putInt(oa + 4L * i, ctx.partitionIndex());
      }
      Bits.setAll(Bits.validityAddress(out), n);
      out.setValueCount(n);
      return out;
    }
  }

  private static final class IncreasingId extends Evaluator {
    private long count;

    IncreasingId() {
      super(DataTypes.LongType);
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      FieldVector out = Results.allocate(DataTypes.LongType, n, ctx.allocator());
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      long base = ((long) ctx.partitionIndex() << 33) + count;
      for (int i = 0; i < n; i++) {
        MemoryUtil.putLong(oa + 8L * i, base + i);
      }
      count += n;
      Bits.setAll(Bits.validityAddress(out), n);
      out.setValueCount(n);
      return out;
    }
  }

  /** rand(seed) / randn(seed): uniform in [0, 1) or standard normal; a null seed is 0. */
  private static final class Random extends Evaluator {
    private final Evaluator seed;
    private final boolean gaussian;
    private XorShiftRandom rng;

    Random(Evaluator seed, boolean gaussian) {
      super(DataTypes.DoubleType);
      this.seed = seed;
      this.gaussian = gaussian;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      if (rng == null) {
        Object s = seed.isConstant() ? seed.constant(ctx) : null;
        long base = s == null ? 0L : ((Number) s).longValue();
        rng = new XorShiftRandom(base + ctx.partitionIndex());
      }
      FieldVector out = Results.allocate(DataTypes.DoubleType, n, ctx.allocator());
      long oa = ((BaseFixedWidthVector) out).getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        double v = gaussian ? rng.nextGaussian() : rng.nextDouble();
        MemoryUtil.putLong(oa + 8L * i, Double.doubleToRawLongBits(v));
      }
      Bits.setAll(Bits.validityAddress(out), n);
      out.setValueCount(n);
      return out;
    }

    @Override
    public void close() {
      seed.close();
    }
  }
}
