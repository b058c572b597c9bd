package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.keys.KeyEquality;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;

/**
 * Assigns dense group ids (0, 1, 2, ... in order of first appearance) to key tuples: open addressing with
 * linear probing over {@code int[] slots -> group id}, the hash of every group in {@code int[]}, and the
 * group keys themselves appended to Arrow vectors once per new group. Nulls equal nulls (one null group),
 * -0.0 equals 0.0 and NaN equals NaN, as Spark groups them; stored float keys are normalized to 0.0 and the
 * canonical NaN like Spark's NormalizeFloatingNumbers.
 */
public final class GroupHashTable implements AutoCloseable {
  private static final int INITIAL_SLOTS = 1024;

  private final List<FieldVector> keys;
  private final HeapReservation heap;
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
      allocateSlots(INITIAL_SLOTS);
      groupHashes = new int[INITIAL_SLOTS / 2];
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
    KeyEquality eq = new KeyEquality(keys, batchKeys, true);
    int before = size;
    for (int i = 0; i < n; i++) {
      int h = hashes[i];
      int pos = h & mask;
      while (true) {
        int g = slots[pos];
        if (g < 0) {
          g = insert(batchKeys, i, h);
          slots[pos] = g;
          if (newRows != null) {
            newRows[g - before] = i;
          }
          groupIds[i] = g;
          if (size * 2 > slots.length) {
            rehash(slots.length * 2);
          }
          break;
        }
        if (groupHashes[g] == h && eq.equal(g, i)) {
          groupIds[i] = g;
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
    return size - before;
  }

  private int insert(List<FieldVector> batchKeys, int row, int hash) {
    int g = size++;
    if (g == groupHashes.length) {
      groupHashes = Arrays.copyOf(groupHashes, groupHashes.length * 2);
      account();
    }
    groupHashes[g] = hash;
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
    return g;
  }

  private static double normalize(double v) {
    if (v == 0.0) {
      return 0.0;
    }
    return Double.isNaN(v) ? Double.NaN : v;
  }

  /**
   * Grows fixed-width key vectors ahead of a batch: the comparators of {@link KeyEquality} read their data
   * buffers directly, so those must not be reallocated while a batch is being looked up.
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

  private void allocateSlots(int n) {
    slots = new int[n];
    Arrays.fill(slots, -1);
    mask = n - 1;
  }

  private void rehash(int newSize) {
    int[] old = slots;
    heap.resize(4L * (newSize + old.length + groupHashes.length));
    allocateSlots(newSize);
    for (int g = 0; g < size; g++) {
      int pos = groupHashes[g] & mask;
      while (slots[pos] >= 0) {
        pos = (pos + 1) & mask;
      }
      slots[pos] = g;
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
