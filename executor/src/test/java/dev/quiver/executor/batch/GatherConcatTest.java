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
}
