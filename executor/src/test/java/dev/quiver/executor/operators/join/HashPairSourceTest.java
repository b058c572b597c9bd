package dev.quiver.executor.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.keys.KeyHasher;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * {@link JoinHashTable} and {@link HashPairSource} against a nested-loop join of the same rows: every
 * (stream row, build row) pair with equal non-null keys, stream rows in order and each one's build rows in
 * build order, taken in chunks smaller than the longest run of equal keys.
 */
class HashPairSourceTest extends JoinTestBase {
  private static final long INT_RANGE = 1L << 32;
  /** The slots the tables {@link #probe} builds start with; 0 for the estimate's. */
  private int startCapacity;
  /** The slots of the table {@link #probe} built last. */
  private int lastCapacity;
  /** Whether the table {@link #probe} built last was a direct array over its key's range. */
  private boolean lastDirect;

  /** The pairs the source gives for every stream batch, as "stream batch/row -> build row". */
  private List<String> probe(List<AttributeReference> schema, List<Object[]> build, int buildBatchRows,
      List<Object[]> stream, int streamBatchRows, boolean firstMatchOnly, int chunk, JoinHashTable.Layout layout) {
    TaskContext ctx = ctx(chunk);
    List<Batch> buildBatches = batches(schema, build, buildBatchRows);
    List<VectorEvaluator> keys = Operators.compile(new ArrayList<>(schema), schema);
    List<String> out = new ArrayList<>();
    try (BuildRows rows = BuildRows.load(BuildInput.broadcast(buildBatches), schema, ctx)) {
      JoinHashTable table = JoinHashTable.build(rows, keys, ctx.evalContext(), startCapacity);
      lastCapacity = table.capacity();
      lastDirect = table.isDirect();
      try (HashPairSource source = new HashPairSource(table, table, keys, firstMatchOnly, ctx)) {
        assertEquals(layout, table.layout());
        int[] s = new int[chunk];
        int[] b = new int[chunk];
        List<Batch> streamBatches = batches(schema, stream, streamBatchRows);
        for (int i = 0; i < streamBatches.size(); i++) {
          source.reset(streamBatches.get(i));
          int n;
          while ((n = source.next(s, b, chunk)) > 0) {
            assertTrue(n <= chunk);
            for (int p = 0; p < n; p++) {
              out.add(i + "/" + s[p] + " -> " + b[p]);
            }
          }
        }
      }
    }
    return out;
  }

  private List<Batch> batches(List<AttributeReference> schema, List<Object[]> rows, int perBatch) {
    List<Batch> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += perBatch) {
      out.add(track(batch(schema, rows.subList(i, Math.min(rows.size(), i + perBatch)))));
    }
    return out;
  }

  /** The pairs of a nested-loop join, in the order {@link #probe} must give them. */
  private static List<String> nestedLoop(List<Object[]> build, List<Object[]> stream, int streamBatchRows,
      boolean firstMatchOnly) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < stream.size(); i++) {
      for (int j = 0; j < build.size(); j++) {
        if (equalKeys(stream.get(i), build.get(j))) {
          out.add(i / streamBatchRows + "/" + i % streamBatchRows + " -> " + j);
          if (firstMatchOnly) {
            break;
          }
        }
      }
    }
    return out;
  }

  private static boolean equalKeys(Object[] a, Object[] b) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] == null || b[k] == null || !a[k].equals(b[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks the pairs against the nested loop; unless a test set the start capacity, both with the table the
   * estimate chooses (a direct array where the keys are dense) and with a hash table that grows from 16 slots.
   */
  private void check(List<AttributeReference> schema, List<Object[]> build, List<Object[]> stream,
      JoinHashTable.Layout layout) {
    int requested = startCapacity;
    for (int start : requested > 0 ? new int[] {requested} : new int[] {0, 16}) {
      startCapacity = start;
      for (boolean firstMatchOnly : new boolean[] {false, true}) {
        for (int chunk : new int[] {3, 1000}) {
          List<String> expected = nestedLoop(build, stream, 50, firstMatchOnly);
          assertEquals(expected, probe(schema, build, 37, stream, 50, firstMatchOnly, chunk, layout),
              "firstMatchOnly " + firstMatchOnly + ", chunks of " + chunk + ", start capacity " + start);
        }
      }
    }
    startCapacity = requested;
    assertTrue(nestedLoop(build, stream, 50, false).size() > stream.size() / 2, "the rows must match often");
  }

  /** {@code n} rows of one key from {@code value}, one in {@code nullEvery} null. */
  private static List<Object[]> rows(int n, int nullEvery, Random rnd, Supplier<Object> value) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Object[] {rnd.nextInt(nullEvery) == 0 ? null : value.get()});
    }
    return out;
  }

  /**
   * Keys spanning at most four values a build row make a direct array: duplicates keep build order, nulls never
   * match, and stream keys below, above and far outside the range (beyond an int) find nothing.
   */
  @Test
  void denseKeysMakeADirectTable() {
    Random rnd = new Random(21);
    for (DataType type : List.of(DataTypes.LongType, DataTypes.IntegerType)) {
      boolean isLong = type.equals(DataTypes.LongType);
      List<AttributeReference> schema = List.of(attr("k", type));
      List<Object[]> build = rows(400, 10, rnd, () -> key(isLong, 1000 + rnd.nextInt(300)));
      List<Object[]> stream = rows(300, 10, rnd, () -> key(isLong, 990 + rnd.nextInt(320)));
      stream.add(new Object[] {key(isLong, Integer.MIN_VALUE)});
      stream.add(new Object[] {key(isLong, Integer.MAX_VALUE)});
      if (isLong) {
        stream.add(new Object[] {1000L + INT_RANGE});
        stream.add(new Object[] {Long.MIN_VALUE});
      }
      check(schema, build, stream, JoinHashTable.Layout.NARROW);
      probe(schema, build, 37, stream, 50, false, 1000, JoinHashTable.Layout.NARROW);
      assertTrue(lastDirect, "dense " + type + " keys");
    }
  }

  /** Dense keys at the top of the long range: the offset from the range's start never wraps into it. */
  @Test
  void denseKeysAtTheEndOfTheLongRange() {
    Random rnd = new Random(22);
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    List<Object[]> build = rows(200, 10, rnd, () -> Long.MAX_VALUE - rnd.nextInt(100));
    List<Object[]> stream = rows(200, 10, rnd, () -> Long.MAX_VALUE - rnd.nextInt(120));
    stream.add(new Object[] {Long.MIN_VALUE});
    stream.add(new Object[] {Long.MIN_VALUE + 50});
    stream.add(new Object[] {-1L});
    check(schema, build, stream, JoinHashTable.Layout.WIDE);
    probe(schema, build, 37, stream, 50, false, 1000, JoinHashTable.Layout.WIDE);
    assertTrue(lastDirect);
  }

  /**
   * Keys whose range would take more memory as an array than the slots of their distinct keys keep the hash
   * table: spread out, or few keys repeated over a wide range.
   */
  @Test
  void sparseKeysKeepTheHashTable() {
    Random rnd = new Random(23);
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    List<Object[]> build = rows(400, 10, rnd, () -> 30L * rnd.nextInt(300));
    List<Object[]> stream = rows(300, 10, rnd, () -> 30L * rnd.nextInt(300));
    check(schema, build, stream, JoinHashTable.Layout.NARROW);
    probe(schema, build, 37, stream, 50, false, 1000, JoinHashTable.Layout.NARROW);
    assertTrue(!lastDirect && lastCapacity > 0, "30 values a key's step over 300 keys");

    List<Object[]> twoKeys = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      twoKeys.add(new Object[] {i % 2 == 0 ? 0L : 100_000L});
    }
    probe(schema, twoKeys, 500, List.<Object[]>of(new Object[] {0L}), 50, true, 1000, JoinHashTable.Layout.NARROW);
    assertTrue(!lastDirect && lastCapacity <= 64, "2 keys 100k apart in a table of " + lastCapacity);
  }

  private static Object key(boolean isLong, long v) {
    return isLong ? (Object) v : (Object) (int) v;
  }

  @Test
  void bigintKeysWithDuplicatesAndNulls() {
    Random rnd = new Random(1);
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    Supplier<Object> keys = () -> (long) rnd.nextInt(60) - 20;
    check(schema, rows(400, 10, rnd, keys), rows(300, 10, rnd, keys), JoinHashTable.Layout.NARROW);
  }

  @Test
  void bigintKeysBeyondAnIntAreComparedWhole() {
    Random rnd = new Random(2);
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    // Keys equal in their low 32 bits, or each other's negation: only whole equality matches.
    IntFunction<Object> key = i -> (i % 3 - 1) * INT_RANGE * 5 + (i % 7) + (i % 2 == 0 ? Long.MIN_VALUE : 0);
    Supplier<Object> keys = () -> key.apply(rnd.nextInt(42));
    check(schema, rows(400, 10, rnd, keys), rows(300, 10, rnd, keys), JoinHashTable.Layout.WIDE);
  }

  @Test
  void streamKeysBeyondAnIntMissANarrowTable() {
    Random rnd = new Random(3);
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    List<Object[]> build = rows(300, 10, rnd, () -> (long) rnd.nextInt(30));
    // Half the stream keys are build keys plus 2^32: the same low bits, which must not match.
    List<Object[]> stream = rows(300, 10, rnd, () -> rnd.nextInt(30) + (rnd.nextBoolean() ? INT_RANGE : 0));
    check(schema, build, stream, JoinHashTable.Layout.NARROW);
  }

  @Test
  void intDateAndTimestampKeys() {
    for (DataType type : List.of(DataTypes.IntegerType, DataTypes.DateType, DataTypes.TimestampType)) {
      Random rnd = new Random(4);
      List<AttributeReference> schema = List.of(attr("k", type));
      boolean isLong = type.equals(DataTypes.TimestampType);
      Supplier<Object> keys = () -> isLong ? (Object) (rnd.nextInt(50) * 86_400_000_000L) : (Object) rnd.nextInt(50);
      check(schema, rows(400, 8, rnd, keys), rows(300, 8, rnd, keys),
          isLong ? JoinHashTable.Layout.WIDE : JoinHashTable.Layout.NARROW);
    }
  }

  @Test
  void stringKeys() {
    Random rnd = new Random(5);
    List<AttributeReference> schema = List.of(attr("k", DataTypes.StringType));
    Supplier<Object> keys = () -> "key " + rnd.nextInt(40);
    check(schema, rows(400, 10, rnd, keys), rows(300, 10, rnd, keys), JoinHashTable.Layout.HASHED);
  }

  @Test
  void multiColumnKeysWhoseHashesCollide() {
    List<AttributeReference> schema = List.of(attr("a", DataTypes.IntegerType), attr("b", DataTypes.IntegerType),
        attr("c", DataTypes.IntegerType));
    List<Object[]> colliding = collidingPairs(schema, 6);
    Random rnd = new Random(6);
    List<Object[]> build = new ArrayList<>();
    List<Object[]> stream = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      build.add(keyOrNull(colliding, rnd));
      stream.add(keyOrNull(colliding, rnd));
    }
    check(schema, build, stream, JoinHashTable.Layout.HASHED);
  }

  @Test
  void twoIntegralKeysArePackedIntoOne() {
    List<AttributeReference> schema = List.of(attr("a", DataTypes.IntegerType), attr("b", DataTypes.LongType));
    Random rnd = new Random(9);
    List<Object[]> build = new ArrayList<>();
    List<Object[]> stream = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      build.add(new Object[] {rnd.nextInt(8) - 4, (long) rnd.nextInt(6) - 3});
      // Some stream values are beyond an int, with the low bits of a build value (-1, -1 among them).
      long b = rnd.nextInt(6) - 3 + (rnd.nextInt(4) == 0 ? INT_RANGE : 0);
      stream.add(new Object[] {rnd.nextInt(8) - 4, b});
    }
    for (int i = 0; i < 40; i++) {
      build.get(rnd.nextInt(build.size()))[rnd.nextInt(2)] = null;
      stream.get(rnd.nextInt(stream.size()))[rnd.nextInt(2)] = null;
    }
    check(schema, build, stream, JoinHashTable.Layout.PAIR);
    // A build value beyond an int: the keys are hashed instead.
    build.add(new Object[] {1, INT_RANGE + 2});
    stream.add(new Object[] {1, INT_RANGE + 2});
    check(schema, build, stream, JoinHashTable.Layout.HASHED);
  }

  /** A key of {@code keys}, or now and then a key with one null column. */
  private static Object[] keyOrNull(List<Object[]> keys, Random rnd) {
    Object[] k = keys.get(rnd.nextInt(keys.size())).clone();
    if (rnd.nextInt(12) == 0) {
      k[rnd.nextInt(k.length)] = null;
    }
    return k;
  }

  /** At least {@code pairs} pairs of distinct (a, b, c) keys whose two keys have the same hash. */
  private List<Object[]> collidingPairs(List<AttributeReference> schema, int pairs) {
    Random rnd = new Random(60);
    List<Object[]> out = new ArrayList<>();
    int n = 1 << 18;
    while (out.size() < 2 * pairs) {
      List<Object[]> candidates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        candidates.add(new Object[] {rnd.nextInt(), rnd.nextInt(), rnd.nextInt(3)});
      }
      int[] hashes = hashes(schema, candidates);
      Map<Integer, Integer> seen = new HashMap<>();
      for (int i = 0; i < n && out.size() < 2 * pairs; i++) {
        Integer other = seen.putIfAbsent(hashes[i], i);
        if (other != null && !equalKeys(candidates.get(i), candidates.get(other))) {
          out.add(candidates.get(other));
          out.add(candidates.get(i));
        }
      }
    }
    int[] hashes = hashes(schema, out);
    for (int i = 0; i < out.size(); i += 2) {
      assertEquals(hashes[i], hashes[i + 1]);
    }
    return out;
  }

  private int[] hashes(List<AttributeReference> schema, List<Object[]> rows) {
    try (Batch b = batch(schema, rows)) {
      List<FieldVector> columns = new ArrayList<>();
      for (int c = 0; c < b.numColumns(); c++) {
        columns.add(b.column(c));
      }
      int[] out = new int[rows.size()];
      KeyHasher.hash(columns, rows.size(), out);
      return out;
    }
  }

  @Test
  void aTableWhoseDistinctKeysWereUnderestimatedGrowsWhileBuilt() {
    // Keys that all set the same bit of the build's distinct-count bitmap (the top bits of their Fibonacci
    // product are zero): the table starts sized for one key and must grow, more than once, to hold 300.
    long fibonacci = 0x9E3779B97F4A7C15L;
    for (long base : new long[] {0, 3 * INT_RANGE}) {
      List<Object> keys = new ArrayList<>();
      for (long v = base; keys.size() < 300; v++) {
        if ((v * fibonacci) >>> 54 == 0) {
          keys.add(v);
        }
      }
      Random rnd = new Random(8);
      List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
      Supplier<Object> key = () -> keys.get(rnd.nextInt(keys.size()));
      List<Object[]> build = rows(400, 20, rnd, key);
      try (Batch b = track(batch(schema, build))) {
        assertTrue(JoinHashTable.estimateDistinct(List.of(b.column(0)), JoinHashTable.Layout.NARROW, 400, null) < 4,
            "the keys must fool the estimate");
      }
      check(schema, build, rows(300, 20, rnd, key),
          base == 0 ? JoinHashTable.Layout.NARROW : JoinHashTable.Layout.WIDE);
    }
  }

  @Test
  void tablesStartedSmallGrowInEveryLayout() {
    // 16 slots for a few hundred distinct keys: the table doubles several times while built, each time moving
    // its keys to their homes in the bigger table (negative narrow keys, wide keys, packed pairs, hashes).
    startCapacity = 16;
    Random rnd = new Random(11);
    List<AttributeReference> one = List.of(attr("k", DataTypes.LongType));
    Supplier<Object> narrow = () -> (long) rnd.nextInt(600) - 300;
    check(one, rows(800, 20, rnd, narrow), rows(400, 20, rnd, narrow), JoinHashTable.Layout.NARROW);
    assertTrue(lastCapacity >= 512, "grew to " + lastCapacity);
    Supplier<Object> wide = () -> rnd.nextInt(600) * INT_RANGE - 7;
    check(one, rows(800, 20, rnd, wide), rows(400, 20, rnd, wide), JoinHashTable.Layout.WIDE);
    assertTrue(lastCapacity >= 512, "grew to " + lastCapacity);
    List<AttributeReference> two = List.of(attr("a", DataTypes.IntegerType), attr("b", DataTypes.IntegerType));
    List<Object[]> build = new ArrayList<>();
    List<Object[]> stream = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      build.add(new Object[] {rnd.nextInt(30) - 15, rnd.nextInt(20)});
      stream.add(new Object[] {rnd.nextInt(30) - 15, rnd.nextInt(20)});
    }
    check(two, build, stream, JoinHashTable.Layout.PAIR);
    assertTrue(lastCapacity >= 512, "grew to " + lastCapacity);
    List<AttributeReference> text = List.of(attr("k", DataTypes.StringType));
    Supplier<Object> strings = () -> "key " + rnd.nextInt(300);
    check(text, rows(800, 20, rnd, strings), rows(400, 20, rnd, strings), JoinHashTable.Layout.HASHED);
    assertTrue(lastCapacity >= 512, "grew to " + lastCapacity);
  }

  @Test
  void distinctKeysAreEstimatedWithinAFewPercent() {
    Random rnd = new Random(10);
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    int rows = 200_000;
    for (int distinct : new int[] {1, 10, 5_000, 100_000, rows}) {
      List<Object[]> data = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        // Every value once (in a shuffled order), then random repeats of them.
        long v = i < distinct ? i * 7_919L : rnd.nextInt(distinct) * 7_919L;
        data.add(new Object[] {v});
      }
      try (Batch b = batch(schema, data)) {
        long estimate = JoinHashTable.estimateDistinct(List.of(b.column(0)), JoinHashTable.Layout.NARROW, rows,
            null);
        assertTrue(Math.abs(estimate - distinct) <= distinct / 20 + 1, distinct + " distinct keys, estimated "
            + estimate);
      }
    }
  }

  @Test
  void keysOfOneShufflePartitionShareTheirHashesLowBits() {
    for (DataType type : List.of(DataTypes.LongType, DataTypes.StringType)) {
      List<AttributeReference> schema = List.of(attr("k", type));
      Random rnd = new Random(7);
      // The keys a task of a 16-way hash shuffle receives: all with hash 5 modulo 16.
      List<Object[]> partition = new ArrayList<>();
      for (int i = 0; partition.size() < 500; i++) {
        Object k = type.equals(DataTypes.LongType) ? (Object) (long) i : (Object) ("k" + i);
        Object[] key = {k};
        if ((hashes(schema, List.<Object[]>of(key))[0] & 15) == 5) {
          partition.add(key);
        }
      }
      List<Object[]> build = new ArrayList<>();
      List<Object[]> stream = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        build.add(partition.get(rnd.nextInt(partition.size())));
        stream.add(partition.get(rnd.nextInt(partition.size())));
      }
      check(schema, build, stream, type.equals(DataTypes.LongType) ? JoinHashTable.Layout.NARROW
          : JoinHashTable.Layout.HASHED);
    }
  }

  @Test
  void largeTablesWithDuplicateKeysAndMostlyMissingProbes() {
    for (long scale : new long[] {1, INT_RANGE * 3}) {
      Random rnd = new Random(8);
      List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
      // Even keys, some twice, over several build batches.
      List<Object[]> build = new ArrayList<>();
      for (int i = 0; i < 80_000; i++) {
        build.add(row(rnd.nextInt(20) == 0 ? null : 2L * (i % 70_000) * scale));
      }
      // Batches that mostly miss (odd keys, keys beyond the build's) alternate with batches that mostly match.
      List<Object[]> stream = new ArrayList<>();
      for (int i = 0; i < 6_000; i++) {
        boolean mostlyMiss = (i / 1000) % 2 == 0;
        long k = 2L * rnd.nextInt(75_000) + (mostlyMiss && rnd.nextInt(10) > 0 ? 1 : 0);
        stream.add(row(rnd.nextInt(20) == 0 ? null : k * scale));
      }
      Map<Object, List<Integer>> rowsOfKey = new HashMap<>();
      for (int j = 0; j < build.size(); j++) {
        if (build.get(j)[0] != null) {
          rowsOfKey.computeIfAbsent(build.get(j)[0], k -> new ArrayList<>()).add(j);
        }
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < stream.size(); i++) {
        for (int j : rowsOfKey.getOrDefault(stream.get(i)[0], List.of())) {
          expected.add(i / 1000 + "/" + i % 1000 + " -> " + j);
        }
      }
      assertTrue(expected.size() > 2000);
      assertEquals(expected, probe(schema, build, 4096, stream, 1000, false, 1000,
          scale == 1 ? JoinHashTable.Layout.NARROW : JoinHashTable.Layout.WIDE));
    }
  }

  @Test
  void aKeyWithManyRowsResumesMidChainAcrossChunks() {
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    List<Object[]> build = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      build.add(row(i % 5 == 0 ? 7L : (long) i));
    }
    List<Object[]> stream = List.of(row(7L), row(8L), row((Object) null), row(7L), row(9L));
    List<String> pairs = probe(schema, build, 30, stream, 50, false, 4, JoinHashTable.Layout.NARROW);
    assertEquals(nestedLoop(build, stream, 50, false), pairs);
    assertEquals(2 * 21 + 2, pairs.size());
    assertEquals("0/0 -> 0", pairs.get(0));
    assertEquals("0/0 -> 5", pairs.get(1));
  }

  @Test
  void emptyAndAllNullBuildSidesMatchNothing() {
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    List<Object[]> stream = List.of(row(1L), row((Object) null));
    assertEquals(List.of(), probe(schema, List.of(), 10, stream, 10, false, 4, JoinHashTable.Layout.NARROW));
    List<Object[]> nulls = List.of(row((Object) null), row((Object) null));
    assertEquals(List.of(), probe(schema, nulls, 10, stream, 10, false, 4, JoinHashTable.Layout.NARROW));
  }
}
