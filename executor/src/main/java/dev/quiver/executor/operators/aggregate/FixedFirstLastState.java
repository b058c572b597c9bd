package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code first} / {@code last} of a fixed-width type, optionally IGNORE NULLS: the value (which may be null)
 * in a vector of the input type and the valueSet flag. Without IGNORE NULLS a null row is a value like any
 * other, as in Spark.
 */
final class FixedFirstLastState extends AggregateState {
  private final boolean last;
  private final boolean ignoreNulls;
  private final StateColumn values;
  private final FixedLayout layout;
  private final FirstLastFlags flags;

  FixedFirstLastState(boolean last, boolean ignoreNulls, DataType type, BufferAllocator allocator) {
    super(type);
    this.last = last;
    this.ignoreNulls = ignoreNulls;
    this.values = new StateColumn(last ? "last" : "first", type, allocator);
    this.layout = FixedLayout.of(values.vector);
    this.flags = new FirstLastFlags(allocator);
  }

  @Override
  public void ensureCapacity(int groups) {
    values.ensure(groups);
    flags.ensure(groups);
  }

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {
    FieldVector in = args[0];
    boolean allNull = in instanceof NullVector;
    if (allNull && ignoreNulls) {
      return;
    }
    ArrowBuf valid = allNull ? null : in.getValidityBuffer();
    ArrowBuf data = allNull ? null : in.getDataBuffer();
    for (int r = from; r < to; r++) {
      boolean isNull = allNull || BitVectorHelper.get(valid, r) == 0;
      if (isNull && ignoreNulls) {
        continue;
      }
      int g = groupIds[r];
      if (!last && flags.isSet(g)) {
        continue;
      }
      store(g, data, r, isNull);
    }
  }

  private void store(int g, ArrowBuf data, int r, boolean isNull) {
    if (isNull) {
      values.clear(g);
    } else {
      layout.copy(data, r, values.data, g);
      values.markSet(g);
    }
    flags.mark(g);
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    FieldVector in = buffers[0];
    BitVector set = (BitVector) buffers[1];
    boolean allNull = in instanceof NullVector;
    ArrowBuf valid = allNull ? null : in.getValidityBuffer();
    ArrowBuf data = allNull ? null : in.getDataBuffer();
    for (int r = from; r < to; r++) {
      int g = groupIds[r];
      if (!FirstLastFlags.isTrue(set, r) || (!last && flags.isSet(g))) {
        continue;
      }
      store(g, data, r, allNull || BitVectorHelper.get(valid, r) == 0);
    }
  }

  @Override
  public void mergeState(int target, int source) {
    if (!flags.isSet(source) || (!last && flags.isSet(target))) {
      return;
    }
    store(target, values.data, source, !values.isSet(source));
  }

  @Override
  public void reset(int group) {
    values.clear(group);
    flags.clear(group);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    FieldVector v = results(from, count, allocator);
    try {
      return List.of(v, flags.column(from, count, allocator));
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    return VectorRanges.gather(values.vector, VectorRanges.identity(new int[count], from, count), count,
        allocator);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    out.copyFromSafe(group, index, values.vector);
  }

  @Override
  public void close() {
    values.close();
    flags.close();
  }
}
