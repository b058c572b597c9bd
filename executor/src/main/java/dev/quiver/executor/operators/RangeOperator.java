package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.task.TaskContext;
import java.math.BigInteger;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;

/** This task's slice of {@code range(start, end, step)}: element indexes [i*n/slices, (i+1)*n/slices). */
public final class RangeOperator implements Operator {
  private final long start;
  private final long step;
  private final TaskContext ctx;
  private long index;
  private final long endIndex;

  public RangeOperator(long start, long step, long count, int slice, int numSlices, TaskContext ctx) {
    this.start = start;
    this.step = step;
    this.ctx = ctx;
    BigInteger n = BigInteger.valueOf(count);
    this.index = n.multiply(BigInteger.valueOf(slice)).divide(BigInteger.valueOf(numSlices)).longValue();
    this.endIndex = n.multiply(BigInteger.valueOf(slice + 1L)).divide(BigInteger.valueOf(numSlices)).longValue();
  }

  @Override
  public Batch next() {
    if (index >= endIndex) {
      return null;
    }
    ctx.checkCancelled();
    int n = (int) Math.min(ctx.batchSize(), endIndex - index);
    BigIntVector v = new BigIntVector("id", ctx.allocator());
    v.allocateNew(n);
    long value = start + index * step;
    for (int i = 0; i < n; i++) {
      v.set(i, value);
      value += step;
    }
    v.setValueCount(n);
    index += n;
    return new Batch(List.of(v), n);
  }

  @Override
  public void close() {
    index = endIndex;
  }
}
