package dev.quiver.executor.operators.aggregate;

import dev.quiver.sql.types.DataTypes;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * One string or binary value per group, overwritable: an append-only byte buffer in the task's allocator
 * plus (start, length) per group. Arrow's variable-width vectors cannot overwrite a value in place, which
 * min/max/last need. A replaced value leaves garbage; when garbage outgrows the live bytes the live values
 * are copied into a fresh buffer, so memory stays within about twice the live size.
 */
final class BytesArena implements AutoCloseable {
  private static final long MIN_BYTES = 64 * 1024;

  private final BufferAllocator allocator;
  /** Start offset per group; validity means the group holds a (non-null) value. */
  private final StateColumn starts;
  private final StateColumn lengths;
  private ArrowBuf bytes;
  private long used;
  private long live;
  private byte[] scratch = new byte[64];

  BytesArena(BufferAllocator allocator) {
    this.allocator = allocator;
    this.starts = new StateColumn("start", DataTypes.LongType, allocator);
    this.lengths = new StateColumn("length", DataTypes.IntegerType, allocator);
  }

  void ensure(int groups) {
    starts.ensure(groups);
    lengths.ensure(groups);
  }

  boolean isSet(int g) {
    return starts.isSet(g);
  }

  private long start(int g) {
    return starts.getLong(g);
  }

  private int length(int g) {
    return lengths.data.getInt((long) g * 4);
  }

  /** Stores {@code src[start, start+len)} as the value of group {@code g}. */
  void set(int g, ArrowBuf src, long start, int len) {
    forget(g);
    reserve(len);
    bytes.setBytes(used, src, start, len);
    place(g, len);
  }

  /** Group {@code dst} takes the value of group {@code src} (which holds one). */
  void copyGroup(int src, int dst) {
    if (src == dst) {
      return;
    }
    forget(dst);
    int len = length(src);
    reserve(len);
    // Read the source position after reserving: reserving may move every value.
    bytes.setBytes(used, bytes, start(src), len);
    place(dst, len);
  }

  private void place(int g, int len) {
    starts.setLong(g, used);
    starts.markSet(g);
    lengths.data.setInt((long) g * 4, len);
    used += len;
    live += len;
  }

  /** Makes group {@code g} hold no value (null). */
  void clear(int g) {
    forget(g);
    starts.clear(g);
    lengths.clear(g);
  }

  private void forget(int g) {
    if (isSet(g)) {
      live -= length(g);
    }
  }

  /** Compares the value of group {@code g} with bytes {@code [start, end)} of {@code other} (unsigned bytes). */
  int compare(int g, ArrowBuf other, long start, long end) {
    long s = start(g);
    return ByteFunctionHelpers.compare(bytes, s, s + length(g), other, start, end);
  }

  int compareGroups(int a, int b) {
    long sa = start(a);
    long sb = start(b);
    return ByteFunctionHelpers.compare(bytes, sa, sa + length(a), bytes, sb, sb + length(b));
  }

  /** Writes the value of {@code g} (or null) at {@code index} of {@code out}. */
  void write(int g, BaseVariableWidthVector out, int index) {
    if (!isSet(g)) {
      out.setNull(index);
      return;
    }
    int len = length(g);
    if (scratch.length < len) {
      scratch = new byte[Math.max(len, scratch.length * 2)];
    }
    bytes.getBytes(start(g), scratch, 0, len);
    out.setSafe(index, scratch, 0, len);
  }

  /** Makes room for {@code len} more bytes, compacting or growing the buffer. */
  private void reserve(int len) {
    long capacity = bytes == null ? 0 : bytes.capacity();
    if (bytes != null && used + len <= capacity) {
      return;
    }
    long garbage = used - live;
    boolean compact = garbage > live;
    long needed = (compact ? live : used) + len;
    long newCapacity = Math.max(MIN_BYTES, Long.highestOneBit(Math.max(needed, 1)) << 1);
    ArrowBuf fresh = allocator.buffer(newCapacity);
    if (bytes == null) {
      bytes = fresh;
      return;
    }
    if (compact) {
      long at = 0;
      int groups = starts.capacity();
      for (int g = 0; g < groups; g++) {
        if (starts.isSet(g)) {
          int l = length(g);
          fresh.setBytes(at, bytes, start(g), l);
          starts.setLong(g, at);
          at += l;
        }
      }
      used = at;
    } else {
      fresh.setBytes(0, bytes, 0, used);
    }
    bytes.close();
    bytes = fresh;
  }

  @Override
  public void close() {
    if (bytes != null) {
      bytes.close();
      bytes = null;
    }
    starts.close();
    lengths.close();
  }
}
