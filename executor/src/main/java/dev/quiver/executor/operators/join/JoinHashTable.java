package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.keys.ValueComparator;
import dev.quiver.executor.operators.aggregate.HeapReservation;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import dev.quiver.formats.KeySet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * The hash table over a join's build side: open addressing with linear probing, one slot per distinct key
 * holding the key's first build row, so that a probe decides on one cache line in the common case. The
 * other rows of a key follow in build order through {@code next} (per build row), so walking a key's rows
 * needs no comparison; a slot's entry says whether there are such rows, so unique keys never read
 * {@code next}. Rows with a null key are not inserted (SQL equality never matches them).
 *
 * <p>A slot tells its key in one of three {@link Layout}s; an entry is a build row, with {@link #MORE} set
 * when the key has further rows, or {@link #NONE}. The table is read-only once built, so tasks of a
 * process can share it (see {@link BroadcastHashTables}); probe state lives in {@link HashPairSource}.
 */
final class JoinHashTable implements AutoCloseable {
  /** How a slot tells its key. */
  enum Layout {
    /** One integral key whose build values all fit an int: a slot is one long, the key's 32 bits then the entry. */
    NARROW,
    /** One 8-byte integral key: a slot is two longs, the key then the entry. */
    WIDE,
    /**
     * Two integral keys whose build values all fit an int (as TPC-H's part and supplier keys), packed into one
     * long: slots as {@link #WIDE}.
     */
    PAIR,
    /** Any other keys: a slot is the key hash then the entry; equal hashes are confirmed on the key columns. */
    HASHED
  }

  /** The entry of an empty slot, and what a probe returns for a key the table does not hold. */
  static final int NONE = -1;
  /** Set in an entry whose key has more build rows after it ({@link #next}). */
  static final int MORE = Integer.MIN_VALUE;
  private static final long LOW = 0xFFFFFFFFL;

  /** 2^64 over the golden ratio: its product's top bits spread keys and hashes alike over the slots. */
  private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
  /** The longest slot array (a Java array's length is an int). */
  private static final long MAX_SLOT_LONGS = 1L << 30;

  private final List<FieldVector> keys;
  private final Layout layout;
  /**
   * NARROW and HASHED: a long per slot; WIDE and PAIR: two. Empty slots hold -1 (entry {@link #NONE}). The
   * slots, their mask and shift change only while the table is built (it grows with its distinct keys), before
   * any probe.
   */
  private long[] slots;
  private int mask;
  /** 64 minus log2 of the slot count: a key's home slot is its Fibonacci product's top bits. */
  private int shift;
  /** The slot count for a load of one half were every build row's key distinct; the table grows up to it. */
  private final int fullCapacity;
  /** Keys placed while building, to grow the table should the estimate of them have been short. */
  private int distinctKeys;
  /** Per build row: the next build row with the same key, or -1. */
  private final int[] next;
  /**
   * For a single integral key whose values span a range no larger in 4-byte entries than the slots the distinct
   * keys would take: the entry of each value of the range, at the value minus {@link #directMin}, in place of
   * {@link #slots}. A probe is then one array read, and keys in order (TPC-H's orders and lineitem by order key)
   * read it in order.
   */
  private int[] direct;
  private long directMin;
  private final HeapReservation heap;
  /** {@link #keySet()}'s answer, made on first use; guarded by {@code this}. */
  private volatile KeySet keySet;

  private JoinHashTable(List<FieldVector> keys, Layout layout, int capacity, int fullCapacity, int[] next,
      HeapReservation heap) {
    this.keys = keys;
    this.layout = layout;
    this.fullCapacity = fullCapacity;
    this.next = next;
    this.heap = heap;
    if (capacity > 0) {
      allocateSlots(capacity);
    } else {
      slots = new long[0];
      mask = -1;
    }
  }

  /** The table's slot count (each of one or two longs, by layout). */
  int capacity() {
    return mask + 1;
  }

  /** Longs a slot of {@code layout} takes. */
  private static int slotWidth(Layout layout) {
    return layout == Layout.NARROW || layout == Layout.HASHED ? 1 : 2;
  }

  /** Empty slots for {@code capacity} keys' homes, charged (with {@code next}) to the task's heap reservation. */
  private void allocateSlots(int capacity) {
    int width = slotWidth(layout);
    heap.resize(8L * width * capacity + 4L * next.length + (layout == Layout.HASHED ? 4L * next.length : 0));
    slots = new long[capacity * width];
    Arrays.fill(slots, -1L);
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  /**
   * Counts a new key; past a load of one half (the distinct keys were underestimated), moves the keys to a
   * table twice the size.
   */
  private void addedKey() {
    distinctKeys++;
    int capacity = capacity();
    if (2L * distinctKeys <= capacity || capacity >= fullCapacity) {
      return;
    }
    long[] old = slots;
    allocateSlots(Math.min(fullCapacity, capacity * 2));
    int width = slotWidth(layout);
    for (int i = 0; i < old.length; i += width) {
      long entrySlot = old[i + width - 1];
      if ((int) entrySlot == NONE) {
        continue;
      }
      long key = switch (layout) {
        case NARROW, HASHED -> (int) (entrySlot >>> 32);
        case WIDE, PAIR -> old[i];
      };
      int at = home(key);
      while ((int) slots[width * at + width - 1] != NONE) {
        at = (at + 1) & mask;
      }
      slots[width * at] = old[i];
      if (width == 2) {
        slots[width * at + 1] = entrySlot;
      }
    }
  }

  /**
   * Builds the table over {@code rows}; its key vectors and heap arrays are charged to {@code eval}'s
   * allocator (the task's, or a shared broadcast's owner's).
   */
  static JoinHashTable build(BuildRows rows, List<VectorEvaluator> keyEvaluators, EvalContext eval) {
    return build(rows, keyEvaluators, eval, 0);
  }

  /**
   * As {@link #build(BuildRows, List, EvalContext)}, starting with {@code startCapacity} slots (a power of two)
   * when it is positive instead of the estimate's: tests make a table grow through every layout with it.
   */
  static JoinHashTable build(BuildRows rows, List<VectorEvaluator> keyEvaluators, EvalContext eval,
      int startCapacity) {
    int total = rows.rowCount();
    HeapReservation heap = new HeapReservation(eval.allocator());
    List<FieldVector> keys = new ArrayList<>();
    try {
      keys = concatenatedKeys(rows, keyEvaluators, eval);
      boolean[] nullKey = nullKeys(keys, total);
      Layout layout = layout(keys, total, nullKey);
      // The smallest power of two at least twice the rows: a load of at most one half with every key distinct.
      long fullCapacity = Long.highestOneBit(2L * Math.max(total, 8) - 1) << 1;
      if (fullCapacity * slotWidth(layout) > MAX_SLOT_LONGS) {
        throw new IllegalStateException("A join build side of " + total + " rows exceeds what one hash table can "
            + "hold; raise the shuffle partition count (spark.sql.shuffle.partitions)");
      }
      // Sized for the distinct keys rather than the rows: a build side with few of them (TPC-H Q22's and Q13's
      // 1.5M orders of 100k customers) keeps a table that fits the cache, not one slot pair per row.
      long capacity = fullCapacity;
      if (startCapacity > 0) {
        capacity = Math.min(fullCapacity, startCapacity);
      } else if (layout != Layout.HASHED) {
        long distinct = estimateDistinct(keys, layout, total, nullKey);
        capacity = Math.min(fullCapacity, Long.highestOneBit(Math.max(16, distinct * 5 / 2) - 1) << 1);
        if (layout == Layout.NARROW || layout == Layout.WIDE) {
          JoinHashTable table = directTable(keys, layout, total, nullKey, heap, 8L * slotWidth(layout) * capacity);
          if (table != null) {
            return table;
          }
        }
      }
      JoinHashTable table = new JoinHashTable(keys, layout, (int) capacity, (int) fullCapacity, new int[total],
          heap);
      if (layout == Layout.HASHED) {
        table.insertHashed(total, nullKey);
        heap.resize(8L * table.capacity() + 4L * total);
      } else {
        table.insertIntegral(total, nullKey);
      }
      return table;
    } catch (RuntimeException | Error e) {
      keys.forEach(FieldVector::close);
      heap.close();
      throw e;
    }
  }

  /**
   * A table over one integral key as a direct array, when the array (4 bytes for each value of the range the
   * non-null keys span) takes no more than {@code slotBytes}, what the slots sized for the distinct keys would;
   * else null.
   */
  private static JoinHashTable directTable(List<FieldVector> keys, Layout layout, int total, boolean[] nullKey,
      HeapReservation heap, long slotBytes) {
    IntegralKeys integral = IntegralKeys.of(keys, layout);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int r = 0; r < total; r++) {
      if (nullKey == null || !nullKey[r]) {
        long v = integral.at(r);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    // max - min is negative when it overflows (keys at both ends of the long range), and is bounded before the
    // span is multiplied into bytes.
    if (min > max || max - min < 0 || max - min >= Integer.MAX_VALUE - 8 || 4 * (max - min + 1) > slotBytes) {
      return null;
    }
    int span = (int) (max - min + 1);
    JoinHashTable table = new JoinHashTable(keys, layout, 0, 0, new int[total], heap);
    heap.resize(4L * span + 4L * total);
    int[] direct = new int[span];
    Arrays.fill(direct, NONE);
    int[] next = table.next;
    for (int r = total - 1; r >= 0; r--) {
      next[r] = NONE;
      if (nullKey != null && nullKey[r]) {
        continue;
      }
      int k = (int) (integral.at(r) - min);
      int e = direct[k];
      if (e == NONE) {
        direct[k] = r;
      } else {
        next[r] = e & ~MORE;
        direct[k] = r | MORE;
      }
    }
    table.direct = direct;
    table.directMin = min;
    return table;
  }

  /** Whether the table is a direct array over its key's range (see {@link #direct}). */
  boolean isDirect() {
    return direct != null;
  }

  /** The entry of {@code v} in the direct array, {@link #NONE} outside the range. */
  private int findDirect(long v) {
    // v - directMin cannot wrap into [0, span): the range ends at most at Long.MAX_VALUE.
    long k = v - directMin;
    return k >= 0 && k < direct.length ? direct[(int) k] : NONE;
  }

  /**
   * The number of distinct keys among the build rows, estimated by linear counting: each key sets one bit of a
   * bitmap (at most 1 MiB, so it stays in cache), and the share of bits left clear tells how many distinct keys
   * set them. Within a few percent up to several times the bitmap's bits, and cheaper than a slot probe a row.
   */
  static long estimateDistinct(List<FieldVector> keys, Layout layout, int total, boolean[] nullKey) {
    int log = Math.max(10, Math.min(23, 64 - Long.numberOfLeadingZeros(2L * Math.max(total, 1) - 1)));
    long[] bits = new long[1 << (log - 6)];
    IntegralKeys integral = IntegralKeys.of(keys, layout);
    for (int r = 0; r < total; r++) {
      if (nullKey != null && nullKey[r]) {
        continue;
      }
      int bit = (int) ((integral.at(r) * FIBONACCI) >>> (64 - log));
      bits[bit >>> 6] |= 1L << bit;
    }
    long set = 0;
    for (long w : bits) {
      set += Long.bitCount(w);
    }
    long m = 1L << log;
    if (set == m) {
      return total;
    }
    return Math.min(total, (long) Math.ceil(m * Math.log((double) m / (m - set))));
  }

  private static Layout layout(List<FieldVector> keys, int total, boolean[] nullKey) {
    if (keys.size() > 2 || !keys.stream().allMatch(k -> integralWidth(k) > 0)) {
      return Layout.HASHED;
    }
    boolean narrow = keys.stream().allMatch(k -> integralWidth(k) == 4 || fitsInt(k, total, nullKey));
    if (keys.size() == 1) {
      return narrow ? Layout.NARROW : Layout.WIDE;
    }
    return narrow ? Layout.PAIR : Layout.HASHED;
  }

  /** 8 or 4 for an integral key column (bigint, timestamp; int, date) read as such, else 0. */
  static int integralWidth(FieldVector key) {
    if (key instanceof BigIntVector || key instanceof TimeStampVector) {
      return 8;
    }
    return key instanceof IntVector || key instanceof DateDayVector ? 4 : 0;
  }

  private static boolean fitsInt(FieldVector key, int total, boolean[] nullKey) {
    ArrowBuf data = key.getDataBuffer();
    for (int r = 0; r < total; r++) {
      long v = data.getLong((long) r * 8);
      if (v != (int) v && (nullKey == null || !nullKey[r])) {
        return false;
      }
    }
    return true;
  }

  /** Row {@code row} of an integral key column's data (of {@code width} bytes a value). */
  private static long value(ArrowBuf data, int width, int row) {
    return width == 8 ? data.getLong((long) row * 8) : data.getInt((long) row * 4);
  }

  /** Two values that fit an int as one long key, the first in the high half. */
  private static long pair(long a, long b) {
    return (a << 32) | (b & LOW);
  }

  private int home(long value) {
    return (int) ((value * FIBONACCI) >>> shift);
  }

  /**
   * Inserts from the last row so that each key's rows end up chained in build order: a row whose key is
   * already in place goes in front of the rows found there.
   */
  private void insertIntegral(int total, boolean[] nullKey) {
    IntegralKeys integral = IntegralKeys.of(keys, layout);
    for (int r = total - 1; r >= 0; r--) {
      next[r] = NONE;
      if (nullKey != null && nullKey[r]) {
        continue;
      }
      long v = integral.at(r);
      if (layout == Layout.NARROW) {
        insertNarrow(v, r);
      } else {
        insertWide(v, r);
      }
    }
  }

  /** The key of a build row of an integral layout: the one column's value, or PAIR's two packed. */
  private record IntegralKeys(ArrowBuf first, int firstWidth, ArrowBuf second, int secondWidth) {
    static IntegralKeys of(List<FieldVector> keys, Layout layout) {
      boolean pair = layout == Layout.PAIR;
      return new IntegralKeys(keys.get(0).getDataBuffer(), integralWidth(keys.get(0)),
          pair ? keys.get(1).getDataBuffer() : null, pair ? integralWidth(keys.get(1)) : 0);
    }

    long at(int row) {
      long v = value(first, firstWidth, row);
      return second == null ? v : pair(v, value(second, secondWidth, row));
    }
  }

  private void insertNarrow(long v, int r) {
    int s = home(v);
    while (true) {
      long slot = slots[s];
      int e = (int) slot;
      if (e == NONE) {
        slots[s] = (v << 32) | r;
        addedKey();
        return;
      }
      if ((int) (slot >>> 32) == (int) v) {
        next[r] = e & ~MORE;
        slots[s] = (slot & ~LOW) | ((r | MORE) & LOW);
        return;
      }
      s = (s + 1) & mask;
    }
  }

  private void insertWide(long v, int r) {
    int s = home(v);
    while (true) {
      int e = (int) slots[2 * s + 1];
      if (e == NONE) {
        slots[2 * s] = v;
        slots[2 * s + 1] = r;
        addedKey();
        return;
      }
      if (slots[2 * s] == v) {
        next[r] = e & ~MORE;
        slots[2 * s + 1] = r | MORE;
        return;
      }
      s = (s + 1) & mask;
    }
  }

  /** As {@link #insertIntegral}, but slots hold hashes and equal hashes are told apart on the key columns. */
  private void insertHashed(int total, boolean[] nullKey) {
    int[] hashes = new int[total];
    KeyHasher.hash(keys, total, hashes);
    ValueComparator[] comparators = new ValueComparator[keys.size()];
    for (int k = 0; k < comparators.length; k++) {
      comparators[k] = ValueComparator.of(keys.get(k), keys.get(k));
    }
    for (int r = total - 1; r >= 0; r--) {
      next[r] = NONE;
      if (nullKey != null && nullKey[r]) {
        continue;
      }
      int h = hashes[r];
      int s = home(h);
      while (true) {
        long slot = slots[s];
        int e = (int) slot;
        if (e == NONE) {
          slots[s] = ((long) h << 32) | r;
          addedKey();
          break;
        }
        if ((int) (slot >>> 32) == h && keysEqual(comparators, r, e & ~MORE)) {
          next[r] = e & ~MORE;
          slots[s] = (slot & ~LOW) | ((r | MORE) & LOW);
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }

  /** Whether row {@code a} of the comparators' left vectors has the key of row {@code b} of their right ones. */
  static boolean keysEqual(ValueComparator[] comparators, int a, int b) {
    for (ValueComparator c : comparators) {
      if (c.compare(a, b) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Rows with some null key, or null when no key has nulls. */
  static boolean[] nullKeys(List<FieldVector> keys, int n) {
    boolean[] out = null;
    for (FieldVector k : keys) {
      if (k.getNullCount() == 0) {
        continue;
      }
      if (out == null) {
        out = new boolean[n];
      }
      for (int r = 0; r < n; r++) {
        if (k.isNull(r)) {
          out[r] = true;
        }
      }
    }
    return out;
  }

  private static List<FieldVector> concatenatedKeys(BuildRows rows, List<VectorEvaluator> evaluators,
      EvalContext eval) {
    List<Batch> batches = rows.batches();
    if (batches.size() == 1) {
      return evaluate(batches.get(0), evaluators, eval);
    }
    List<FieldVector> out = new ArrayList<>(evaluators.size());
    try {
      for (VectorEvaluator e : evaluators) {
        out.add(Vectors.create("key", e.dataType(), Math.max(rows.rowCount(), 1), eval.allocator()));
      }
      for (int b = 0; b < batches.size(); b++) {
        List<FieldVector> part = evaluate(batches.get(b), evaluators, eval);
        try {
          for (int k = 0; k < part.size(); k++) {
            VectorRanges.copy(part.get(k), 0, out.get(k), rows.start(b), batches.get(b).rowCount());
          }
        } finally {
          part.forEach(FieldVector::close);
        }
      }
      for (FieldVector v : out) {
        v.setValueCount(rows.rowCount());
      }
      return out;
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
  }

  static List<FieldVector> evaluate(Batch batch, List<VectorEvaluator> evaluators, EvalContext eval) {
    List<FieldVector> out = new ArrayList<>(evaluators.size());
    try {
      for (VectorEvaluator e : evaluators) {
        out.add(e.evaluate(batch, eval));
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    return out;
  }

  List<FieldVector> keys() {
    return keys;
  }

  Layout layout() {
    return layout;
  }

  /**
   * The entries of the integral keys of {@code n} stream rows (not for {@link Layout#HASHED}) into
   * {@code out}, each in its own iteration so that the processor overlaps the rows' cache misses. The stream
   * keys have the build keys' types.
   */
  void findIntegral(List<FieldVector> streamKeys, int n, int[] out) {
    ArrowBuf first = streamKeys.get(0).getDataBuffer();
    int width = integralWidth(streamKeys.get(0));
    if (direct != null) {
      for (int i = 0; i < n; i++) {
        out[i] = findDirect(value(first, width, i));
      }
    } else if (layout == Layout.PAIR) {
      ArrowBuf second = streamKeys.get(1).getDataBuffer();
      int secondWidth = integralWidth(streamKeys.get(1));
      for (int i = 0; i < n; i++) {
        long a = value(first, width, i);
        long b = value(second, secondWidth, i);
        out[i] = a == (int) a && b == (int) b ? findWide(pair(a, b)) : NONE;
      }
    } else if (layout == Layout.WIDE) {
      for (int i = 0; i < n; i++) {
        out[i] = findWide(value(first, width, i));
      }
    } else if (width == 8) {
      for (int i = 0; i < n; i++) {
        long v = first.getLong((long) i * 8);
        out[i] = v == (int) v ? findNarrow((int) v) : NONE;
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = findNarrow(first.getInt((long) i * 4));
      }
    }
  }

  /**
   * The table's keys as a set a scan can filter by, for a table over one integral key (int, date or bigint);
   * empty for other keys. Made once per table, as a {@link KeyBitmap} when the keys are dense enough.
   */
  Optional<KeySet> keySet() {
    if (layout != Layout.NARROW && layout != Layout.WIDE) {
      return Optional.empty();
    }
    KeySet set = keySet;
    if (set == null) {
      synchronized (this) {
        if (keySet == null) {
          keySet = makeKeySet();
        }
        set = keySet;
      }
    }
    return Optional.of(set);
  }

  private KeySet makeKeySet() {
    boolean narrow = layout == Layout.NARROW;
    long[] distinct = new long[Math.min(next.length, direct != null ? direct.length : mask + 1)];
    int count = 0;
    if (direct != null) {
      for (int k = 0; k < direct.length; k++) {
        if (direct[k] != NONE) {
          distinct[count++] = directMin + k;
        }
      }
    }
    for (int s = 0; s <= mask; s++) {
      if (narrow && (int) slots[s] != NONE) {
        distinct[count++] = (int) (slots[s] >>> 32);
      } else if (!narrow && (int) slots[2 * s + 1] != NONE) {
        distinct[count++] = slots[2 * s];
      }
    }
    KeyBitmap bitmap = KeyBitmap.of(distinct, count);
    if (bitmap != null && bitmap.bytes() <= Math.max(64 << 10, 32L * count)) {
      // At most 32 bytes a key (a quarter of a bit's worth of span per key), or 64 KiB: a sparse span would
      // hold megabytes for a few keys.
      try {
        heap.grow(bitmap.bytes());
        return bitmap;
      } catch (OutOfMemoryException e) {
        // No room for the bitmap: the table itself answers, only slower.
      }
    }
    int size = count;
    return new KeySet() {
      @Override
      public boolean contains(long v) {
        if (direct != null) {
          return findDirect(v) != NONE;
        }
        return narrow ? v == (int) v && findNarrow((int) v) != NONE : findWide(v) != NONE;
      }

      @Override
      public int sizeBound() {
        return size;
      }
    };
  }

  private int findNarrow(int v) {
    int s = home(v);
    while (true) {
      long slot = slots[s];
      int e = (int) slot;
      if (e == NONE || (int) (slot >>> 32) == v) {
        return e;
      }
      s = (s + 1) & mask;
    }
  }

  private int findWide(long v) {
    int s = home(v);
    while (true) {
      int e = (int) slots[2 * s + 1];
      if (e == NONE || slots[2 * s] == v) {
        return e;
      }
      s = (s + 1) & mask;
    }
  }

  /**
   * ({@link Layout#HASHED}) The first slot from {@code hash}'s home on holding {@code hash}, or -1: its key
   * may still differ; {@link #slotWithHashAfter} goes on from there.
   */
  int slotWithHash(int hash) {
    return slotFrom(home(hash), hash);
  }

  /** The next slot after {@code slot} holding {@code hash}, or -1. */
  int slotWithHashAfter(int slot, int hash) {
    return slotFrom((slot + 1) & mask, hash);
  }

  private int slotFrom(int s, int hash) {
    while (true) {
      long slot = slots[s];
      if ((int) slot == NONE) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        return s;
      }
      s = (s + 1) & mask;
    }
  }

  /** The entry of a {@link Layout#HASHED} slot. */
  int entry(int slot) {
    return (int) slots[slot];
  }

  /** The build row of an entry other than {@link #NONE}. */
  static int row(int entry) {
    return entry & ~MORE;
  }

  /** The entry after {@code row} of a key with more rows: the next row, flagged if more follow it. */
  int nextEntry(int row) {
    int n = next[row];
    return n == NONE ? NONE : n | MORE;
  }

  @Override
  public void close() {
    keys.forEach(FieldVector::close);
    heap.close();
  }
}
