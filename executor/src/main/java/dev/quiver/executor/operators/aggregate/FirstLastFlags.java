package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataTypes;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The {@code valueSet} flag of first/last per group: whether some row (some non-null row with IGNORE
 * NULLS) has been seen, so that a null first value is told apart from no value yet.
 */
final class FirstLastFlags implements AutoCloseable {
  private final StateColumn flags;

  FirstLastFlags(BufferAllocator allocator) {
    this.flags = new StateColumn("valueSet", DataTypes.BooleanType, allocator);
  }

  void ensure(int groups) {
    flags.ensure(groups);
  }

  boolean isSet(int g) {
    return flags.isSet(g);
  }

  void mark(int g) {
    flags.markSet(g);
  }

  void clear(int g) {
    flags.clear(g);
  }

  /** Whether row {@code r} of a PARTIAL valueSet column is true. */
  static boolean isTrue(BitVector in, int r) {
    return BitVectorHelper.get(in.getValidityBuffer(), r) != 0 && BitVectorHelper.get(in.getDataBuffer(), r) != 0;
  }

  /** The flags of groups {@code [from, from+count)} as a non-null boolean column. */
  FieldVector column(int from, int count, BufferAllocator allocator) {
    BitVector out = new BitVector("valueSet", allocator);
    out.allocateNew(Math.max(count, 1));
    for (int i = 0; i < count; i++) {
      out.set(i, flags.isSet(from + i) ? 1 : 0);
    }
    out.setValueCount(count);
    return out;
  }

  @Override
  public void close() {
    flags.close();
  }
}
