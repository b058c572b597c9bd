package dev.quiver.executor.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** KeyHasher, RowComparator and KeyEquality over vectors built from Java values. */
class KeysTest extends OperatorTestBase {

  /** One column of {@code type} holding {@code values}; closed after the test. */
  private FieldVector column(DataType type, Object... values) {
    List<Object[]> rows = new ArrayList<>();
    for (Object v : values) {
      rows.add(new Object[] {v});
    }
    Batch b = track(batch(List.of(attr("k", type)), rows));
    return b.column(0);
  }

  private static int[] hashes(List<FieldVector> keys) {
    int n = keys.get(0).getValueCount();
    int[] out = new int[n];
    KeyHasher.hash(keys, n, out);
    return out;
  }

  private static int[] hashes(FieldVector v) {
    return hashes(List.of(v));
  }

  @Test
  void equalValuesHashAlikeAcrossSeparatelyBuiltVectors() {
    Object[][] cases = {
        {DataTypes.IntegerType, 7, -1, Integer.MIN_VALUE},
        {DataTypes.LongType, 7L, -1L, Long.MAX_VALUE},
        {DataTypes.ShortType, (short) 3, (short) -3, Short.MIN_VALUE},
        {DataTypes.ByteType, (byte) 3, (byte) -3, Byte.MAX_VALUE},
        {DataTypes.StringType, "", "abc", "a somewhat longer string than eight bytes \u00e9\u00e8"},
        {DataTypes.BinaryType, new byte[0], new byte[] {1, 2}, new byte[] {-1, 0, 1, 2, 3, 4, 5, 6, 7}},
        {DataTypes.BooleanType, true, false, true},
        {DataTypes.DateType, 0, 19000, -5},
        {DataTypes.TimestampType, 0L, 1_700_000_000_000_000L, -1L},
        {DataTypes.createDecimalType(10, 2), new BigDecimal("1.50"), new BigDecimal("-3.25"), new BigDecimal("0.00")},
        {DataTypes.DoubleType, 1.5, -2.0, Double.MAX_VALUE},
        {DataTypes.FloatType, 1.5f, -2.0f, Float.MIN_VALUE},
    };
    for (Object[] c : cases) {
      DataType t = (DataType) c[0];
      // The same values in a different order, with a null in front.
      FieldVector a = column(t, c[1], c[2], c[3], null);
      FieldVector b = column(t, null, c[3], c[1], c[2]);
      int[] ha = hashes(a);
      int[] hb = hashes(b);
      assertEquals(ha[0], hb[2], t + " " + c[1]);
      assertEquals(ha[1], hb[3], t + " " + c[2]);
      assertEquals(ha[2], hb[1], t + " " + c[3]);
      assertEquals(ha[3], hb[0], t + " null");
    }
  }

  @Test
  void nestedKeysWithBinaryFieldsHashByTheirBytes() {
    DataType type = new dev.quiver.sql.types.ArrayType(DataTypes.BinaryType, true);
    FieldVector a = column(type, List.of(new byte[] {1, 2}, new byte[] {3}), null);
    FieldVector b = column(type, List.of(new byte[] {1, 2}, new byte[] {3}), null);
    assertEquals(hashes(a)[0], hashes(b)[0]);
    assertEquals(hashes(a)[1], hashes(b)[1]);
  }

  @Test
  void negativeZeroAndEveryNaNHashAlike() {
    double otherNaN = Double.longBitsToDouble(0x7ff8000000000123L);
    assertTrue(Double.isNaN(otherNaN));
    FieldVector d = column(DataTypes.DoubleType, 0.0, -0.0, Double.NaN, otherNaN, -Double.NaN, 0.0 / 0.0);
    int[] h = hashes(d);
    assertEquals(h[0], h[1], "-0.0 and 0.0");
    assertEquals(h[2], h[3], "NaN payloads");
    assertEquals(h[2], h[4]);
    assertEquals(h[2], h[5]);
    assertNotEquals(h[0], h[2]);

    float otherFloatNaN = Float.intBitsToFloat(0x7fc00123);
    FieldVector f = column(DataTypes.FloatType, 0.0f, -0.0f, Float.NaN, otherFloatNaN);
    int[] hf = hashes(f);
    assertEquals(hf[0], hf[1]);
    assertEquals(hf[2], hf[3]);
  }

  @Test
  void multipleKeysCombinePerRow() {
    FieldVector a1 = column(DataTypes.LongType, 1L, 1L, 2L, null);
    FieldVector b1 = column(DataTypes.StringType, "x", "y", "x", null);
    FieldVector a2 = column(DataTypes.LongType, 2L, null, 1L, 1L);
    FieldVector b2 = column(DataTypes.StringType, "x", null, "y", "x");
    int[] h1 = hashes(List.of(a1, b1));
    int[] h2 = hashes(List.of(a2, b2));
    assertEquals(h1[0], h2[3]); // (1, x)
    assertEquals(h1[1], h2[2]); // (1, y)
    assertEquals(h1[2], h2[0]); // (2, x)
    assertEquals(h1[3], h2[1]); // (null, null)
    // The order of key columns matters: (x, 1) is not (1, x) in general, and (1, y) differs from (1, x).
    assertNotEquals(h1[0], h1[1]);
  }

  @Test
  void hashesSpreadOverPartitions() {
    int n = 10_000;
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      values[i] = (long) i;
    }
    int[] h = hashes(column(DataTypes.LongType, values));
    int[] counts = new int[8];
    Set<Integer> distinct = new HashSet<>();
    for (int x : h) {
      int p = KeyHasher.partition(x, 8);
      assertTrue(p >= 0 && p < 8);
      counts[p]++;
      distinct.add(x);
    }
    assertTrue(distinct.size() > n * 0.99, "few collisions for sequential longs");
    for (int c : counts) {
      assertTrue(c > n / 8 * 0.8 && c < n / 8 * 1.2, "balanced partitions: " + java.util.Arrays.toString(counts));
    }
  }

  @Test
  void partitionIsANonNegativeModulo() {
    assertEquals(0, KeyHasher.partition(0, 5));
    assertEquals(3, KeyHasher.partition(-2, 5));
    assertEquals(1, KeyHasher.partition(Integer.MIN_VALUE, 3)); // MIN_VALUE % 3 == -2
    assertEquals(0, KeyHasher.partition(Integer.MAX_VALUE, 1));
    Random r = new Random(1);
    for (int i = 0; i < 1000; i++) {
      int h = r.nextInt();
      int p = KeyHasher.partition(h, 7);
      assertEquals(Math.floorMod(h, 7), p);
    }
  }

  // ---------------------------------------------------------------- RowComparator

  private static RowComparator comparator(List<FieldVector> keys, boolean[] desc, boolean[] nullsFirst) {
    return new RowComparator(keys, keys, desc, nullsFirst);
  }

  @Test
  void nullPlacementIsAbsoluteInBothDirections() {
    FieldVector v = column(DataTypes.IntegerType, 1, null, 2);
    // ascending, nulls first
    RowComparator c = comparator(List.of(v), new boolean[] {false}, new boolean[] {true});
    assertTrue(c.compare(1, 0) < 0);
    assertTrue(c.compare(0, 1) > 0);
    assertTrue(c.compare(0, 2) < 0);
    assertEquals(0, c.compare(1, 1));
    // ascending, nulls last
    c = comparator(List.of(v), new boolean[] {false}, new boolean[] {false});
    assertTrue(c.compare(1, 0) > 0);
    assertTrue(c.compare(0, 2) < 0);
    // descending, nulls last: values flip, nulls stay last
    c = comparator(List.of(v), new boolean[] {true}, new boolean[] {false});
    assertTrue(c.compare(0, 2) > 0);
    assertTrue(c.compare(1, 0) > 0);
    assertTrue(c.compare(1, 2) > 0);
    // descending, nulls first
    c = comparator(List.of(v), new boolean[] {true}, new boolean[] {true});
    assertTrue(c.compare(1, 0) < 0);
    assertTrue(c.compare(2, 0) < 0);
  }

  @Test
  void laterKeysBreakTies() {
    FieldVector a = column(DataTypes.StringType, "b", "a", "b", null, null);
    FieldVector b = column(DataTypes.DoubleType, 1.0, 9.0, 2.0, 5.0, null);
    RowComparator c = comparator(List.of(a, b), new boolean[] {false, true}, new boolean[] {true, false});
    assertTrue(c.compare(1, 0) < 0, "a before b");
    assertTrue(c.compare(2, 0) < 0, "equal first key: 2.0 before 1.0 descending");
    assertTrue(c.compare(3, 1) < 0, "null first key first");
    assertTrue(c.compare(3, 4) < 0, "both null first keys: 5.0 before null (nulls last)");
    assertEquals(0, c.compare(4, 4));
  }

  @Test
  void twoBatchesCompareAcrossVectors() {
    FieldVector left = column(DataTypes.LongType, 5L, null);
    FieldVector right = column(DataTypes.LongType, 3L, 5L, null);
    RowComparator c = new RowComparator(List.of(left), List.of(right), new boolean[] {false},
        new boolean[] {false});
    assertTrue(c.compare(0, 0) > 0);
    assertEquals(0, c.compare(0, 1));
    assertTrue(c.compare(0, 2) < 0);
    assertEquals(0, c.compare(1, 2));
  }

  @Test
  void sqlOrderOfValues() {
    FieldVector d = column(DataTypes.DoubleType, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0,
        Double.NEGATIVE_INFINITY);
    RowComparator c = comparator(List.of(d), new boolean[] {false}, new boolean[] {true});
    assertTrue(c.compare(0, 1) > 0, "NaN above infinity");
    assertEquals(0, c.compare(2, 3), "-0.0 equals 0.0");
    assertTrue(c.compare(4, 2) < 0);
    FieldVector s = column(DataTypes.StringType, "z", "\u00e9", "\uFFFD", "\uD83D\uDE00", "Z", "");
    RowComparator cs = comparator(List.of(s), new boolean[] {false}, new boolean[] {true});
    assertTrue(cs.compare(0, 1) < 0, "z (7a) before \u00e9 (c3 a9): unsigned UTF-8 bytes");
    assertTrue(cs.compare(2, 3) < 0, "U+FFFD (ef bf bd) before U+1F600 (f0 9f 98 80), unlike UTF-16 order");
    assertTrue(cs.compare(4, 0) < 0);
    assertTrue(cs.compare(5, 4) < 0, "the empty string first");
    FieldVector b = column(DataTypes.BooleanType, true, false);
    assertTrue(comparator(List.of(b), new boolean[] {false}, new boolean[] {true}).compare(1, 0) < 0);
    FieldVector dec = column(DataTypes.createDecimalType(10, 2), new BigDecimal("-1.00"), new BigDecimal("0.50"));
    assertTrue(comparator(List.of(dec), new boolean[] {false}, new boolean[] {true}).compare(0, 1) < 0);
  }

  // ---------------------------------------------------------------- KeyEquality

  @Test
  void nullsEqualForGroupingButNotForJoins() {
    FieldVector a = column(DataTypes.LongType, 1L, null, 2L);
    FieldVector b = column(DataTypes.LongType, null, 1L, 3L);
    KeyEquality grouping = new KeyEquality(List.of(a), List.of(b), true);
    KeyEquality join = new KeyEquality(List.of(a), List.of(b), false);
    assertTrue(grouping.equal(0, 1));
    assertTrue(join.equal(0, 1));
    assertTrue(grouping.equal(1, 0), "null = null groups together");
    assertFalse(join.equal(1, 0), "null matches nothing in a join");
    assertFalse(grouping.equal(0, 0));
    assertFalse(grouping.equal(2, 2));
  }

  @Test
  void everyKeyMustBeEqual() {
    FieldVector a1 = column(DataTypes.StringType, "x", "x", null);
    FieldVector a2 = column(DataTypes.DoubleType, 0.0, Double.NaN, 1.0);
    FieldVector b1 = column(DataTypes.StringType, "x", "x", null);
    FieldVector b2 = column(DataTypes.DoubleType, -0.0, Double.longBitsToDouble(0x7ff8000000000001L), 2.0);
    KeyEquality eq = new KeyEquality(List.of(a1, a2), List.of(b1, b2), true);
    assertTrue(eq.equal(0, 0), "0.0 equals -0.0");
    assertTrue(eq.equal(1, 1), "NaN equals NaN");
    assertFalse(eq.equal(0, 1));
    assertFalse(eq.equal(2, 2), "second key differs");
    assertTrue(KeyEquality.anyNull(List.of(a1, a2), 2));
    assertFalse(KeyEquality.anyNull(List.of(a1, a2), 0));
  }

  @Test
  void equalKeysHaveEqualHashes() {
    // The contract hash tables rely on, on random data with many duplicates, nulls and signed zeros.
    Random r = new Random(42);
    int n = 500;
    Object[] longs = new Object[n];
    Object[] doubles = new Object[n];
    for (int i = 0; i < n; i++) {
      longs[i] = r.nextInt(10) == 0 ? null : (long) r.nextInt(5);
      int d = r.nextInt(6);
      doubles[i] = d == 0 ? null : d == 1 ? -0.0 : d == 2 ? 0.0 : d == 3 ? Double.NaN : (double) d;
    }
    FieldVector l = column(DataTypes.LongType, longs);
    FieldVector d = column(DataTypes.DoubleType, doubles);
    int[] h = hashes(List.of(l, d));
    KeyEquality eq = new KeyEquality(List.of(l, d), List.of(l, d), true);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (eq.equal(i, j)) {
          assertEquals(h[i], h[j], "rows " + i + " and " + j);
        }
      }
    }
  }
}
