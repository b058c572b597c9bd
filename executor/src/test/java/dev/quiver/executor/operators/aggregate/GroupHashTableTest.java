package dev.quiver.executor.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quiver.executor.batch.Batch;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Group ids must follow key equality exactly, whichever table a tuple lands in: short tuples packed into one
 * long, and tuples with long strings compared column by column. Checked against a Java map of the same tuples.
 */
class GroupHashTableTest extends OperatorTestBase {

  /** Feeds the rows in batches and checks every row's group id against the first id its tuple was given. */
  private void checkGrouping(List<AttributeReference> schema, List<Object[]> rows, int batchSize) {
    checkGrouping(schema, rows, batchSize, null);
  }

  /** As above; {@code direct}, when given, is whether the table must end up finding groups directly. */
  private void checkGrouping(List<AttributeReference> schema, List<Object[]> rows, int batchSize, Boolean direct) {
    List<DataType> types = schema.stream().map(AttributeReference::dataType).toList();
    Map<List<Object>, Integer> expected = new HashMap<>();
    try (GroupHashTable table = new GroupHashTable(types, allocator)) {
      for (int from = 0; from < rows.size(); from += batchSize) {
        List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + batchSize));
        try (Batch b = batch(schema, part)) {
          int[] ids = new int[part.size()];
          table.findOrInsert(b.columns(), part.size(), ids, null);
          for (int i = 0; i < part.size(); i++) {
            List<Object> key = Arrays.asList(part.get(i));
            Integer known = expected.putIfAbsent(key, ids[i]);
            assertEquals(known == null ? ids[i] : known, ids[i], "group of " + key);
          }
        }
      }
      assertEquals(expected.size(), table.size());
      if (direct != null) {
        assertEquals(direct, table.isDirect(), "direct array");
      }
      // The stored keys of each group are the tuple that created it.
      for (Map.Entry<List<Object>, Integer> e : expected.entrySet()) {
        List<Object> stored = new ArrayList<>();
        for (FieldVector k : table.keyVectors()) {
          Object o = k.getObject(e.getValue());
          stored.add(o == null ? null : o.toString());
        }
        List<Object> key = e.getKey().stream().map(o -> o == null ? null : (Object) o.toString()).toList();
        assertEquals(key, stored);
      }
    }
  }

  private static String randomString(Random r, int maxLength) {
    if (r.nextInt(10) == 0) {
      return null;
    }
    char[] c = new char[r.nextInt(maxLength + 1)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + r.nextInt(3));
    }
    return new String(c);
  }

  /**
   * Dense integral keys are found in an array over their range, which grows as the range creeps up or down a
   * batch at a time; nulls form one group; each key keeps its first group whatever batch it comes back in.
   */
  @Test
  void denseIntegralKeysUseADirectArrayThatGrowsBothWays() {
    for (DataType type : List.of(DataTypes.LongType, DataTypes.IntegerType)) {
      List<AttributeReference> schema = List.of(attr("k", type));
      Random r = new Random(3);
      List<Object[]> up = new ArrayList<>();
      List<Object[]> down = new ArrayList<>();
      for (int i = 0; i < 60_000; i++) {
        long v = i / 3 + r.nextInt(50) - 100_000;
        up.add(row(r.nextInt(50) == 0 ? null : key(type, v)));
        down.add(row(r.nextInt(50) == 0 ? null : key(type, -v)));
      }
      checkGrouping(schema, up, 1000, true);
      checkGrouping(schema, down, 1000, true);
    }
  }

  /**
   * A batch whose keys would spread the direct array too thin moves every group to the hash slots: keys seen
   * before keep their groups, and so do the null group and the keys after.
   */
  @Test
  void keysThatTurnSparseMoveTheGroupsToTheHashTable() {
    List<AttributeReference> schema = List.of(attr("k", DataTypes.LongType));
    Random r = new Random(4);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(row(r.nextInt(40) == 0 ? null : (long) r.nextInt(3000)));
    }
    for (int i = 0; i < 5000; i++) {
      long v = r.nextBoolean() ? r.nextInt(3000) : 1_000_000_000L * r.nextInt(1000);
      rows.add(row(r.nextInt(40) == 0 ? null : v));
    }
    checkGrouping(schema, rows, 700, false);
    // Keys at both ends of the long range never make a direct array.
    checkGrouping(schema, List.of(row(Long.MIN_VALUE), row(Long.MAX_VALUE), row(Long.MIN_VALUE), row(0L)), 4,
        false);
  }

  private static Object key(DataType type, long v) {
    return type.equals(DataTypes.LongType) ? (Object) v : (Object) (int) v;
  }

  @Test
  void shortStringPairsAndLongOnesInTheSameBatches() {
    List<AttributeReference> schema = List.of(attr("a", DataTypes.StringType), attr("b", DataTypes.StringType));
    Random r = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      // Mostly strings of up to 3 bytes (they pack), sometimes longer (they do not).
      rows.add(row(randomString(r, i % 17 == 0 ? 6 : 3), randomString(r, 3)));
    }
    rows.add(row("", null));
    rows.add(row(null, ""));
    rows.add(row("", ""));
    rows.add(row(null, null));
    rows.add(row("a\u0000", "a"));
    rows.add(row("a", "\u0000a"));
    checkGrouping(schema, rows, 333);
  }

  @Test
  void oneStringUpToSevenBytesAndMultiByteCharacters() {
    List<AttributeReference> schema = List.of(attr("mode", DataTypes.StringType));
    List<Object[]> rows = new ArrayList<>();
    for (String s : new String[] {"MAIL", "REG AIR", "AIR", "TRUCKS!!", "", "é", "éé", "ééé", "éééé", "AIR", "REG AIR",
        "TRUCKS!!", "éééé", null, "", null}) {
      rows.add(row(s));
    }
    checkGrouping(schema, rows, 5);
  }

  @Test
  void fixedWidthColumnsWithNegativesNullsAndAString() {
    List<AttributeReference> schema = List.of(attr("i", DataTypes.IntegerType), attr("flag", DataTypes.BooleanType),
        attr("s", DataTypes.ShortType), attr("name", DataTypes.StringType));
    Random r = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      Integer x = r.nextInt(20) == 0 ? null : r.nextInt(4000) - 2000;
      Boolean f = r.nextInt(20) == 0 ? null : r.nextBoolean();
      Short s = r.nextInt(20) == 0 ? null : (short) (r.nextInt(7) - 3);
      rows.add(row(x, f, s, randomString(r, 3)));
    }
    checkGrouping(schema, rows, 1024);
  }

  @Test
  void manyLongStringKeysGrowTheStoredKeys() {
    List<AttributeReference> schema = List.of(attr("comment", DataTypes.StringType), attr("n", DataTypes.LongType));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      int k = (i * 7919) % 4000;
      rows.add(row(k % 97 == 0 ? null : "customer comment number " + k + " ".repeat(k % 50), (long) (k % 3)));
    }
    checkGrouping(schema, rows, 1000);
  }

  @Test
  void bigintPairsPackBelowTwoToTheThirtyAndOthersDoNot() {
    List<AttributeReference> schema = List.of(attr("part", DataTypes.LongType), attr("supp", DataTypes.LongType));
    Random r = new Random(13);
    long[] odd = {-1L, 1L << 30, (1L << 30) - 1, Long.MIN_VALUE, Long.MAX_VALUE, 0L};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      Long part = r.nextInt(40) == 0 ? null : r.nextInt(30) == 0 ? odd[r.nextInt(odd.length)] : (long) r.nextInt(3000);
      Long supp = r.nextInt(40) == 0 ? null : r.nextInt(30) == 0 ? odd[r.nextInt(odd.length)] : (long) r.nextInt(10);
      rows.add(row(part, supp));
    }
    checkGrouping(schema, rows, 4096);
  }

  @Test
  void aTableWhoseFirstBatchPacksNothingStopsPackingAndStaysExact() {
    List<AttributeReference> schema = List.of(attr("a", DataTypes.StringType), attr("b", DataTypes.StringType));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(row("long value " + (i % 7), "x"));
    }
    Random r = new Random(17);
    for (int i = 0; i < 3000; i++) {
      rows.add(row(randomString(r, 2), r.nextBoolean() ? "x" : "long value " + (i % 5)));
    }
    checkGrouping(schema, rows, 100);
  }

  @Test
  void keysTooWideToPackUseTheGenericTable() {
    assertNull(ShortKeyPacking.forTypes(List.of(DataTypes.IntegerType, DataTypes.IntegerType)));
    assertNull(ShortKeyPacking.forTypes(List.of(DataTypes.LongType, DataTypes.LongType, DataTypes.IntegerType)));
    assertNull(ShortKeyPacking.forTypes(List.of(DataTypes.LongType, DataTypes.DoubleType)));
    assertNotNull(ShortKeyPacking.forTypes(List.of(DataTypes.StringType, DataTypes.StringType, DataTypes.StringType)));
    List<AttributeReference> schema = List.of(attr("i", DataTypes.IntegerType), attr("j", DataTypes.IntegerType));
    Random r = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(row(r.nextInt(50) == 0 ? null : r.nextInt(100), r.nextInt(100)));
    }
    checkGrouping(schema, rows, 700);
  }
}
