package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code covar_pop}, {@code covar_samp} and {@code corr} over (x, y) pairs where both are non-null, with the
 * online updates and pairwise merges of Spark's Covariance and PearsonCorrelation, so that partial results
 * combine to the same values. Buffer: n, xAvg, yAvg, ck (co-moment), and for corr also xMk, yMk (the
 * second moments), all doubles. Results as Spark 4 without the legacy statistical flag: null for no pair;
 * covar_samp and corr are null for a single pair. corr is null too when x or y has no variance (Spark 4.0
 * divides by zero there, which fails under ANSI; later Spark returns null, as non-ANSI division does).
 */
final class CoMomentState extends AggregateState {
  enum Kind { COVAR_POP, COVAR_SAMP, CORR }

  private final Kind kind;
  private final List<StateColumn> columns = new ArrayList<>();
  private final StateColumn ns;
  private final StateColumn xAvgs;
  private final StateColumn yAvgs;
  private final StateColumn cks;
  private final StateColumn xMks;
  private final StateColumn yMks;
  private final DoubleValues xs = new DoubleValues();
  private final DoubleValues ys = new DoubleValues();

  CoMomentState(Kind kind, BufferAllocator allocator) {
    super(DataTypes.DoubleType);
    this.kind = kind;
    try {
      ns = column("n", allocator);
      xAvgs = column("xAvg", allocator);
      yAvgs = column("yAvg", allocator);
      cks = column("ck", allocator);
      xMks = kind == Kind.CORR ? column("xMk", allocator) : null;
      yMks = kind == Kind.CORR ? column("yMk", allocator) : null;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private StateColumn column(String name, BufferAllocator allocator) {
    StateColumn c = new StateColumn(name, DataTypes.DoubleType, allocator);
    columns.add(c);
    return c;
  }

  @Override
  public void ensureCapacity(int groups) {
    for (StateColumn c : columns) {
      c.ensure(groups);
    }
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    if (args[0] instanceof NullVector || args[1] instanceof NullVector) {
      return;
    }
    double[] x = xs.read(args[0], from, to);
    double[] y = ys.read(args[1], from, to);
    var xValid = args[0].getValidityBuffer();
    var yValid = args[1].getValidityBuffer();
    boolean corr = kind == Kind.CORR;
    for (int r = from; r < to; r++) {
      if (BitVectorHelper.get(xValid, r) == 0 || BitVectorHelper.get(yValid, r) == 0) {
        continue;
      }
      int g = groupIds[r];
      double n = ns.getDouble(g) + 1.0;
      double xAvg = xAvgs.getDouble(g);
      double yAvg = yAvgs.getDouble(g);
      double dx = x[r] - xAvg;
      double dy = y[r] - yAvg;
      double dxN = dx / n;
      double dyN = dy / n;
      double newXAvg = xAvg + dxN;
      double newYAvg = yAvg + dyN;
      ns.setDouble(g, n);
      xAvgs.setDouble(g, newXAvg);
      yAvgs.setDouble(g, newYAvg);
      cks.setDouble(g, cks.getDouble(g) + dx * (y[r] - newYAvg));
      if (corr) {
        xMks.setDouble(g, xMks.getDouble(g) + dx * (x[r] - newXAvg));
        yMks.setDouble(g, yMks.getDouble(g) + dy * (y[r] - newYAvg));
      }
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    Float8Vector[] in = new Float8Vector[columns.size()];
    for (int k = 0; k < in.length; k++) {
      in[k] = (Float8Vector) buffers[k];
    }
    boolean corr = kind == Kind.CORR;
    for (int r = from; r < to; r++) {
      if (in[0].isNull(r)) {
        continue;
      }
      combine(groupIds[r], in[0].get(r), in[1].get(r), in[2].get(r), in[3].get(r),
          corr ? in[4].get(r) : 0, corr ? in[5].get(r) : 0);
    }
  }

  /** Spark's merge of (n1, ...) in group g with (n2, ...). */
  private void combine(int g, double n2, double xAvg2, double yAvg2, double ck2, double xMk2, double yMk2) {
    double n1 = ns.getDouble(g);
    double xAvg1 = xAvgs.getDouble(g);
    double yAvg1 = yAvgs.getDouble(g);
    double n = n1 + n2;
    double dx = xAvg2 - xAvg1;
    double dxN = n == 0.0 ? 0.0 : dx / n;
    double dy = yAvg2 - yAvg1;
    double dyN = n == 0.0 ? 0.0 : dy / n;
    ns.setDouble(g, n);
    xAvgs.setDouble(g, xAvg1 + dxN * n2);
    yAvgs.setDouble(g, yAvg1 + dyN * n2);
    cks.setDouble(g, cks.getDouble(g) + ck2 + dx * dyN * n1 * n2);
    if (kind == Kind.CORR) {
      xMks.setDouble(g, xMks.getDouble(g) + xMk2 + dx * dxN * n1 * n2);
      yMks.setDouble(g, yMks.getDouble(g) + yMk2 + dy * dyN * n1 * n2);
    }
  }

  @Override
  public void mergeState(int target, int source) {
    boolean corr = kind == Kind.CORR;
    combine(target, ns.getDouble(source), xAvgs.getDouble(source), yAvgs.getDouble(source),
        cks.getDouble(source), corr ? xMks.getDouble(source) : 0, corr ? yMks.getDouble(source) : 0);
  }

  @Override
  public void reset(int group) {
    for (StateColumn c : columns) {
      c.setDouble(group, 0);
    }
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    List<FieldVector> out = new ArrayList<>(columns.size());
    try {
      for (StateColumn c : columns) {
        Float8Vector v = new Float8Vector(c.vector.getName(), allocator);
        out.add(v);
        v.allocateNew(Math.max(count, 1));
        for (int i = 0; i < count; i++) {
          v.set(i, c.getDouble(from + i));
        }
        v.setValueCount(count);
      }
      return out;
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    Float8Vector o = (Float8Vector) out;
    double n = ns.getDouble(group);
    double ck = cks.getDouble(group);
    switch (kind) {
      case COVAR_POP:
        if (n == 0.0) {
          o.setNull(index);
        } else {
          o.setSafe(index, ck / n);
        }
        break;
      case COVAR_SAMP:
        if (n <= 1.0) {
          o.setNull(index);
        } else {
          o.setSafe(index, ck / (n - 1.0));
        }
        break;
      default:
        double denominator = Math.sqrt(xMks.getDouble(group) * yMks.getDouble(group));
        if (n <= 1.0 || denominator == 0.0) {
          o.setNull(index);
        } else {
          o.setSafe(index, ck / denominator);
        }
        break;
    }
  }

  @Override
  public void close() {
    for (StateColumn c : columns) {
      c.close();
    }
  }
}
