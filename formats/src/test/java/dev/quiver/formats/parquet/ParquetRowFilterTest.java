package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.formats.SourceFilter.Op;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushed filters the reader evaluates itself, decoding the other columns only for the rows that pass: the
 * rows returned for a selective filter are exactly the matching ones, with every column's value intact across
 * pages, dictionary and plain encodings and nulls, under Spark's comparison semantics.
 */
class ParquetRowFilterTest extends ParquetTestSupport {
  static final StructType SCHEMA = StructType.fromDDL("id INT, k BIGINT, name STRING, x DOUBLE, maybe INT, "
      + "note STRING, day DATE");
  static final int ROWS = 6000;

  String file;
  List<Object[]> data;

  @BeforeEach
  void writeFile() {
    file = path("filtered.parquet");
    data = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Double x = i % 50 == 9 ? null : Double.valueOf(i % 50 == 7 ? Double.NaN : i % 50 == 8 ? -0.0 : i % 50 == 10 ? 0.0 : i * 0.5);
      // name repeats (dictionary-encoded); note is unique per row (plain-encoded once the dictionary is full).
      data.add(new Object[] {i, (long) i * 10, "n" + (i % 300), x, i % 3 == 0 ? null : i,
          i % 11 == 0 ? null : "note-" + i + "-" + "z".repeat(i % 13), 18000 + i % 400});
    }
    write(file, SCHEMA, data, FormatOptions.of(Map.of("parquet.block.size", "65536", "parquet.page.size", "2048")));
  }

  private List<List<Object>> scan(SourceFilter... filters) {
    return read(whole(file), SCHEMA, SCHEMA, List.of(filters), FormatOptions.empty(), 700);
  }

  private List<List<Object>> expected(Predicate<Object[]> p) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : data) {
      if (p.test(r)) {
        out.add(row(r));
      }
    }
    return out;
  }

  /**
   * Scans with the filters and checks the answer against {@code p}: every matching row comes back intact and
   * in order, and a batch where at most half the rows match returns only those (a batch where more match may
   * be returned whole: the plan filters again). Returns the rows read.
   */
  private List<List<Object>> check(Predicate<Object[]> p, SourceFilter... filters) {
    List<List<Object>> got = scan(filters);
    List<List<Object>> want = expected(p);
    List<List<Object>> gotMatching = new ArrayList<>();
    for (List<Object> r : got) {
      if (p.test(r.toArray())) {
        gotMatching.add(r);
      }
    }
    assertEquals(want.size(), gotMatching.size(), "matching rows returned");
    assertEquals(want, gotMatching);
    return got;
  }

  @Test
  void selectiveFiltersReturnExactlyTheMatchingRows() {
    assertEquals(100, check(r -> (Integer) r[0] < 100, new SourceFilter.Compare("id", Op.LT, 100)).size());
    assertEquals(19, check(r -> (Integer) r[0] < 10 || (Integer) r[0] > 5990,
        new SourceFilter.Or(new SourceFilter.Compare("id", Op.LT, 10),
            new SourceFilter.Compare("id", Op.GT, 5990))).size());
    assertEquals(40, check(r -> r[2].equals("n17") || r[2].equals("n250"),
        new SourceFilter.In("name", List.of("n17", "n250"))).size());
    assertEquals(220, check(r -> ((String) r[2]).startsWith("n29"),
        new SourceFilter.StringStartsWith("name", "n29")).size());
    check(r -> (Long) r[1] >= 59000L, new SourceFilter.Compare("k", Op.GTE, 59000L));
    assertEquals(15, check(r -> (Integer) r[6] == 18123, new SourceFilter.Compare("day", Op.EQ, 18123)).size());
    check(r -> r[5] != null && ((String) r[5]).compareTo("note-5") > 0 && ((String) r[5]).compareTo("note-6") < 0,
        new SourceFilter.Compare("note", Op.GT, "note-5"), new SourceFilter.Compare("note", Op.LT, "note-6"));
  }

  @Test
  void nullsNeverPassAComparisonAndAreFoundByIsNull() {
    check(r -> r[4] == null && (Integer) r[0] >= 2990 && (Integer) r[0] < 3100, new SourceFilter.IsNull("maybe"),
        new SourceFilter.Compare("id", Op.GTE, 2990), new SourceFilter.Compare("id", Op.LT, 3100));
    check(r -> r[4] != null && (Integer) r[4] < 40, new SourceFilter.Compare("maybe", Op.LT, 40));
    check(r -> r[5] != null && (Integer) r[0] < 300, new SourceFilter.IsNotNull("note"),
        new SourceFilter.Compare("id", Op.LT, 300));
  }

  @Test
  void doublesCompareAsSparkDoes() {
    // NaN equals NaN and sorts above every number; -0.0 equals 0.0.
    assertEquals(120, check(r -> r[3] != null && ((Double) r[3]).isNaN(),
        new SourceFilter.Compare("x", Op.EQ, Double.NaN)).size());
    assertEquals(241, check(r -> r[3] != null && (Double) r[3] == 0.0,
        new SourceFilter.Compare("x", Op.EQ, 0.0)).size(), "0.0 and -0.0 (and the row 0)");
    check(r -> r[3] != null && (((Double) r[3]).isNaN() || (Double) r[3] > 2990.0),
        new SourceFilter.Compare("x", Op.GT, 2990.0));
  }

  @Test
  void aFilterNoRowPassesReturnsNoRowsAndAWeakOneReturnsThemAll() {
    assertEquals(List.of(), scan(new SourceFilter.Compare("name", Op.EQ, "absent")));
    assertEquals(ROWS, scan(new SourceFilter.Compare("id", Op.GTE, 0)).size());
    // A literal of another type than the column's is left to the plan's filter: every row comes back.
    List<List<Object>> mismatched = scan(new SourceFilter.Compare("id", Op.EQ, 10L));
    assertTrue(mismatched.size() >= 1 && mismatched.contains(row(data.get(10))));
    // Nested columns cannot skip rows: the filter is then left to the plan (all rows, values intact).
    String nested = path("nested.parquet");
    StructType withList = StructType.fromDDL("id INT, tags ARRAY<STRING>");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(new Object[] {i, List.of("t" + i)});
    }
    write(nested, withList, rows);
    assertEquals(50, read(whole(nested), withList, withList, List.of(new SourceFilter.Compare("id", Op.LT, 3)),
        FormatOptions.empty(), 16).size());
  }
}
