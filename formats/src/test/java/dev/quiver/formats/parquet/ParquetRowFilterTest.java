package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.formats.SourceFilter.Op;
import dev.quiver.sql.types.StructType;
import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushed filters the reader evaluates itself, judging dictionary-encoded pages by their ids and converting the
 * columns only for the rows that pass: the rows returned for a selective filter are exactly the matching ones,
 * with every column's value intact across pages, row groups, dictionary and plain encodings (the small
 * dictionary page size makes most columns overflow their dictionary part-way through a chunk) and nulls,
 * under Spark's comparison semantics.
 */
class ParquetRowFilterTest extends ParquetTestSupport {
  static final StructType SCHEMA = StructType.fromDDL("id INT, k BIGINT, name STRING, x DOUBLE, maybe INT, "
      + "note STRING, day DATE, tag STRING, y DOUBLE");
  static final int ROWS = 6000;

  String file;
  List<Object[]> data;

  @BeforeEach
  void writeFile() {
    file = path("filtered.parquet");
    data = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Double x = i % 50 == 9 ? null : Double.valueOf(i % 50 == 7 ? Double.NaN : i % 50 == 8 ? -0.0 : i % 50 == 10 ? 0.0 : i * 0.5);
      // name and day repeat (dictionary-encoded); note is unique per row (plain-encoded: a dictionary would not
      // be smaller). tag and y repeat each value three times: dictionary-encoded until the dictionary is full,
      // then plain.
      data.add(new Object[] {i, (long) i * 10, "n" + i / 20, x, i % 3 == 0 ? null : i,
          i % 11 == 0 ? null : "note-" + i + "-" + "z".repeat(i % 13), 18000 + i / 15,
          i % 17 == 5 ? null : "tag-" + i / 3 + "-" + "q".repeat(i / 3 % 5),
          i % 83 == 5 ? null : i % 97 == 3 ? Double.NaN : i % 89 == 4 ? -0.0 : i / 3 * 0.25});
    }
    write(file, SCHEMA, data, FormatOptions.of(Map.of("parquet.block.size", "65536", "parquet.page.size", "2048",
        "parquet.dictionary.page.size", "4096")));
  }

  /** The encodings of the file's first row group, by column: whether it has dictionary and plain data pages. */
  private Map<String, List<Boolean>> encodings() throws Exception {
    Map<String, List<Boolean>> out = new java.util.HashMap<>();
    try (ParquetFileReader reader = ParquetFiles.open(file, new java.io.File(file).length())) {
      for (ColumnChunkMetaData c : reader.getFooter().getBlocks().get(0).getColumns()) {
        EncodingStats stats = c.getEncodingStats();
        out.put(c.getPath().toDotString(),
            List.of(stats.hasDictionaryEncodedPages(), stats.hasNonDictionaryEncodedPages()));
      }
    }
    return out;
  }

  @Test
  void theFileMixesDictionaryAndPlainPagesInOneChunk() throws Exception {
    Map<String, List<Boolean>> e = encodings();
    assertEquals(List.of(true, true), e.get("tag"), "tag's dictionary overflows part-way");
    assertEquals(List.of(true, true), e.get("y"));
    assertEquals(List.of(false, true), e.get("note"));
    assertEquals(List.of(true, false), e.get("name"), "name stays dictionary-encoded");
    assertEquals(List.of(true, false), e.get("day"));
  }

  @Test
  void mixedPagesAreJudgedByIdOrByValueAndReturnExactlyTheMatchingRows() {
    // tag: rows of dictionary pages judged per entry, later rows on their plain values.
    Predicate<Object[]> prefix = r -> r[7] != null && ((String) r[7]).startsWith("tag-17");
    check(prefix, new SourceFilter.StringStartsWith("tag", "tag-17"));
    List<Object> picked = List.of(data.get(12)[7], data.get(4001)[7], "tag-1", data.get(5999)[7], "tag-1667-qq");
    Predicate<Object[]> some = r -> r[7] != null && picked.contains(r[7]);
    assertEquals(10, check(some, new SourceFilter.In("tag", picked)).size(), "rows 4000 and 5003 are null");
    Predicate<Object[]> range = r -> r[7] != null && ((String) r[7]).compareTo("tag-1990") >= 0
        && ((String) r[7]).compareTo("tag-1999") < 0;
    assertEquals(expected(range).size(), check(range, new SourceFilter.Compare("tag", Op.GTE, "tag-1990"),
        new SourceFilter.Compare("tag", Op.LT, "tag-1999")).size(), "27 rows among 5970-5996");
    // y: doubles, dictionary then plain; NaN, -0.0 and null rows throughout.
    Predicate<Object[]> band = r -> r[8] != null && ((Double) r[8] >= 10.0 && (Double) r[8] < 12.0
        || (Double) r[8] > 490.0 && (Double) r[8] < 495.0 || (Double) r[8] == 0.0);
    assertEquals(expected(band).size(), check(band, new SourceFilter.Or(new SourceFilter.Or(
        new SourceFilter.And(new SourceFilter.Compare("y", Op.GTE, 10.0), new SourceFilter.Compare("y", Op.LT, 12.0)),
        new SourceFilter.And(new SourceFilter.Compare("y", Op.GT, 490.0), new SourceFilter.Compare("y", Op.LT, 495.0))),
        new SourceFilter.Compare("y", Op.EQ, 0.0))).size());
    Predicate<Object[]> nan = r -> r[8] != null && ((Double) r[8]).isNaN();
    assertEquals(61, check(nan, new SourceFilter.In("y", List.of(Double.NaN, -1.0))).size(),
        "rows 3 + 97k, but for one null (5 + 83k)");
    // Two columns, both dictionary-only: the verdicts of each chunk's own dictionary.
    Predicate<Object[]> both = r -> List.of("n5", "n150", "n160").contains(r[2]) && (Integer) r[6] >= 18200;
    assertEquals(40, check(both, new SourceFilter.In("name", List.of("n5", "n150", "n160")),
        new SourceFilter.Compare("day", Op.GTE, 18200)).size(), "rows 3000-3019 and 3200-3219");
  }

  @Test
  void nullsOfDictionaryAndPlainPagesAreFoundByIsNullAndFailEveryComparison() {
    Predicate<Object[]> nullTag = r -> r[7] == null;
    assertEquals(ROWS / 17 + 1, check(nullTag, new SourceFilter.IsNull("tag")).size());
    Predicate<Object[]> nullY = r -> r[8] == null;
    assertEquals(ROWS / 83 + 1, check(nullY, new SourceFilter.IsNull("y")).size());
    Predicate<Object[]> nullNote = r -> r[5] == null && (Integer) r[0] < 2000;
    assertEquals(2000 / 11 + 1, check(nullNote, new SourceFilter.IsNull("note"),
        new SourceFilter.Compare("id", Op.LT, 2000)).size());
    Predicate<Object[]> notLow = r -> r[4] != null && (Integer) r[4] >= 5900;
    assertEquals(expected(notLow).size(), check(notLow, new SourceFilter.Compare("maybe", Op.GTE, 5900),
        new SourceFilter.IsNotNull("maybe")).size());
  }

  @Test
  void dictionaryVerdictsFollowSparkComparisons() {
    List<Field> fields = ArrowTypes.toArrowSchema(StructType.fromDDL("mode STRING, q DOUBLE")).getFields();
    boolean[] flat = {true, true};
    RowFilter filter = RowFilter.of(List.of(new SourceFilter.In("mode", List.of("AIR", "AIR REG")),
        new SourceFilter.Or(new SourceFilter.Compare("q", Op.LTE, 0.0), new SourceFilter.Compare("q", Op.GTE,
            Double.NaN))), fields, flat).orElseThrow();
    try (VarCharVector modes = new VarCharVector("mode", allocator);
        Float8Vector qs = new Float8Vector("q", allocator)) {
      String[] m = {"AIR", "AIR REG", "AIRX", "", "MAIL", "air"};
      modes.allocateNew();
      for (int i = 0; i < m.length; i++) {
        modes.setSafe(i, m[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      modes.setValueCount(m.length);
      double[] q = {Double.NaN, -0.0, 0.0, 1.5, Double.NEGATIVE_INFINITY, 70.0};
      qs.allocateNew(q.length);
      for (int i = 0; i < q.length; i++) {
        qs.set(i, q[i]);
      }
      qs.setValueCount(q.length);
      long[][] byMode = filter.dictionaryVerdicts(0, modes);
      long[][] byQ = filter.dictionaryVerdicts(1, qs);
      // Leaf 0 is the IN on mode; leaves 1 and 2 the comparisons on q.
      assertEquals(0b000011L, byMode[0][0]);
      assertEquals(null, byMode[1]);
      assertEquals(null, byQ[0]);
      assertEquals(0b010110L, byQ[1][0], "-0.0 and 0.0 are <= 0.0, and so is -infinity; NaN is not");
      assertEquals(0b000001L, byQ[2][0], "only NaN is >= NaN");
    }
  }

  private List<List<Object>> scan(SourceFilter... filters) {
    return read(whole(file), SCHEMA, SCHEMA, List.of(filters), FormatOptions.empty(), 700);
  }

  /** The batches of a scan, each as its rows. */
  private List<List<List<Object>>> scanBatches(int batchSize, SourceFilter... filters) {
    List<List<List<Object>>> out = new ArrayList<>();
    try (BatchReader r = format.open(whole(file), SCHEMA, SCHEMA, List.of(filters), FormatOptions.empty(),
        allocator, batchSize)) {
      VectorSchemaRoot b;
      while ((b = r.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          out.add(rows(batch));
        }
      }
    }
    return out;
  }

  private List<List<Object>> expected(Predicate<Object[]> p) {
    return matching(data, p);
  }

  /**
   * Scans with the filters and checks the answer against {@code p}: every matching row comes back intact and
   * in order, and each batch is either only matching rows, or one where at least half the rows match, or one
   * of the 15 after a batch where all matched (returned whole: the plan filters again). Returns the rows read.
   */
  private List<List<Object>> check(Predicate<Object[]> p, SourceFilter... filters) {
    return check(700, p, filters);
  }

  private List<List<Object>> check(int batchSize, Predicate<Object[]> p, SourceFilter... filters) {
    List<List<Object>> got = new ArrayList<>();
    List<List<Object>> gotMatching = new ArrayList<>();
    int sinceAllPassed = Integer.MAX_VALUE;
    for (List<List<Object>> batch : scanBatches(batchSize, filters)) {
      int matching = 0;
      for (List<Object> r : batch) {
        if (p.test(r.toArray())) {
          gotMatching.add(r);
          matching++;
        }
      }
      sinceAllPassed = sinceAllPassed == Integer.MAX_VALUE ? sinceAllPassed : sinceAllPassed + 1;
      // (A batch where nine in ten or more match is returned whole only when the reader does not judge all of
      // the filters, as IS NOT NULL: aFilterNearlyEveryRowPassesReturnsOnlyThePassingRows covers the others.)
      assertTrue(matching == batch.size() || 2 * matching >= batch.size() || sinceAllPassed <= 15,
          "a batch of " + batch.size() + " rows with " + matching + " matching is neither filtered nor whole");
      if (matching == batch.size()) {
        sinceAllPassed = 0;
      }
      got.addAll(batch);
    }
    List<List<Object>> want = expected(p);
    assertEquals(want.size(), gotMatching.size(), "matching rows returned");
    assertEquals(want, gotMatching);
    return got;
  }

  @Test
  void aFilterMostRowsPassIsNotJudgedForTheNextBatchesButThenAgain() {
    // Ids below 2000 all pass, then none until 5500: the batches right after the switch come back whole (the
    // reader stopped judging after a batch where all passed), later ones filtered again.
    Predicate<Object[]> p = r -> (Integer) r[0] < 2000 || (Integer) r[0] >= 5500;
    List<List<Object>> got = check(50, p, new SourceFilter.Or(new SourceFilter.Compare("id", Op.LT, 2000),
        new SourceFilter.Compare("id", Op.GTE, 5500)));
    long unmatched = got.stream().filter(r -> !p.test(r.toArray())).count();
    assertTrue(unmatched > 0 && unmatched < 1000, "rows returned for the plan to filter: " + unmatched);
  }

  @Test
  void aFilterNearlyEveryRowPassesReturnsOnlyThePassingRows() {
    // x is null on one row in 50 and tag on one in 17, scattered, and a null fails every comparison: the
    // batches come back without those rows (skipping them is cheaper than the plan filter's copy of the rest),
    // not whole. tag is read through dictionary and plain pages.
    Predicate<Object[]> xAboveMinusOne = r -> r[3] != null;
    List<List<Object>> got = check(xAboveMinusOne, new SourceFilter.Compare("x", Op.GT, -1.0));
    assertEquals(ROWS - ROWS / 50, got.size(), "only the rows where x is not null");
    Predicate<Object[]> tagAfterTag = r -> r[7] != null;
    got = check(tagAfterTag, new SourceFilter.Compare("tag", Op.GTE, "tag-"));
    assertEquals(expected(tagAfterTag).size(), got.size(), "only the rows where tag is not null");
    assertTrue(got.size() > ROWS * 9 / 10, "nine in ten or more rows pass: " + got.size());
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
  void boundsOnOneDictionaryColumnAreJudgedTogether() {
    // Two bounds on day (dictionary-encoded) become one verdict per entry; with a third leaf on another column.
    check(r -> (Integer) r[6] >= 18100 && (Integer) r[6] < 18200,
        new SourceFilter.Compare("day", Op.GTE, 18100), new SourceFilter.Compare("day", Op.LT, 18200));
    check(r -> (Integer) r[6] >= 18100 && (Integer) r[6] < 18200 && (r[2].equals("n80") || r[2].equals("n81")),
        new SourceFilter.And(new SourceFilter.Compare("day", Op.GTE, 18100),
            new SourceFilter.In("name", List.of("n80", "n81", "n99"))),
        new SourceFilter.Compare("day", Op.LT, 18200), new SourceFilter.Compare("name", Op.LTE, "n81"));
    // IS NULL and a comparison on the same column never both hold.
    assertEquals(List.of(), scan(new SourceFilter.IsNull("name"), new SourceFilter.Compare("name", Op.EQ, "n3")));
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
  void scatteredPassingRowsKeepEveryColumnsValuesAndNulls() {
    // maybe is null on every third row: each page's kept rows are runs of one, so the fixed-width columns are
    // decoded whole and the kept values picked out (ids, longs, doubles with nulls of their own, dates; both
    // dictionary and plain pages).
    assertEquals(ROWS / 3, check(r -> r[4] == null, new SourceFilter.IsNull("maybe")).size());
    // The filter reads tag too: its kept ids are gathered, or taken run by run where a kept row is null.
    check(r -> r[4] == null && (r[7] == null || !((String) r[7]).startsWith("tag-1")),
        new SourceFilter.IsNull("maybe"), new SourceFilter.Or(new SourceFilter.IsNull("tag"),
            new SourceFilter.Not(new SourceFilter.StringStartsWith("tag", "tag-1"))));
  }

  @Test
  void aSmallFilteredFileNeedsNoScratchRoomForAWholeBatch() {
    // Every third row passes, so the fixed-width columns are decoded whole into scratch vectors and the kept
    // values picked out; with a batch size of a million rows, scratch room for a whole batch peaked at 40 MB.
    String small = path("small.parquet");
    List<Object[]> rows = data.subList(0, 30);
    write(small, SCHEMA, rows);
    StructType required = StructType.fromDDL("id INT, k BIGINT, x DOUBLE, maybe INT");
    List<List<Object>> out = read(whole(small), SCHEMA, required, List.of(new SourceFilter.IsNull("maybe")),
        FormatOptions.empty(), 1 << 20);
    assertEquals(10, out.size());
    assertTrue(allocator.getPeakMemoryAllocation() < 1 << 20, "peak " + allocator.getPeakMemoryAllocation());
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
