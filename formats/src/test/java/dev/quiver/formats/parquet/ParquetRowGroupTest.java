package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.BatchReader;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.formats.SourceFilter.Op;
import dev.quiver.sql.types.StructType;
import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files of several row groups: splits, and skipping row groups by statistics. */
class ParquetRowGroupTest extends ParquetTestSupport {
  static final StructType SCHEMA = StructType.fromDDL(
      "id INT, k BIGINT, name STRING, price DECIMAL(12,2), day DATE, ts TIMESTAMP, x DOUBLE, flag BOOLEAN, "
          + "maybe INT");
  static final int ROWS = 6000;

  String file;
  int groups;

  @BeforeEach
  void writeFile() {
    file = path("groups.parquet");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      // Sorted ids, so that each row group covers a narrow id range and filters can rule groups out.
      rows.add(new Object[] {i, (long) i * 10, String.format(java.util.Locale.ROOT, "n%05d", i),
          BigDecimal.valueOf(i, 2), 18000 + i / 100, 1_600_000_000_000_000L + i * 1_000_000L, i * 0.5, i % 2 == 0,
          i < 3000 ? null : i});
    }
    write(file, SCHEMA, rows, FormatOptions.of(Map.of("parquet.block.size", "16384", "parquet.page.size", "4096")));
    groups = ParquetRoundTripTest.footer(file).getBlocks().size();
    assertTrue(groups >= 4, "expected several row groups, got " + groups);
  }

  @Test
  void splitsReadEveryRowOnce() {
    long len = new File(file).length();
    for (int parts : new int[] {1, 2, 3, 7, 50}) {
      Set<Integer> seen = new HashSet<>();
      int total = 0;
      int groupsRead = 0;
      long step = (len + parts - 1) / parts;
      for (long start = 0; start < len; start += step) {
        FileSplit split = new FileSplit(file, start, Math.min(step, len - start), len);
        try (BatchReader r = format.open(split, SCHEMA, StructType.fromDDL("id INT"), List.of(), FormatOptions.empty(),
            allocator, 700)) {
          VectorSchemaRoot b;
          while ((b = r.next()) != null) {
            try (VectorSchemaRoot batch = b) {
              for (List<Object> row : rows(batch)) {
                assertTrue(seen.add((Integer) row.get(0)), "row read twice: " + row);
                total++;
              }
            }
          }
          groupsRead += ((ParquetBatchReader) r).rowGroupsRead();
        }
      }
      assertEquals(ROWS, total, parts + " splits");
      assertEquals(groups, groupsRead, parts + " splits");
    }
  }

  @Test
  void wholeFileValuesSurviveManyGroupsAndPages() {
    List<List<Object>> back = read(whole(file), SCHEMA, SCHEMA, List.of(), FormatOptions.empty(), 1024);
    assertEquals(ROWS, back.size());
    for (int i = 0; i < ROWS; i += 997) {
      assertEquals(row(i, (long) i * 10, String.format(java.util.Locale.ROOT, "n%05d", i), BigDecimal.valueOf(i, 2),
          18000 + i / 100, 1_600_000_000_000_000L + i * 1_000_000L, i * 0.5, i % 2 == 0, i < 3000 ? null : i),
          back.get(i));
    }
  }

  /** Rows and row groups read under a filter; the rows returned are a superset of the matches. */
  private int[] scan(SourceFilter... filters) {
    int rows = 0;
    try (BatchReader r = format.open(whole(file), SCHEMA, StructType.fromDDL("id INT"), List.of(filters),
        FormatOptions.empty(), allocator, 4096)) {
      VectorSchemaRoot b;
      while ((b = r.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          rows += batch.getRowCount();
        }
      }
      ParquetBatchReader pr = (ParquetBatchReader) r;
      assertEquals(groups, pr.rowGroupsRead() + pr.rowGroupsSkipped());
      return new int[] {pr.rowGroupsRead(), rows};
    }
  }

  private int groupsRead(SourceFilter... filters) {
    return scan(filters)[0];
  }

  @Test
  void skipsRowGroupsByStatistics() {
    assertEquals(groups, groupsRead());
    assertEquals(1, groupsRead(new SourceFilter.Compare("id", Op.EQ, 10)));
    assertEquals(1, groupsRead(new SourceFilter.Compare("ID", Op.EQ, 10L)), "names match case-insensitively");
    assertEquals(0, groupsRead(new SourceFilter.Compare("id", Op.GT, ROWS)));
    assertEquals(0, groupsRead(new SourceFilter.Compare("id", Op.LT, 0)));
    assertEquals(1, groupsRead(new SourceFilter.Compare("id", Op.LTE, 0)));
    assertEquals(1, groupsRead(new SourceFilter.Compare("id", Op.GTE, ROWS - 1)));
    assertEquals(groups, groupsRead(new SourceFilter.Compare("id", Op.GTE, 0)));
    int[] eq = scan(new SourceFilter.Compare("k", Op.EQ, 12340L));
    assertEquals(1, eq[0]);
    assertTrue(eq[1] < ROWS);
    assertEquals(1, groupsRead(new SourceFilter.Compare("name", Op.EQ, "n00010")));
    assertEquals(0, groupsRead(new SourceFilter.Compare("name", Op.GT, "z")));
    assertEquals(1, groupsRead(new SourceFilter.StringStartsWith("name", "n0000")));
    assertEquals(0, groupsRead(new SourceFilter.StringStartsWith("name", "m")));
    assertEquals(0, groupsRead(new SourceFilter.StringStartsWith("name", "o")));
    assertEquals(1, groupsRead(new SourceFilter.Compare("price", Op.EQ, new BigDecimal("0.10"))));
    assertEquals(0, groupsRead(new SourceFilter.Compare("price", Op.GT, new BigDecimal("1000"))));
    assertEquals(1, groupsRead(new SourceFilter.Compare("day", Op.LT, 18001)));
    assertEquals(1, groupsRead(new SourceFilter.Compare("ts", Op.LTE, 1_600_000_000_000_000L)));
    assertEquals(1, groupsRead(new SourceFilter.Compare("x", Op.LT, 1.0)));
    // Floating maxima may omit NaN, which sorts above everything: upper bounds never skip.
    assertEquals(groups, groupsRead(new SourceFilter.Compare("x", Op.GT, 1e9)));
    assertEquals(2, groupsRead(new SourceFilter.In("id", List.of(5, ROWS - 5, -3))));
    assertEquals(0, groupsRead(new SourceFilter.In("id", List.of(-1, ROWS))));
    assertEquals(2, groupsRead(new SourceFilter.Or(new SourceFilter.Compare("id", Op.EQ, 1),
        new SourceFilter.Compare("id", Op.EQ, ROWS - 1))));
    assertEquals(0, groupsRead(new SourceFilter.And(new SourceFilter.Compare("id", Op.EQ, 1),
        new SourceFilter.Compare("id", Op.EQ, ROWS - 1))));
    assertEquals(1, groupsRead(new SourceFilter.Not(new SourceFilter.Compare("id", Op.GTE, 1))));
    assertEquals(groups, groupsRead(new SourceFilter.Not(new SourceFilter.Compare("id", Op.EQ, 1))));
    assertEquals(1, groupsRead(new SourceFilter.Compare("id", Op.LT, 1), new SourceFilter.IsNotNull("id")));
    // Null counts: the first half of the rows has maybe = null.
    int half = groupsRead(new SourceFilter.IsNotNull("maybe"));
    assertTrue(half < groups && half > 0, "IsNotNull read " + half + " of " + groups);
    assertEquals(0, groupsRead(new SourceFilter.IsNull("id")));
    assertTrue(groupsRead(new SourceFilter.IsNull("maybe")) < groups);
    assertEquals(half, groupsRead(new SourceFilter.Compare("maybe", Op.GT, 0)));
    assertEquals(groups - half + (groupsWithBoth()), groupsRead(new SourceFilter.Not(new SourceFilter.IsNotNull("maybe"))));
    // Unknown columns, odd values and unsupported shapes never skip.
    assertEquals(groups, groupsRead(new SourceFilter.Compare("nope", Op.EQ, 1)));
    assertEquals(groups, groupsRead(new SourceFilter.Compare("id", Op.EQ, "text")));
    assertEquals(groups, groupsRead(new SourceFilter.Not(new SourceFilter.StringStartsWith("name", "n"))));
    assertEquals(1, groupsRead(new SourceFilter.Compare("flag", Op.EQ, true), new SourceFilter.Compare("id", Op.LT, 2)));
  }

  /** Row groups holding both null and non-null values of {@code maybe}. */
  private int groupsWithBoth() {
    int n = 0;
    for (BlockMetaData b : ParquetRoundTripTest.footer(file).getBlocks()) {
      long nulls = b.getColumns().get(8).getStatistics().getNumNulls();
      if (nulls > 0 && nulls < b.getRowCount()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void statisticsOfWidenedColumnsAreNotComparedInTheWrongUnits() {
    // day is a DATE in the file; read as timestamp_ntz, filter values are microseconds, not days.
    StructType data = StructType.fromDDL("id INT, day TIMESTAMP_NTZ");
    long micros = 18_030L * 86_400_000_000L;
    try (BatchReader r = format.open(whole(file), data, data,
        List.of(new SourceFilter.Compare("day", Op.GTE, micros)), FormatOptions.empty(), allocator, 100_000)) {
      int rows = 0;
      VectorSchemaRoot b;
      while ((b = r.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          rows += batch.getRowCount();
        }
      }
      assertEquals(ROWS, rows, "no row group may be skipped");
    }
    // Widening between numbers keeps statistics usable: id read as BIGINT still skips.
    try (BatchReader r = format.open(whole(file), StructType.fromDDL("id BIGINT"), StructType.fromDDL("id BIGINT"),
        List.of(new SourceFilter.Compare("id", Op.EQ, 3L)), FormatOptions.empty(), allocator, 100_000)) {
      assertEquals(groups - 1, ((ParquetBatchReader) r).rowGroupsSkipped());
    }
  }

  @Test
  void columnMissingFromTheFileIsAllNullForFilters() {
    StructType data = SCHEMA.add("later", "INT");
    try (BatchReader r = format.open(whole(file), data, StructType.fromDDL("id INT, later INT"),
        List.of(new SourceFilter.Compare("later", Op.EQ, 1)), FormatOptions.empty(), allocator, 4096)) {
      assertEquals(null, r.next());
      assertEquals(groups, ((ParquetBatchReader) r).rowGroupsSkipped());
    }
    try (BatchReader r = format.open(whole(file), data, StructType.fromDDL("later INT"),
        List.of(new SourceFilter.IsNull("later")), FormatOptions.empty(), allocator, 100_000)) {
      int rows = 0;
      VectorSchemaRoot b;
      while ((b = r.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          rows += batch.getRowCount();
          assertEquals(batch.getRowCount(), batch.getVector(0).getNullCount());
        }
      }
      assertEquals(ROWS, rows);
    }
  }
}
