package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.vectors.Int128;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code sum} and {@code avg} of decimal(p, s): the sum is kept exactly as a 128-bit unscaled integer at
 * scale s in a decimal(min(38, p+10), s) vector (the input's scale, so adding is integer addition). Like
 * Spark under ANSI mode, a sum that does not fit its type fails the query with NUMERIC_VALUE_OUT_OF_RANGE.
 * avg keeps a count beside it and divides once per group, rounding half-up to its result scale.
 */
final class DecimalSumState extends AggregateState {
  private final boolean average;
  private final DecimalType sumType;
  private final StateColumn sums;
  private final StateColumn counts;

  DecimalSumState(boolean average, DecimalType sumType, DecimalType resultType, BufferAllocator allocator) {
    super(resultType);
    this.average = average;
    this.sumType = sumType;
    this.sums = new StateColumn("sum", sumType, allocator);
    this.counts = average ? new StateColumn("count", DataTypes.LongType, allocator) : null;
  }

  @Override
  public void ensureCapacity(int groups) {
    sums.ensure(groups);
    if (counts != null) {
      counts.ensure(groups);
    }
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    if (args[0] instanceof NullVector) {
      return;
    }
    DecimalVector in = (DecimalVector) args[0];
    if (in.getScale() != sumType.scale()) {
      throw new IllegalStateException("Decimal sum at scale " + sumType.scale() + " got input at scale "
          + in.getScale());
    }
    addAll(in.getDataBuffer(), in.getValidityBuffer(), groupIds, from, to);
    if (counts != null) {
      ArrowBuf valid = in.getValidityBuffer();
      ArrowBuf c = counts.data;
      for (int r = from; r < to; r++) {
        if (BitVectorHelper.get(valid, r) != 0) {
          long at = (long) groupIds[r] * 8;
          c.setLong(at, c.getLong(at) + 1);
        }
      }
    }
  }

  private void addAll(ArrowBuf data, ArrowBuf valid, int[] groupIds, int from, int to) {
    ArrowBuf s = sums.data;
    ArrowBuf sv = sums.validity;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) != 0) {
        int g = groupIds[r];
        add(s, g, data.getLong((long) r * 16 + 8), data.getLong((long) r * 16));
        StateColumn.markValid(sv, g);
      }
    }
  }

  /** 128-bit add with carry into slot {@code g}; overflowing 128 bits is far beyond 38 digits. */
  private void add(ArrowBuf s, int g, long hi, long lo) {
    long at = (long) g * 16;
    long curLo = s.getLong(at);
    long curHi = s.getLong(at + 8);
    long rLo = curLo + lo;
    long carry = Long.compareUnsigned(rLo, curLo) < 0 ? 1 : 0;
    long rHi = curHi + hi + carry;
    if (((curHi ^ rHi) & (hi ^ rHi)) < 0) {
      throw AnsiErrors.decimalOutOfRange(new BigDecimal(toBigInteger(curHi, curLo), sumType.scale()),
          sumType.precision(), sumType.scale());
    }
    s.setLong(at, rLo);
    s.setLong(at + 8, rHi);
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    DecimalVector in = (DecimalVector) buffers[0];
    addAll(in.getDataBuffer(), in.getValidityBuffer(), groupIds, from, to);
    if (counts != null) {
      BigIntVector inCount = (BigIntVector) buffers[1];
      ArrowBuf cd = inCount.getDataBuffer();
      ArrowBuf valid = inCount.getValidityBuffer();
      ArrowBuf c = counts.data;
      for (int r = from; r < to; r++) {
        if (BitVectorHelper.get(valid, r) != 0) {
          long at = (long) groupIds[r] * 8;
          c.setLong(at, c.getLong(at) + cd.getLong((long) r * 8));
        }
      }
    }
  }

  @Override
  public void mergeState(int target, int source) {
    if (sums.isSet(source)) {
      long at = (long) source * 16;
      add(sums.data, target, sums.data.getLong(at + 8), sums.data.getLong(at));
      sums.markSet(target);
    }
    if (counts != null) {
      counts.setLong(target, counts.getLong(target) + counts.getLong(source));
    }
  }

  @Override
  public void reset(int group) {
    sums.clear(group);
    if (counts != null) {
      counts.setLong(group, 0);
    }
  }

  /** The sum of {@code group} as an unscaled value checked against the sum type's precision. */
  private void checkedSum(int group, Int128 scratch) {
    long at = (long) group * 16;
    scratch.set(sums.data.getLong(at + 8), sums.data.getLong(at));
    if (!scratch.fitsPrecision(sumType.precision())) {
      throw AnsiErrors.decimalOutOfRange(scratch.toBigDecimal(sumType.scale()), sumType.precision(),
          sumType.scale());
    }
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    Int128 scratch = new Int128();
    for (int i = 0; i < count; i++) {
      if (sums.isSet(from + i)) {
        checkedSum(from + i, scratch);
      }
    }
    int[] idx = VectorRanges.identity(new int[count], from, count);
    FieldVector sum = VectorRanges.gather(sums.vector, idx, count, allocator);
    if (counts == null) {
      return List.of(sum);
    }
    // avg's buffer starts at 0 (not null), as Spark's does.
    DecimalVector s = (DecimalVector) sum;
    for (int i = 0; i < count; i++) {
      if (s.isNull(i)) {
        s.setSafe(i, 0L);
      }
    }
    BigIntVector c = new BigIntVector("count", allocator);
    c.allocateNew(Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      c.set(i, counts.getLong(from + i));
    }
    c.setValueCount(count);
    return List.of(sum, c);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    DecimalVector o = (DecimalVector) out;
    if (!sums.isSet(group) || (counts != null && counts.getLong(group) == 0)) {
      o.setNull(index);
      return;
    }
    Int128 v = new Int128();
    checkedSum(group, v);
    if (!average) {
      o.setSafe(index, (long) group * 16, sums.data);
      return;
    }
    DecimalType rt = (DecimalType) resultType();
    BigDecimal avg = v.toBigDecimal(sumType.scale())
        .divide(BigDecimal.valueOf(counts.getLong(group)), rt.scale(), RoundingMode.HALF_UP);
    if (avg.precision() > rt.precision()) {
      throw AnsiErrors.decimalOutOfRange(avg, rt.precision(), rt.scale());
    }
    o.setSafe(index, avg);
  }

  private static BigInteger toBigInteger(long hi, long lo) {
    return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
  }

  @Override
  public void close() {
    sums.close();
    if (counts != null) {
      counts.close();
    }
  }
}
