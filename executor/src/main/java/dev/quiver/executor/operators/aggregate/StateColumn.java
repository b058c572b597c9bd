package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * One fixed-width Arrow vector of per-group state, indexed by group id and grown by doubling, so aggregate
 * state lives in the task's allocator. Slots not yet written are zero and null (Arrow zeroes new buffer
 * space), which is the empty state of every aggregate. The validity bit means "has a value".
 */
final class StateColumn implements AutoCloseable {
  private static final int MIN_CAPACITY = 1024;

  final BaseFixedWidthVector vector;
  /** The current buffers; they change when the column grows, so loops read them after {@link #ensure}. */
  ArrowBuf data;
  ArrowBuf validity;
  private int capacity;

  StateColumn(String name, DataType type, BufferAllocator allocator) {
    FieldVector v = Vectors.create(name, type, allocator);
    if (!(v instanceof BaseFixedWidthVector f)) {
      throw new IllegalStateException("State column " + name + " needs a fixed-width type, not " + type);
    }
    this.vector = f;
  }

  /** Makes room for group ids below {@code groups}. */
  void ensure(int groups) {
    if (groups <= capacity) {
      return;
    }
    int target = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(groups - 1, 1)) << 1);
    if (capacity == 0) {
      vector.setInitialCapacity(target);
      vector.allocateNew();
    }
    while (vector.getValueCapacity() < target) {
      vector.reAlloc();
    }
    capacity = vector.getValueCapacity();
    data = vector.getDataBuffer();
    validity = vector.getValidityBuffer();
  }

  int capacity() {
    return capacity;
  }

  /**
   * Sets validity bit {@code group} unless it is set already. Most rows update groups that are set, and
   * then this only reads: an unconditional read-modify-write would chain every row of a few hot groups
   * through the same byte in memory.
   */
  static void markValid(ArrowBuf validity, int group) {
    long at = validity.memoryAddress() + (group >>> 3);
    byte bits = MemoryUtil.getByte(at);
    int bit = 1 << (group & 7);
    if ((bits & bit) == 0) {
      MemoryUtil.putByte(at, (byte) (bits | bit));
    }
  }

  boolean isSet(int group) {
    return BitVectorHelper.get(validity, group) != 0;
  }

  void markSet(int group) {
    BitVectorHelper.setBit(validity, group);
  }

  /** Back to empty: null and zero. */
  void clear(int group) {
    BitVectorHelper.unsetBit(validity, group);
    if (vector instanceof BitVector) {
      BitVectorHelper.unsetBit(data, group);
    } else {
      int w = vector.getTypeWidth();
      data.setZero((long) group * w, w);
    }
  }

  long getLong(int group) {
    return data.getLong((long) group * 8);
  }

  void setLong(int group, long v) {
    data.setLong((long) group * 8, v);
  }

  double getDouble(int group) {
    return data.getDouble((long) group * 8);
  }

  void setDouble(int group, double v) {
    data.setDouble((long) group * 8, v);
  }

  boolean getBit(int group) {
    return BitVectorHelper.get(data, group) != 0;
  }

  void setBit(int group, boolean v) {
    if (v) {
      BitVectorHelper.setBit(data, group);
    } else {
      BitVectorHelper.unsetBit(data, group);
    }
  }

  @Override
  public void close() {
    vector.close();
    data = null;
    validity = null;
    capacity = 0;
  }
}
