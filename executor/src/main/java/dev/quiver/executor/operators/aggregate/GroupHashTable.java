package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.keys.KeyEquality;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Assigns dense group ids (0, 1, 2, ... in order of first appearance) to key tuples: open addressing with
 * linear probing over {@code int[] slots} (group id and that group's hash side by side, so a probe that
 * meets another group's hash moves on without touching the keys), the hash of every group in
 * {@code int[] groupHashes} (for rehashing), and the group keys themselves appended to Arrow vectors once
 * per new group. Nulls equal nulls (one null group), -0.0 equals 0.0 and NaN equals NaN, as Spark groups
 * them; stored float keys are normalized to 0.0 and the canonical NaN like Spark's NormalizeFloatingNumbers.
 * A single 4- or 8-byte integral key (int, date, bigint, timestamp) is compared inline.
 */
public final class GroupHashTable implements AutoCloseable {
  private static final int INITIAL_CAPACITY = 1024;

  private final List<FieldVector> keys;
  private final HeapReservation heap;
  /** Per slot: [2p] group id or -1 when empty, [2p+1] that group's hash. */
  private int[] slots;
  private int mask;
  private int[] groupHashes;
  private int size;

  public GroupHashTable(List<DataType> keyTypes, BufferAllocator allocator) {
    this.keys = new ArrayList<>(keyTypes.size());
    this.heap = new HeapReservation(allocator);
    try {
      for (int k = 0; k < keyTypes.size(); k++) {
        keys.add(Vectors.create("key" + k, keyTypes.get(k), allocator));
      }
      groupHashes = new int[INITIAL_CAPACITY / 2];
      allocateSlots(INITIAL_CAPACITY);
      account();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Number of groups. */
  public int size() {
    return size;
  }

  /** The stored keys (valid for group ids below {@link #size()}). */
  public List<FieldVector> keyVectors() {
    return keys;
  }

  /**
   * Looks up rows {@code [0, n)} of {@code batchKeys} (whose hashes are {@code hashes}, from
   * {@link dev.quiver.executor.keys.KeyHasher}), inserting unseen key tuples as new groups, and writes each
   * row's group id to {@code groupIds}. If {@code newRows} is given, the row that created each new group is
   * written there in group id order. Returns the number of new groups.
   */
  public int findOrInsert(List<FieldVector> batchKeys, int n, int[] hashes, int[] groupIds, int[] newRows) {
    reserveKeys(size + n);
    int before = size;
    int width = singleIntegralKeyWidth(batchKeys);
    if (width == 8) {
      findOrInsertLongs(batchKeys.get(0), n, hashes, groupIds, newRows);
    } else if (width == 4) {
      findOrInsertInts(batchKeys.get(0), n, hashes, groupIds, newRows);
    } else {
      findOrInsertGeneric(batchKeys, n, hashes, groupIds, newRows);
    }
    return size - before;
  }

  private int singleIntegralKeyWidth(List<FieldVector> batchKeys) {
    if (keys.size() != 1) {
      return 0;
    }
    FieldVector stored = keys.get(0);
    FieldVector in = batchKeys.get(0);
    if ((stored instanceof BigIntVector && in instanceof BigIntVector)
        || (stored instanceof TimeStampVector && in instanceof TimeStampVector)) {
      return 8;
    }
    if ((stored instanceof IntVector && in instanceof IntVector)
        || (stored instanceof DateDayVector && in instanceof DateDayVector)) {
      return 4;
    }
    return 0;
  }

  private void findOrInsertGeneric(List<FieldVector> batchKeys, int n, int[] hashes, int[] groupIds, int[] newRows) {
    KeyEquality eq = new KeyEquality(keys, batchKeys, true);
    int before = size;
    for (int i = 0; i < n; i++) {
      int h = hashes[i];
      int pos = h & mask;
      while (true) {
        int g = slots[2 * pos];
        if (g < 0) {
          g = newGroup(pos, h, i, before, newRows);
          copyKeys(batchKeys, i, g);
          groupIds[i] = g;
          growIfFull();
          break;
        }
        if (slots[2 * pos + 1] == h && eq.equal(g, i)) {
          groupIds[i] = g;
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
  }

  private void findOrInsertLongs(FieldVector in, int n, int[] hashes, int[] groupIds, int[] newRows) {
    BaseFixedWidthVector stored = (BaseFixedWidthVector) keys.get(0);
    ArrowBuf inData = in.getDataBuffer();
    ArrowBuf inValid = in.getValidityBuffer();
    ArrowBuf keyData = stored.getDataBuffer();
    ArrowBuf keyValid = stored.getValidityBuffer();
    warm(keyData, 8, n, hashes, groupIds);
    int before = size;
    for (int i = 0; i < n; i++) {
      int h = hashes[i];
      boolean isNull = BitVectorHelper.get(inValid, i) == 0;
      long x = isNull ? 0 : inData.getLong((long) i * 8);
      int pos = h & mask;
      while (true) {
        int g = slots[2 * pos];
        if (g < 0) {
          g = newGroup(pos, h, i, before, newRows);
          if (!isNull) {
            keyData.setLong((long) g * 8, x);
            BitVectorHelper.setBit(keyValid, g);
          }
          groupIds[i] = g;
          growIfFull();
          break;
        }
        if (slots[2 * pos + 1] == h && (BitVectorHelper.get(keyValid, g) == 0) == isNull
            && (isNull || keyData.getLong((long) g * 8) == x)) {
          groupIds[i] = g;
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
  }

  private void findOrInsertInts(FieldVector in, int n, int[] hashes, int[] groupIds, int[] newRows) {
    BaseFixedWidthVector stored = (BaseFixedWidthVector) keys.get(0);
    ArrowBuf inData = in.getDataBuffer();
    ArrowBuf inValid = in.getValidityBuffer();
    ArrowBuf keyData = stored.getDataBuffer();
    ArrowBuf keyValid = stored.getValidityBuffer();
    warm(keyData, 4, n, hashes, groupIds);
    int before = size;
    for (int i = 0; i < n; i++) {
      int h = hashes[i];
      boolean isNull = BitVectorHelper.get(inValid, i) == 0;
      int x = isNull ? 0 : inData.getInt((long) i * 4);
      int pos = h & mask;
      while (true) {
        int g = slots[2 * pos];
        if (g < 0) {
          g = newGroup(pos, h, i, before, newRows);
          if (!isNull) {
            keyData.setInt((long) g * 4, x);
            BitVectorHelper.setBit(keyValid, g);
          }
          groupIds[i] = g;
          growIfFull();
          break;
        }
        if (slots[2 * pos + 1] == h && (BitVectorHelper.get(keyValid, g) == 0) == isNull
            && (isNull || keyData.getInt((long) g * 4) == x)) {
          groupIds[i] = g;
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
  }

  /**
   * Touches every row's home slot, then the stored key of the group found there, in two loops over the
   * batch. The loads of different rows are independent, so the processor overlaps their cache misses; the
   * probe loop that follows (whose loads depend on each other) then mostly hits the cache. The group ids
   * array serves as scratch: the probe overwrites it.
   */
  private void warm(ArrowBuf keyData, int width, int n, int[] hashes, int[] scratch) {
    int[] s = slots;
    int m = mask;
    for (int i = 0; i < n; i++) {
      scratch[i] = s[2 * (hashes[i] & m)];
    }
    long sink = 0;
    for (int i = 0; i < n; i++) {
      int g = scratch[i];
      if (g >= 0) {
        sink += width == 8 ? keyData.getLong((long) g * 8) : keyData.getInt((long) g * 4);
      }
    }
    warmSink = sink;
  }

  /** Keeps the warming loads from being optimized away. */
  @SuppressWarnings("unused")
  private long warmSink;

  /** Takes the next group id for the key at {@code row}, placed in empty slot {@code pos}. */
  private int newGroup(int pos, int hash, int row, int before, int[] newRows) {
    int g = size++;
    if (g == groupHashes.length) {
      groupHashes = Arrays.copyOf(groupHashes, groupHashes.length * 2);
      account();
    }
    groupHashes[g] = hash;
    slots[2 * pos] = g;
    slots[2 * pos + 1] = hash;
    if (newRows != null) {
      newRows[g - before] = row;
    }
    return g;
  }

  private void copyKeys(List<FieldVector> batchKeys, int row, int g) {
    for (int k = 0; k < keys.size(); k++) {
      FieldVector dst = keys.get(k);
      if (dst instanceof NullVector) {
        continue;
      }
      dst.copyFromSafe(row, g, batchKeys.get(k));
      if (dst instanceof Float8Vector d && !d.isNull(g)) {
        d.set(g, normalize(d.get(g)));
      } else if (dst instanceof Float4Vector f && !f.isNull(g)) {
        f.set(g, (float) normalize(f.get(g)));
      }
    }
  }

  private static double normalize(double v) {
    if (v == 0.0) {
      return 0.0;
    }
    return Double.isNaN(v) ? Double.NaN : v;
  }

  /**
   * Grows fixed-width key vectors ahead of a batch: the comparators of {@link KeyEquality} and the inline
   * loops read their buffers directly, so those must not be reallocated while a batch is being looked up.
   */
  private void reserveKeys(int groups) {
    for (FieldVector v : keys) {
      if (v instanceof BaseFixedWidthVector f) {
        if (f.getValueCapacity() == 0) {
          f.setInitialCapacity(Math.max(groups, 1024));
          f.allocateNew();
        }
        while (f.getValueCapacity() < groups) {
          f.reAlloc();
        }
      }
    }
  }

  private void allocateSlots(int capacity) {
    slots = new int[2 * capacity];
    for (int p = 0; p < capacity; p++) {
      slots[2 * p] = -1;
    }
    mask = capacity - 1;
  }

  /** Keeps the load factor at most 1/2. */
  private void growIfFull() {
    if (size * 2 <= mask + 1) {
      return;
    }
    int capacity = 2 * (mask + 1);
    heap.resize(4L * (2L * capacity + slots.length + groupHashes.length));
    allocateSlots(capacity);
    for (int g = 0; g < size; g++) {
      int h = groupHashes[g];
      int pos = h & mask;
      while (slots[2 * pos] >= 0) {
        pos = (pos + 1) & mask;
      }
      slots[2 * pos] = g;
      slots[2 * pos + 1] = h;
    }
    account();
  }

  private void account() {
    heap.resize(4L * (slots.length + groupHashes.length));
  }

  /** The group keys of groups {@code [from, from+count)} as new vectors. */
  public List<FieldVector> keyColumns(int from, int count, BufferAllocator allocator) {
    int[] idx = VectorRanges.identity(new int[count], from, count);
    List<FieldVector> out = new ArrayList<>(keys.size());
    try {
      for (FieldVector k : keys) {
        out.add(VectorRanges.gather(k, idx, count, allocator));
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    return out;
  }

  @Override
  public void close() {
    keys.forEach(FieldVector::close);
    heap.close();
    slots = new int[0];
    groupHashes = new int[0];
  }
}
