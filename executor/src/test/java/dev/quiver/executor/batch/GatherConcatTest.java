package dev.quiver.executor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gather.concat copies whole buffers per batch: values, nulls and string offsets must line up across batches. */
class GatherConcatTest extends OperatorTestBase {
  private final List<AttributeReference> schema = List.of(attr("id", DataTypes.LongType),
      attr("name", DataTypes.StringType), attr("x", DataTypes.DoubleType), attr("flag", DataTypes.BooleanType),
      attr("day", DataTypes.DateType));

  private static List<List<Object>> values(Batch b) {
    List<List<Object>> out = new ArrayList<>();
    for (int r = 0; r < b.rowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < b.numColumns(); c++) {
        row.add(b.column(c).getObject(r) == null ? null : b.column(c).getObject(r).toString());
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void concatenatesValuesNullsAndStringsAcrossBatchesOfOddSizes() {
    List<Batch> parts = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    int id = 0;
    for (int size : new int[] {3, 0, 13, 1, 70, 8}) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < size; i++, id++) {
        rows.add(row(id % 5 == 2 ? null : (long) id, id % 7 == 3 ? null : "s" + "x".repeat(id % 9) + id,
            id % 4 == 1 ? null : id * 0.25, id % 6 == 0 ? null : id % 2 == 0, id % 8 == 5 ? null : 19000 + id));
      }
      Batch part = batch(schema, rows);
      parts.add(part);
      expected.addAll(values(part));
    }
    try (Batch all = Gather.concat(parts, allocator)) {
      assertEquals(95, all.rowCount());
      assertEquals(expected, values(all));
      // Spot checks that do not rely on the copies above: a null string, then a string after it.
      assertEquals(Arrays.asList("3", null, "0.75", "false", "19003"), values(all).get(3));
      assertEquals(Arrays.asList("4", "sxxxx4", "1.0", "true", "19004"), values(all).get(4));
    } finally {
      parts.forEach(Batch::close);
    }
  }

  /** The rows {@code indices} pick, read value by value from the source (index -1: a row of nulls). */
  private static List<List<Object>> picked(Batch src, int[] indices) {
    List<List<Object>> all = values(src);
    List<List<Object>> out = new ArrayList<>();
    for (int i : indices) {
      out.add(i < 0 ? Arrays.asList(new Object[src.numColumns()]) : all.get(i));
    }
    return out;
  }

  private Batch source(int size, boolean withNulls) {
    List<Object[]> rows = new ArrayList<>();
    for (int id = 0; id < size; id++) {
      boolean n = withNulls && id % 11 == 4;
      rows.add(row(n ? null : (long) id, n ? null : "v" + "y".repeat(id % 13) + id, n ? null : id * 0.5,
          n ? null : id % 3 == 0, n ? null : 18000 + id));
    }
    return batch(schema, rows);
  }

  @Test
  void gathersLongRunsWithAndWithoutNulls() {
    // A filter keeping most rows: runs of consecutive rows with a few gaps, one row picked twice at a run's end.
    int[] indices = java.util.stream.IntStream.range(0, 500).filter(i -> i % 37 != 5 && i % 101 != 9).toArray();
    indices[indices.length - 1] = indices[indices.length - 2];
    for (boolean withNulls : new boolean[] {false, true}) {
      try (Batch src = source(500, withNulls); Batch out = Gather.gather(src, indices, indices.length, allocator)) {
        assertEquals(picked(src, indices), values(out), "with nulls: " + withNulls);
        long nulls = java.util.Arrays.stream(indices).filter(i -> withNulls && i % 11 == 4).count();
        assertEquals(nulls, out.column(1).getNullCount());
        assertEquals(withNulls, nulls > 0);
      }
    }
  }

  @Test
  void gathersScatteredRowsAndMissingRowsAsNulls() {
    int[] indices = {7, -1, 3, 3, 199, -1, 0, 150, 151, 152, 11};
    for (boolean withNulls : new boolean[] {false, true}) {
      try (Batch src = source(200, withNulls); Batch out = Gather.gather(src, indices, indices.length, allocator)) {
        assertEquals(picked(src, indices), values(out), "with nulls: " + withNulls);
        assertEquals(Arrays.asList(null, null, null, null, null), values(out).get(1));
        assertEquals(Arrays.asList("3", "vyyy3", "1.5", "true", "18003"), values(out).get(2));
      }
    }
  }
}
