package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code first} / {@code last} (and first_value, last_value, any_value) of the types without a specialized
 * state — arrays, maps, structs — optionally IGNORE NULLS: the value in a {@link RowStore} and the valueSet
 * flag, with the semantics of {@link FixedFirstLastState}.
 */
final class GenericFirstLastState extends AggregateState {
  private final boolean last;
  private final boolean ignoreNulls;
  private final RowStore values;
  private final FirstLastFlags flags;

  GenericFirstLastState(boolean last, boolean ignoreNulls, DataType type, BufferAllocator allocator) {
    super(type);
    this.last = last;
    this.ignoreNulls = ignoreNulls;
    this.values = new RowStore(type, allocator);
    try {
      this.flags = new FirstLastFlags(allocator);
    } catch (RuntimeException e) {
      values.close();
      throw e;
    }
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
    for (int r = from; r < to; r++) {
      if (ignoreNulls && (allNull || in.isNull(r))) {
        continue;
      }
      int g = groupIds[r];
      if (!last && flags.isSet(g)) {
        continue;
      }
      values.set(g, in, r);
      flags.mark(g);
    }
  }

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {
    FieldVector in = buffers[0];
    BitVector set = (BitVector) buffers[1];
    for (int r = from; r < to; r++) {
      int g = groupIds[r];
      if (!FirstLastFlags.isTrue(set, r) || (!last && flags.isSet(g))) {
        continue;
      }
      values.set(g, in, r);
      flags.mark(g);
    }
  }

  @Override
  public void mergeState(int target, int source) {
    if (!flags.isSet(source) || (!last && flags.isSet(target))) {
      return;
    }
    values.share(source, target);
    flags.mark(target);
  }

  @Override
  public void reset(int group) {
    values.clear(group);
    flags.clear(group);
  }

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    FieldVector v = values.column(from, count, allocator);
    try {
      return List.of(v, flags.column(from, count, allocator));
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    return values.column(from, count, allocator);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {
    values.write(group, out, index);
  }

  @Override
  public void close() {
    values.close();
    flags.close();
  }
}
