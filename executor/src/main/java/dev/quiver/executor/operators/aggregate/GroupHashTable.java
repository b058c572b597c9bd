package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.MemoryCopy;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.keys.KeyEquality;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Assigns dense group ids (0, 1, 2, ... in order of first appearance, rows whose keys pack before the others
 * of their batch) to key tuples with open addressing and
 * linear probing, the group keys themselves appended to Arrow vectors once per new group. Nulls equal nulls
 * (one null group), -0.0 equals 0.0 and NaN equals NaN, as Spark groups them; stored float keys are
 * normalized to 0.0 and the canonical NaN like Spark's NormalizeFloatingNumbers.
 *
 * <p>Keys that fit one long are kept in the slots themselves ({@code long[] inline}: key, group id and hash in
 * 16 bytes, so a probe reads one cache line and never the key vectors): a single 4- or 8-byte integral key
 * (int, date, bigint, timestamp), or short keys {@link ShortKeyPacking} packs (Q1's two one-letter flags).
 * Other tuples, and rows whose strings are too long to pack, go to {@code int[] slots} (group id and hash side
 * by side, so a probe that meets another group's hash moves on without touching the keys) and are compared
 * column by column. A tuple that packs never equals one that does not, so the two tables never share a group.
 */
public final class GroupHashTable implements AutoCloseable {
  private static final int INITIAL_CAPACITY = 1024;
  /**
   * How many values of the key's range the direct array may hold a group (or a row that may become one): 4 bytes
   * a value, so at most 64 bytes a group, what the inline slots (16 bytes each) take at a load of a quarter; they
   * take 32 to 64. With 8, a final aggregation over a hash shuffle's half of TPC-H's order keys left the array.
   */
  private static final int DIRECT_SPAN_PER_GROUP = 16;
  /** Ranges this small are taken whatever the rows: 64 KiB. */
  private static final int DIRECT_SMALL_SPAN = 1 << 14;
  /** The longest direct array: 2^24 values, 64 MiB. */
  private static final int DIRECT_MAX_SPAN = 1 << 24;

  private final List<FieldVector> keys;
  private final HeapReservation heap;
  /** 8 or 4 when the key is one integral column kept in {@link #inline}, else 0. */
  private final int integralWidth;
  /** Packs short multi-column or string keys into {@link #inline}, or null (also once a batch packed none). */
  private ShortKeyPacking packing;
  /** Per slot when keys go inline (else null): [2p] the key, [2p+1] {@link #slotMeta} of its group or 0. */
  private long[] inline;
  private int inlineMask;
  private int inlineCount;
  /** Per slot for keys compared column by column: [2p] group id or -1 when empty, [2p+1] that group's hash. */
  private int[] slots;
  private int genericMask;
  private int genericCount;
  /** The group of the null key when the key is one integral column, or -1 before it appears. */
  private int nullGroup = -1;
  private int size;
  private int[] hashes = new int[0];
  private long[] packed = new long[0];
  /**
   * For one integral key while its values stay dense (see {@link #DIRECT_SPAN_PER_GROUP}): group id + 1 (0 for
   * none yet) at each value minus {@link #directBase}, in place of hashing; null once the table left it.
   */
  private int[] direct;
  private long directBase;
  /** The smallest and largest key in {@link #direct} so far (it may have room beyond them). */
  private long directMin;
  private long directMax;
  /** Whether {@link #direct} may still be used: true until a batch's keys would spread it too thin. */
  private boolean directOpen;

  public GroupHashTable(List<DataType> keyTypes, BufferAllocator allocator) {
    this.keys = new ArrayList<>(keyTypes.size());
    this.heap = new HeapReservation(allocator);
    try {
      for (int k = 0; k < keyTypes.size(); k++) {
        keys.add(Vectors.create("key" + k, keyTypes.get(k), allocator));
      }
      integralWidth = keys.size() == 1 ? integralKeyWidth(keys.get(0)) : 0;
      directOpen = integralWidth > 0;
      packing = integralWidth == 0 ? ShortKeyPacking.forTypes(keyTypes) : null;
      if (integralWidth > 0 || packing != null) {
        inline = new long[2 * INITIAL_CAPACITY];
        inlineMask = INITIAL_CAPACITY - 1;
      }
      if (integralWidth == 0) {
        slots = newGenericSlots(packing == null ? INITIAL_CAPACITY : 16);
        genericMask = slots.length / 2 - 1;
      }
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

  /** Whether groups are found in the direct array over the key's range (see {@link #direct}). */
  boolean isDirect() {
    return direct != null;
  }

  /** The stored keys (valid for group ids below {@link #size()}). */
  public List<FieldVector> keyVectors() {
    return keys;
  }

  /**
   * Looks up rows {@code [0, n)} of {@code batchKeys}, inserting unseen key tuples as new groups, and writes
   * each row's group id to {@code groupIds}. If {@code newRows} is given, the row that created each new group
   * is written there in group id order. Returns the number of new groups.
   */
  public int findOrInsert(List<FieldVector> batchKeys, int n, int[] groupIds, int[] newRows) {
    reserveKeys(size + n);
    if (hashes.length < n) {
      hashes = new int[n];
    }
    int before = size;
    if (integralWidth > 0) {
      FieldVector in = batchKeys.get(0);
      if (integralKeyWidth(in) != integralWidth) {
        throw new IllegalStateException("Group key " + in.getField() + " does not match the table's key "
            + keys.get(0).getField());
      }
      if (directOpen && findOrInsertDirect(in, integralWidth, n, groupIds, newRows)) {
        return size - before;
      }
      KeyHasher.hash(batchKeys, n, hashes);
      findOrInsertIntegral(in, integralWidth, n, groupIds, newRows);
    } else if (packing != null) {
      if (packed.length < n) {
        packed = new long[n];
      }
      int packedRows = packing.pack(batchKeys, n, packed);
      if (packedRows == 0 && inlineCount == 0) {
        // Nothing has packed (long strings, large keys): stop trying. Safe only while no group is inline.
        packing = null;
        KeyHasher.hash(batchKeys, n, hashes);
        findOrInsertGeneric(batchKeys, n, groupIds, newRows, null);
        return size - before;
      }
      for (int i = 0; i < n; i++) {
        hashes[i] = KeyHasher.hashLong(packed[i]);
      }
      findOrInsertPacked(batchKeys, n, groupIds, newRows);
      if (packedRows < n) {
        KeyHasher.hash(batchKeys, n, hashes);
        findOrInsertGeneric(batchKeys, n, groupIds, newRows, packed);
      }
    } else {
      KeyHasher.hash(batchKeys, n, hashes);
      findOrInsertGeneric(batchKeys, n, groupIds, newRows, null);
    }
    return size - before;
  }

  /** 8 or 4 for the integral types whose values are compared as numbers (int, date, bigint, timestamp), else 0. */
  private static int integralKeyWidth(FieldVector v) {
    if (v instanceof BigIntVector || v instanceof TimeStampVector) {
      return 8;
    }
    if (v instanceof IntVector || v instanceof DateDayVector) {
      return 4;
    }
    return 0;
  }

  /** Rows whose {@code packed} value is {@link ShortKeyPacking#UNPACKED} (all rows when it is null). */
  private void findOrInsertGeneric(List<FieldVector> batchKeys, int n, int[] groupIds, int[] newRows,
      long[] packed) {
    KeyEquality eq = new KeyEquality(keys, batchKeys, true);
    int before = size;
    for (int i = 0; i < n; i++) {
      if (packed != null && packed[i] != ShortKeyPacking.UNPACKED) {
        continue;
      }
      int h = hashes[i];
      int pos = home(h, genericMask);
      while (true) {
        int g = slots[2 * pos];
        if (g < 0) {
          g = newGroup(i, before, newRows);
          slots[2 * pos] = g;
          slots[2 * pos + 1] = h;
          copyKeys(batchKeys, i, g);
          groupIds[i] = g;
          genericCount++;
          growGenericIfFull();
          break;
        }
        if (slots[2 * pos + 1] == h && eq.equal(g, i)) {
          groupIds[i] = g;
          break;
        }
        pos = (pos + 1) & genericMask;
      }
    }
  }

  /**
   * The single integral key path: each slot holds the key itself next to its group id and hash, so a probe
   * reads one cache line and never the stored key vector. The null key is one group kept outside the slots.
   */
  private void findOrInsertIntegral(FieldVector in, int width, int n, int[] groupIds, int[] newRows) {
    BaseFixedWidthVector stored = (BaseFixedWidthVector) keys.get(0);
    ArrowBuf inData = in.getDataBuffer();
    ArrowBuf inValid = in.getValidityBuffer();
    ArrowBuf keyData = stored.getDataBuffer();
    ArrowBuf keyValid = stored.getValidityBuffer();
    boolean mayHaveNulls = in.getNullCount() > 0;
    warm(n);
    int before = size;
    long[] s = inline;
    int m = inlineMask;
    for (int i = 0; i < n; i++) {
      int h = hashes[i];
      if (mayHaveNulls && BitVectorHelper.get(inValid, i) == 0) {
        groupIds[i] = nullGroup(i, before, newRows);
        continue;
      }
      long x = width == 8 ? inData.getLong((long) i * 8) : inData.getInt((long) i * 4);
      int pos = home(h, m);
      while (true) {
        long meta = s[2 * pos + 1];
        if (meta == 0) {
          int g = newGroup(i, before, newRows);
          s[2 * pos] = x;
          s[2 * pos + 1] = slotMeta(g, h);
          storeKey(keyData, keyValid, width, g, x);
          groupIds[i] = g;
          if (growInlineIfFull()) {
            s = inline;
            m = inlineMask;
          }
          break;
        }
        if ((int) meta == h && s[2 * pos] == x) {
          groupIds[i] = (int) (meta >>> 32) - 1;
          break;
        }
        pos = (pos + 1) & m;
      }
    }
  }

  /**
   * The single integral key path while the keys are dense: a group is found at its key's place in an array over
   * the keys' range, with no hash and no probing (TPC-H Q18's order keys, 4 values of the range an order).
   * The array grows to take a batch's keys while the range stays within {@link #DIRECT_SPAN_PER_GROUP} values
   * a group (counting the batch's rows as possible groups) or {@link #DIRECT_SMALL_SPAN}; a batch beyond that
   * moves the groups to the hash slots for good, and this returns false without looking the batch up.
   */
  private boolean findOrInsertDirect(FieldVector in, int width, int n, int[] groupIds, int[] newRows) {
    ArrowBuf inData = in.getDataBuffer();
    ArrowBuf inValid = in.getValidityBuffer();
    boolean mayHaveNulls = in.getNullCount() > 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (!mayHaveNulls || BitVectorHelper.get(inValid, i) != 0) {
        long x = width == 8 ? inData.getLong((long) i * 8) : inData.getInt((long) i * 4);
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    if (min <= max && !coverDirect(min, max, n)) {
      leaveDirect();
      return false;
    }
    BaseFixedWidthVector stored = (BaseFixedWidthVector) keys.get(0);
    ArrowBuf keyData = stored.getDataBuffer();
    ArrowBuf keyValid = stored.getValidityBuffer();
    int before = size;
    int[] d = direct;
    long base = directBase;
    for (int i = 0; i < n; i++) {
      if (mayHaveNulls && BitVectorHelper.get(inValid, i) == 0) {
        groupIds[i] = nullGroup(i, before, newRows);
        continue;
      }
      long x = width == 8 ? inData.getLong((long) i * 8) : inData.getInt((long) i * 4);
      int at = (int) (x - base);
      int g = d[at] - 1;
      if (g < 0) {
        g = newGroup(i, before, newRows);
        d[at] = g + 1;
        storeKey(keyData, keyValid, width, g, x);
      }
      groupIds[i] = g;
    }
    return true;
  }

  /**
   * Makes {@link #direct} cover {@code [min, max]} as well as the range it covers, if the union stays dense
   * enough for the groups so far plus {@code rows} more; false (nothing changed) otherwise.
   */
  private boolean coverDirect(long min, long max, int rows) {
    long lo = direct == null ? min : Math.min(min, directMin);
    long hi = direct == null ? max : Math.max(max, directMax);
    long span = hi - lo + 1;
    // A negative span overflowed a long: keys at both ends of its range.
    if (span <= 0 || span > DIRECT_MAX_SPAN
        || span > Math.max(DIRECT_SMALL_SPAN, (long) DIRECT_SPAN_PER_GROUP * (size + rows))) {
      return false;
    }
    if (direct == null || lo < directBase || hi - directBase >= direct.length) {
      // At least twice the old length, so that a range creeping a batch at a time is copied a few times only;
      // the room goes on the side the range grew to.
      long length = direct == null ? span : Math.min(DIRECT_MAX_SPAN, Math.max(span, 2L * direct.length));
      boolean downwards = direct != null && lo < directBase && hi >= Long.MIN_VALUE + length - 1;
      long base = downwards ? hi - length + 1 : lo;
      heap.resize(slotBytes() + 4L * length);
      int[] grown = new int[(int) length];
      if (direct != null) {
        System.arraycopy(direct, (int) (directMin - directBase), grown, (int) (directMin - base),
            (int) (directMax - directMin + 1));
      }
      direct = grown;
      directBase = base;
      account();
    }
    directMin = lo;
    directMax = hi;
    return true;
  }

  /** Moves the groups from {@link #direct} to the inline hash slots, which take every batch from now on. */
  private void leaveDirect() {
    directOpen = false;
    if (direct == null) {
      return;
    }
    int[] groupHashes = new int[size];
    KeyHasher.hash(List.of(keys.get(0)), size, groupHashes);
    BaseFixedWidthVector stored = (BaseFixedWidthVector) keys.get(0);
    ArrowBuf keyData = stored.getDataBuffer();
    for (int g = 0; g < size; g++) {
      if (g == nullGroup) {
        continue;
      }
      long x = integralWidth == 8 ? keyData.getLong((long) g * 8) : keyData.getInt((long) g * 4);
      int h = groupHashes[g];
      int pos = home(h, inlineMask);
      while (inline[2 * pos + 1] != 0) {
        pos = (pos + 1) & inlineMask;
      }
      inline[2 * pos] = x;
      inline[2 * pos + 1] = slotMeta(g, h);
      growInlineIfFull();
    }
    direct = null;
    account();
  }

  /** Rows whose keys packed: probed by their packed long; a new group copies its keys from the batch. */
  private void findOrInsertPacked(List<FieldVector> batchKeys, int n, int[] groupIds, int[] newRows) {
    int before = size;
    long[] s = inline;
    int m = inlineMask;
    for (int i = 0; i < n; i++) {
      long x = packed[i];
      if (x == ShortKeyPacking.UNPACKED) {
        continue;
      }
      int h = hashes[i];
      int pos = home(h, m);
      while (true) {
        long meta = s[2 * pos + 1];
        if (meta == 0) {
          int g = newGroup(i, before, newRows);
          s[2 * pos] = x;
          s[2 * pos + 1] = slotMeta(g, h);
          copyKeys(batchKeys, i, g);
          groupIds[i] = g;
          if (growInlineIfFull()) {
            s = inline;
            m = inlineMask;
          }
          break;
        }
        if ((int) meta == h && s[2 * pos] == x) {
          groupIds[i] = (int) (meta >>> 32) - 1;
          break;
        }
        pos = (pos + 1) & m;
      }
    }
  }

  /**
   * A hash's home slot: the top bits of its product with an odd constant (Fibonacci hashing). After a hash
   * shuffle every row of a task has the same hash modulo the partition count, so the hash's own low bits
   * would leave most slots without a row calling them home.
   */
  private static int home(int hash, int mask) {
    return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
  }

  /** A non-empty slot's second word: group id + 1 (so that 0 means empty) and the hash. */
  private static long slotMeta(int group, int hash) {
    return ((long) (group + 1) << 32) | (hash & 0xffffffffL);
  }

  /**
   * Touches every row's home slot before the probe loop. The loads of different rows are independent, so
   * the processor overlaps their cache misses; the probe loop that follows (whose loads depend on each
   * other) then mostly hits the cache.
   */
  private void warm(int n) {
    long[] s = inline;
    int m = inlineMask;
    long sink = 0;
    for (int i = 0; i < n; i++) {
      sink += s[2 * home(hashes[i], m) + 1];
    }
    warmSink = sink;
  }

  /** Keeps the warming loads from being optimized away. */
  @SuppressWarnings("unused")
  private long warmSink;

  /** The group of the null key, taken by the row at {@code row} if it is the first null. */
  private int nullGroup(int row, int before, int[] newRows) {
    if (nullGroup < 0) {
      nullGroup = newGroup(row, before, newRows);
    }
    return nullGroup;
  }

  /** Stores group {@code g}'s single integral key {@code x} ({@code width} bytes). */
  private static void storeKey(ArrowBuf keyData, ArrowBuf keyValid, int width, int g, long x) {
    if (width == 8) {
      keyData.setLong((long) g * 8, x);
    } else {
      keyData.setInt((long) g * 4, (int) x);
    }
    BitVectorHelper.setBit(keyValid, g);
  }

  /** Takes the next group id for the key at {@code row}; the caller places it in a slot. */
  private int newGroup(int row, int before, int[] newRows) {
    int g = size++;
    if (newRows != null) {
      newRows[g - before] = row;
    }
    return g;
  }

  /**
   * Appends the keys of batch row {@code row} as group {@code g} (groups are created in increasing order).
   * Fixed- and variable-width keys are copied by address; Arrow's per-row {@code copyFromSafe} stays only
   * for nested keys.
   */
  private void copyKeys(List<FieldVector> batchKeys, int row, int g) {
    for (int k = 0; k < keys.size(); k++) {
      FieldVector dst = keys.get(k);
      FieldVector src = batchKeys.get(k);
      if (dst instanceof NullVector) {
        continue;
      }
      if (dst instanceof BaseFixedWidthVector d && !(dst instanceof BitVector)
          && src instanceof BaseFixedWidthVector s && s.getTypeWidth() == d.getTypeWidth()) {
        int width = d.getTypeWidth();
        // reserveKeys made room for every row of the batch.
        MemoryCopy.copy(s.getDataBufferAddress() + (long) width * row, d.getDataBufferAddress() + (long) width * g,
            width);
        if (!s.isNull(row)) {
          BitVectorHelper.setBit(d.getValidityBuffer(), g);
        }
      } else if (dst instanceof BaseVariableWidthVector d && src instanceof BaseVariableWidthVector s) {
        appendBytes(s, row, d, g);
      } else {
        dst.copyFromSafe(row, g, src);
      }
      if (dst instanceof Float8Vector d && !d.isNull(g)) {
        d.set(g, normalize(d.get(g)));
      } else if (dst instanceof Float4Vector f && !f.isNull(g)) {
        f.set(g, (float) normalize(f.get(g)));
      }
    }
  }

  /** Appends string/binary value {@code row} of {@code src} as value {@code g} of {@code dst}, growing it. */
  private static void appendBytes(BaseVariableWidthVector src, int row, BaseVariableWidthVector dst, int g) {
    while (dst.getValueCapacity() <= g) {
      dst.reAlloc();
    }
    long so = src.getOffsetBufferAddress();
    int start = MemoryUtil.getInt(so + 4L * row);
    int len = src.isNull(row) ? 0 : MemoryUtil.getInt(so + 4L * row + 4) - start;
    int at = MemoryUtil.getInt(dst.getOffsetBufferAddress() + 4L * g);
    while (dst.getDataBuffer().capacity() < (long) at + len) {
      dst.reallocDataBuffer();
    }
    if (!src.isNull(row)) {
      MemoryCopy.copy(src.getDataBufferAddress() + start, dst.getDataBufferAddress() + at, len);
      BitVectorHelper.setBit(dst.getValidityBuffer(), g);
    }
    MemoryUtil.putInt(dst.getOffsetBufferAddress() + 4L * (g + 1), at + len);
    dst.setLastSet(g);
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

  private static int[] newGenericSlots(int capacity) {
    int[] fresh = new int[2 * capacity];
    Arrays.fill(fresh, -1);
    return fresh;
  }

  /** Keeps the inline table's load factor at most 1/2; true if its slots were reallocated. */
  private boolean growInlineIfFull() {
    inlineCount++;
    if (inlineCount * 2 <= inlineMask + 1) {
      return false;
    }
    int capacity = 2 * (inlineMask + 1);
    heap.resize(slotBytes() + 16L * capacity);
    long[] old = inline;
    inline = new long[2 * capacity];
    inlineMask = capacity - 1;
    for (int p = 0; p < old.length; p += 2) {
      long meta = old[p + 1];
      if (meta != 0) {
        int pos = home((int) meta, inlineMask);
        while (inline[2 * pos + 1] != 0) {
          pos = (pos + 1) & inlineMask;
        }
        inline[2 * pos] = old[p];
        inline[2 * pos + 1] = meta;
      }
    }
    account();
    return true;
  }

  /** Keeps the generic table's load factor at most 1/2. */
  private void growGenericIfFull() {
    if (genericCount * 2 <= genericMask + 1) {
      return;
    }
    int capacity = 2 * (genericMask + 1);
    heap.resize(slotBytes() + 8L * capacity);
    int[] old = slots;
    slots = newGenericSlots(capacity);
    genericMask = capacity - 1;
    for (int p = 0; p < old.length; p += 2) {
      if (old[p] >= 0) {
        int pos = home(old[p + 1], genericMask);
        while (slots[2 * pos] >= 0) {
          pos = (pos + 1) & genericMask;
        }
        slots[2 * pos] = old[p];
        slots[2 * pos + 1] = old[p + 1];
      }
    }
    account();
  }

  private long slotBytes() {
    return (inline == null ? 0 : 8L * inline.length) + (slots == null ? 0 : 4L * slots.length)
        + (direct == null ? 0 : 4L * direct.length);
  }

  private void account() {
    heap.resize(slotBytes());
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
    slots = slots == null ? null : new int[0];
    inline = inline == null ? null : new long[0];
    direct = null;
    hashes = new int[0];
    packed = new long[0];
  }
}
