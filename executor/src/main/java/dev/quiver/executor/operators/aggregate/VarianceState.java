package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataTypes;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code stddev_samp} / {@code var_samp} / {@code stddev_pop} / {@code var_pop} with Welford's online
 * algorithm (buffer: n, mean, m2 as doubles), merged with Chan's formula exactly as Spark's CentralMomentAgg
 * does, so partial results combine to the same values. The sample forms give null for fewer than two values
 * (Spark 4 without the legacy statistical flag), the population forms null for none.
 */
final class VarianceState extends AggregateState {
  private final boolean stddev;
  private final boolean population;
  private final StateColumn ns;
  private final StateColumn means;
  private final StateColumn m2s;
  private final DoubleValues values = new DoubleValues();

  VarianceState(boolean stddev, boolean population, BufferAllocator allocator) {
    super(DataTypes.DoubleType);
    this.stddev = stddev;
    this.population = population;
    this.ns = new StateColumn("n", DataTypes.DoubleType, allocator);
    this.means = new StateColumn("avg", DataTypes.DoubleType, allocator);
    this.m2s = new StateColumn("m2", DataTypes.DoubleType, allocator);
  }

  @Override
  public void ensureCapacity(int groups) {
    ns.ensure(groups);
    means.ensure(groups);
    m2s.ensure(groups);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    if (in instanceof NullVector) {
      return;
    }
    double[] x = values.read(in, from, to);
    ArrowBuf valid = in.getValidityBuffer();
    ArrowBuf n = ns.data;
    ArrowBuf mean = means.data;
    ArrowBuf m2 = m2s.data;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) != 0) {
        long at = (long) groupIds[r] * 8;
        double newN = n.getDouble(at) + 1.0;
        double avg = mean.getDouble(at);
        double delta = x[r] - avg;
        double deltaN = delta / newN;
        n.setDouble(at, newN);
        mean.setDouble(at, avg + deltaN);
        m2.setDouble(at, m2.getDouble(at) + delta * (delta - deltaN));
      }
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    ArrowBuf inN = ((Float8Vector) buffers[0]).getDataBuffer();
    ArrowBuf inMean = ((Float8Vector) buffers[1]).getDataBuffer();
    ArrowBuf inM2 = ((Float8Vector) buffers[2]).getDataBuffer();
    ArrowBuf valid = buffers[0].getValidityBuffer();
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(valid, r) != 0) {
        long at = (long) r * 8;
        combine(groupIds[r], inN.getDouble(at), inMean.getDouble(at), inM2.getDouble(at));
      }
    }
  }

  private void combine(int g, double n2, double avg2, double m2b) {
    double n1 = ns.getDouble(g);
    double avg1 = means.getDouble(g);
    double newN = n1 + n2;
    double delta = avg2 - avg1;
    double deltaN = newN == 0.0 ? 0.0 : delta / newN;
    ns.setDouble(g, newN);
    means.setDouble(g, avg1 + deltaN * n2);
    m2s.setDouble(g, m2s.getDouble(g) + m2b + delta * deltaN * n1 * n2);
  }

  @Override
  public void mergeState(int target, int source) {
    combine(target, ns.getDouble(source), means.getDouble(source), m2s.getDouble(source));
  }

  @Override
  public void reset(int group) {
    ns.setDouble(group, 0);
    means.setDouble(group, 0);
    m2s.setDouble(group, 0);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    Float8Vector n = new Float8Vector("n", allocator);
    Float8Vector avg = new Float8Vector("avg", allocator);
    Float8Vector m2 = new Float8Vector("m2", allocator);
    n.allocateNew(Math.max(count, 1));
    avg.allocateNew(Math.max(count, 1));
    m2.allocateNew(Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      n.set(i, ns.getDouble(from + i));
      avg.set(i, means.getDouble(from + i));
      m2.set(i, m2s.getDouble(from + i));
    }
    n.setValueCount(count);
    avg.setValueCount(count);
    m2.setValueCount(count);
    return List.of(n, avg, m2);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    Float8Vector o = (Float8Vector) out;
    double n = ns.getDouble(group);
    if (n < (population ? 1.0 : 2.0)) {
      o.setNull(index);
      return;
    }
    double variance = m2s.getDouble(group) / (population ? n : n - 1.0);
    o.setSafe(index, stddev ? Math.sqrt(variance) : variance);
  }

  @Override
  public void close() {
    ns.close();
    means.close();
    m2s.close();
  }
}
