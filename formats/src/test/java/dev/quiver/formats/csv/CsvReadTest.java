package dev.quiver.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.BatchReader;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Reading whole files: values, nulls, options, malformed records, column pruning, batches, errors. */
class CsvReadTest extends CsvTestSupport {
  static final StructType PEOPLE = new StructType()
      .add("name", DataTypes.StringType)
      .add("age", DataTypes.IntegerType)
      .add("salary", DataTypes.DoubleType)
      .add("hired", DataTypes.DateType)
      .add("active", DataTypes.BooleanType)
      .add("dept", DataTypes.StringType);

  static final StructType MALFORMED = new StructType()
      .add("id", DataTypes.IntegerType)
      .add("name", DataTypes.StringType)
      .add("score", DataTypes.IntegerType);

  @Test
  void peopleWithExplicitSchema() {
    List<List<Object>> rows = read(resource("people.csv"), PEOPLE, opts("header", "true"));
    assertEquals(15, rows.size());
    assertEquals(row("Alice", 34, 85000.5, LocalDate.of(2019, 3, 15), true, "Engineering"), rows.get(0));
    assertEquals(row("Doe, Jane", 41, 91000.25, LocalDate.of(2012, 11, 30), true, "Marketing"), rows.get(3));
    assertEquals(row("Tom \"TJ\" Jones", 38, 66000.0, LocalDate.of(2018, 5, 20), false, "Sales"), rows.get(4));
    assertEquals(row("Eve", null, 58000.0, LocalDate.of(2020, 2, 29), true, null), rows.get(5));
    assertEquals(row("Frank", 52, 120000.0, null, false, "Engineering"), rows.get(6));
    assertEquals(row("Grace", 23, 45000.75, LocalDate.of(2023, 9, 1), null, "Marketing"), rows.get(7));
    assertEquals(row(null, 60, 99000.0, LocalDate.of(2010, 1, 1), true, "Sales"), rows.get(11));
  }

  @Test
  void withoutHeaderTheHeaderIsData() {
    List<List<Object>> rows = read(resource("people.csv"), infer(opts(), resource("people.csv")), opts());
    assertEquals(16, rows.size());
    assertEquals(row("name", "age", "salary", "hired", "active", "dept"), rows.get(0));
  }

  @Test
  void emptyFileAndHeaderOnlyFileHaveNoRows() throws IOException {
    String empty = file("empty.csv", "");
    assertEquals(List.of(), read(empty, MALFORMED, opts("header", "true")));
    assertEquals(new StructType(), infer(opts("header", "true", "inferSchema", "true"), empty));
    String headerOnly = file("header.csv", "id,name,score\n");
    assertEquals(List.of(), read(headerOnly, MALFORMED, opts("header", "true")));
    assertEquals(new StructType().add("id", DataTypes.StringType).add("name", DataTypes.StringType)
        .add("score", DataTypes.StringType), infer(opts("header", "true", "inferSchema", "true"), headerOnly));
    // A reader of an empty split returns null at once and holds no buffers.
    try (BatchReader r = format.open(FileSplit.whole(empty, 0), MALFORMED, MALFORMED, List.of(), opts(), allocator,
        10)) {
      assertNull(r.next());
      assertNull(r.next());
    }
  }

  @Test
  void nullsInEveryType() throws IOException {
    StructType schema = new StructType()
        .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("d", DataTypes.DoubleType)
        .add("m", new DecimalType(10, 2)).add("b", DataTypes.BooleanType).add("dt", DataTypes.DateType)
        .add("ts", DataTypes.TimestampType).add("s", DataTypes.StringType).add("f", DataTypes.FloatType)
        .add("sh", DataTypes.ShortType).add("by", DataTypes.ByteType).add("bin", DataTypes.BinaryType)
        .add("ntz", DataTypes.TimestampNTZType);
    String path = file("nulls.csv",
        "1,2,3.5,4.25,true,2024-01-02,2024-01-02 03:04:05,s,1.5,7,8,ab,2024-01-02T03:04:05\n"
            + ",,,,,,,,,,,,\n"
            + "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n");
    List<List<Object>> rows = read(path, schema, opts());
    assertEquals(3, rows.size());
    assertEquals(row(1, 2L, 3.5, new BigDecimal("4.25"), true, LocalDate.of(2024, 1, 2), 1704164645000000L, "s",
        1.5f, (short) 7, (byte) 8, "[97, 98]", LocalDateTime.of(2024, 1, 2, 3, 4, 5)), rows.get(0));
    List<Object> allNull = java.util.Collections.nCopies(13, null);
    assertEquals(allNull, rows.get(1));
    // With the default nullValue "" a quoted empty field is null too.
    assertEquals(allNull, rows.get(2));
  }

  @Test
  void nullValueNaVersusEmptyVersusQuotedEmpty() {
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("sensor", DataTypes.StringType)
        .add("reading", DataTypes.DoubleType).add("taken", DataTypes.DateType);
    FormatOptions o = opts("header", "true", "nullValue", "NA");
    List<List<Object>> rows = read(resource("readings_na.csv"), schema, o);
    assertEquals(List.of(
        row(1, "alpha", 1.5, LocalDate.of(2024, 1, 1)),
        row(2, null, 2.5, LocalDate.of(2024, 1, 2)),
        row(3, "gamma", null, null),
        row(4, null, 4.0, LocalDate.of(2024, 1, 4)),
        row(5, "", 5.0, LocalDate.of(2024, 1, 5)),
        row(6, null, null, LocalDate.of(2024, 1, 6))), rows);
    // Inference with nullValue=NA gives Spark's types (NA does not vote).
    assertEquals(schema, infer(opts("header", "true", "inferSchema", "true", "nullValue", "NA"),
        resource("readings_na.csv")));
  }

  @Test
  void modesOnMalformedRecords() {
    String path = resource("malformed.csv");
    List<List<Object>> permissive = read(path, MALFORMED, opts("header", "true", "mode", "PERMISSIVE"));
    assertEquals(List.of(row(1, "alpha", 10), row(2, "beta", null), row(3, "gamma", 30), row(4, "delta", null),
        row(5, "epsilon", 50)), permissive);

    List<List<Object>> dropped = read(path, MALFORMED, opts("header", "true", "mode", "dropmalformed"));
    assertEquals(List.of(row(1, "alpha", 10), row(5, "epsilon", 50)), dropped);

    QuiverException e = assertThrows(QuiverException.class,
        () -> read(path, MALFORMED, opts("header", "true", "mode", "FAILFAST")));
    String m = e.getMessage();
    assertEquals("MALFORMED_RECORD_IN_PARSING", e.getErrorClass());
    assertTrue(m.contains(path), m);
    assertTrue(m.contains("line 3"), m);
    assertTrue(m.contains("2,beta,not_a_number"), m);
    assertTrue(m.contains("'mode' as 'PERMISSIVE'"), m);
  }

  @Test
  void failFastOnFieldCount() throws IOException {
    String path = file("count.csv", "1,a,2\n3,b\n");
    QuiverException e = assertThrows(QuiverException.class, () -> read(path, MALFORMED, opts("mode", "FAILFAST")));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("has 2 fields"), e.getMessage());
  }

  @Test
  void corruptRecordColumn() {
    StructType schema = MALFORMED.add("_corrupt_record", DataTypes.StringType);
    List<List<Object>> rows = read(resource("malformed.csv"), schema, opts("header", "true"));
    assertEquals(List.of(
        row(1, "alpha", 10, null),
        row(2, "beta", null, "2,beta,not_a_number"),
        row(3, "gamma", 30, "3,gamma,30,extra"),
        row(4, "delta", null, "4,delta"),
        row(5, "epsilon", 50, null)), rows);

    // Another name, and only some columns required: the record text is still complete.
    StructType data = MALFORMED.add("bad", DataTypes.StringType);
    StructType required = new StructType().add("bad", DataTypes.StringType).add("id", DataTypes.IntegerType);
    List<List<Object>> pruned = read(resource("malformed.csv"), data, required,
        opts("header", "true", "columnNameOfCorruptRecord", "bad"), 100);
    assertEquals(row("3,gamma,30,extra", 3), pruned.get(2));
    assertEquals(row(null, 1), pruned.get(0));
  }

  @Test
  void wrongFieldCountAndBadValueTogetherGiveAllNulls() throws IOException {
    String path = file("both.csv", "x,a,1,extra\n");
    StructType schema = MALFORMED.add("_corrupt_record", DataTypes.StringType);
    assertEquals(List.of(row(null, null, null, "x,a,1,extra")), read(path, schema, opts()));
  }

  @Test
  void corruptRecordColumnMustBeString() {
    StructType schema = MALFORMED.add("_corrupt_record", DataTypes.IntegerType);
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> read(resource("malformed.csv"), schema, opts("header", "true")));
    assertTrue(e.getMessage().contains("STRING"), e.getMessage());
  }

  @Test
  void columnPruningAndReordering() {
    StructType required = new StructType().add("dept", DataTypes.StringType).add("age", DataTypes.IntegerType);
    List<List<Object>> rows = read(resource("people.csv"), PEOPLE, required, opts("header", "true"), 4);
    assertEquals(15, rows.size());
    assertEquals(row("Engineering", 34), rows.get(0));
    assertEquals(row(null, null), rows.get(5));
    // No columns at all still counts the records.
    assertEquals(15, read(resource("people.csv"), PEOPLE, new StructType(), opts("header", "true"), 4).size());
  }

  @Test
  void unconvertedColumnsCannotMakeARecordMalformed() {
    StructType required = new StructType().add("name", DataTypes.StringType);
    List<List<Object>> rows = read(resource("malformed.csv"), MALFORMED, required,
        opts("header", "true", "mode", "DROPMALFORMED"), 10);
    // beta's bad score is not read; gamma and delta have the wrong number of fields.
    assertEquals(List.of(row("alpha"), row("beta"), row("epsilon")), rows);
  }

  @Test
  void batchesAreAtMostBatchSize() throws IOException {
    StringBuilder sb = new StringBuilder("n\n");
    for (int i = 0; i < 1000; i++) {
      sb.append(i).append('\n');
    }
    String path = file("many.csv", sb.toString());
    StructType schema = new StructType().add("n", DataTypes.IntegerType);
    int batches = 0;
    int total = 0;
    try (BatchReader r = format.open(FileSplit.whole(path, info(path).length()), schema, schema, List.of(),
        opts("header", "true"), allocator, 64)) {
      VectorSchemaRoot root;
      while ((root = r.next()) != null) {
        try (VectorSchemaRoot batch = root) {
          assertTrue(batch.getRowCount() <= 64);
          for (int i = 0; i < batch.getRowCount(); i++) {
            assertEquals(total + i, value(batch.getVector(0), i));
          }
          total += batch.getRowCount();
          batches++;
        }
      }
    }
    assertEquals(1000, total);
    assertEquals(16, batches);
  }

  @Test
  void aSmallFileGetsVectorsSizedToItsBytesNotToAWholeBatch() throws IOException {
    // 40 columns, 3 rows in 390 bytes, batches of 16384: room for a whole batch in every column takes 7.8 MB.
    StructType schema = new StructType();
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < 40; c++) {
      schema = schema.add("c" + c, c % 2 == 0 ? DataTypes.IntegerType : DataTypes.StringType);
      line.append(c == 0 ? "" : ",").append(c % 2 == 0 ? Integer.toString(c) : "s" + c);
    }
    String path = file("wide.csv", line + "\n" + line + "\n" + line + "\n");
    List<List<Object>> rows = read(path, schema, schema, opts(), 16_384);
    assertEquals(3, rows.size());
    assertEquals(38, rows.get(2).get(38));
    assertEquals("s39", rows.get(2).get(39));
    assertTrue(allocator.getPeakMemoryAllocation() < 256 * 1024,
        "peak allocation " + allocator.getPeakMemoryAllocation() + " bytes for 3 rows");
  }

  @Test
  void aCompressedFileWithMoreRowsThanBytesFillsWholeBatches() throws IOException {
    // 20000 rows gzip to far fewer bytes than rows: the vectors start small and grow to the batch size.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 20_000; i++) {
        gz.write(((i % 10) + ",x" + (i % 3) + "," + (i % 7 == 0 ? "" : Integer.toString(i % 5)) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    String path = file("many.csv.gz", bytes.toByteArray());
    assertTrue(info(path).length() < 16_384, "compressed to " + info(path).length() + " bytes");
    List<List<Object>> rows = read(path, MALFORMED, MALFORMED, opts(), 16_384);
    assertEquals(20_000, rows.size());
    for (int i : new int[] {0, 1, 16_383, 16_384, 16_385, 19_998, 19_999}) {
      assertEquals(row(i % 10, "x" + (i % 3), i % 7 == 0 ? null : i % 5), rows.get(i), "row " + i);
    }
    for (int i = 0; i < 20_000; i += 997) {
      assertEquals(row(i % 10, "x" + (i % 3), i % 7 == 0 ? null : i % 5), rows.get(i), "row " + i);
    }
    List<Integer> batches = new java.util.ArrayList<>();
    try (BatchReader r = format.open(FileSplit.whole(path, info(path).length()), MALFORMED, MALFORMED, List.of(),
        opts(), allocator, 16_384)) {
      VectorSchemaRoot root;
      while ((root = r.next()) != null) {
        try (VectorSchemaRoot batch = root) {
          batches.add(batch.getRowCount());
        }
      }
    }
    assertEquals(List.of(16_384, 20_000 - 16_384), batches);
  }

  @Test
  void closingBeforeTheEndReleasesEverything() throws IOException {
    String path = file("many.csv", "a\nb\nc\nd\n");
    StructType schema = new StructType().add("s", DataTypes.StringType);
    try (BatchReader r = format.open(FileSplit.whole(path, info(path).length()), schema, schema, List.of(), opts(),
        allocator, 2)) {
      r.next().close();
    }
  }

  @Test
  void unicodeAndByteOrderMark() {
    String path = resource("unicode_bom.csv");
    StructType schema = infer(opts("header", "true"), path);
    assertEquals(List.of("city", "name", "note"), List.of(schema.fieldNames()));
    List<List<Object>> rows = read(path, schema, opts("header", "true"));
    assertEquals(List.of(row("Zürich", "Jürg", "café ☕"), row("東京", "太郎", "改行\nあり"),
        row("Київ", "Олена", "😀 emoji")), rows);
  }

  @Test
  void otherCharsets() throws IOException {
    String latin1 = file("latin1.csv", "name,city\nJürg,Zürich\n".getBytes(StandardCharsets.ISO_8859_1));
    StructType schema = new StructType().add("name", DataTypes.StringType).add("city", DataTypes.StringType);
    assertEquals(List.of(row("Jürg", "Zürich")), read(latin1, schema, opts("header", "true", "encoding",
        "ISO-8859-1")));
    String utf16 = file("utf16.csv", "name,city\r\nJürg,\"Zü\nrich\"\r\n".getBytes(StandardCharsets.UTF_16));
    assertEquals(List.of(row("Jürg", "Zü\nrich")), read(utf16, schema, opts("header", "true", "charset",
        "UTF-16")));
    assertTrue(!format.isSplittable(info(utf16), opts("charset", "UTF-16")));
  }

  @Test
  void undecodableBytesNameTheFile() throws IOException {
    String path = file("bad.csv", "name\n".getBytes(StandardCharsets.UTF_8));
    String bad = file("bad2.csv", new byte[] {'a', '\n', 'b', (byte) 0xC3, (byte) 0x28, '\n'});
    StructType schema = new StructType().add("s", DataTypes.StringType);
    assertEquals(1, read(path, schema, opts()).size());
    QuiverException e = assertThrows(QuiverException.class, () -> read(bad, schema, opts()));
    assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("encoding"), e.getMessage());
  }

  @Test
  void missingFileNamesThePath() {
    String path = tmp.resolve("nope.csv").toString();
    QuiverException e = assertThrows(QuiverException.class,
        () -> format.open(FileSplit.whole(path, 10), MALFORMED, MALFORMED, List.of(), opts(), allocator, 10));
    assertTrue(e.getMessage().contains(path) && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void customSeparators() throws IOException {
    StructType schema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.IntegerType);
    assertEquals(List.of(row("x,y", 1)), read(file("semi.csv", "a;b\nx,y;1\n"), schema,
        opts("header", "true", "sep", ";")));
    assertEquals(List.of(row("x y", 2)), read(file("tab.tsv", "a\tb\nx y\t2\n"), schema,
        opts("header", "true", "sep", "\\t")));
    assertEquals(List.of(row("x|y", 3)), read(file("multi.csv", "a||b\n\"x|y\"||3\n"), schema,
        opts("header", "true", "delimiter", "||")));
  }

  @Test
  void quotedNewlinesWithMultiLineAndWholeFile() {
    String path = resource("multiline.csv");
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType)
        .add("n", DataTypes.IntegerType);
    List<List<Object>> expected = List.of(row(1, "first line\nsecond line", 10),
        row(2, "with \"escaped\" quotes", 20), row(3, "comma, inside\r\nand CRLF", 30), row(4, "plain", 40));
    assertEquals(expected, read(path, schema, opts("header", "true")));
    assertEquals(expected, read(path, schema, opts("header", "true", "multiLine", "true")));
    assertTrue(!format.isSplittable(info(path), opts("multiLine", "true")));
    assertTrue(format.isSplittable(info(path), opts()));
  }

  @Test
  void numbersDecimalsAndSpecialDoubles() throws IOException {
    StructType schema = new StructType().add("d", DataTypes.DoubleType).add("m", new DecimalType(5, 2))
        .add("i", DataTypes.IntegerType).add("f", DataTypes.FloatType);
    String path = file("nums.csv", "NaN,\"1,234.5\",+7,Inf\nInf,1.005,2147483647,-Inf\n-Inf,123.45,1,NaN\n"
        + "Infinity,1234.5,2147483648,1e3\n1e-3,12.3,\" 1\",x\n");
    List<List<Object>> rows = read(path, schema, opts());
    assertTrue(Double.isNaN((Double) rows.get(0).get(0)));
    // 1,234.5 has 6 digits with the scale of 2: too many for decimal(5,2), so null (malformed).
    assertEquals(row(null, 7, Float.POSITIVE_INFINITY), rows.get(0).subList(1, 4));
    assertEquals(row(Double.POSITIVE_INFINITY, new BigDecimal("1.01"), 2147483647, Float.NEGATIVE_INFINITY),
        rows.get(1));
    assertEquals(Double.NEGATIVE_INFINITY, rows.get(2).get(0));
    assertEquals(new BigDecimal("123.45"), rows.get(2).get(1));
    assertEquals(row(Double.POSITIVE_INFINITY, null, null, 1000f), rows.get(3));
    // Integers are not trimmed (as in Spark), doubles are (Double.parseDouble).
    assertEquals(row(0.001, new BigDecimal("12.30"), null, null), rows.get(4));
  }

  @Test
  void datesAndTimestampsWithAndWithoutFormats() throws IOException {
    StructType schema = new StructType().add("d", DataTypes.DateType).add("t", DataTypes.TimestampType);
    String path = file("dt.csv", "2024-03-05,2024-03-05T10:30:00.123Z\n2024-3-5,2024-03-05 10:30\n"
        + "2024-03-05 11:00,2024-03-05T10:30:00+02:00\nnope,2024-03-05\n");
    List<List<Object>> rows = read(path, schema, opts("timeZone", "UTC"));
    assertEquals(row(LocalDate.of(2024, 3, 5), 1709634600123000L), rows.get(0));
    // Without a dateFormat Spark falls back to the cast forms.
    assertEquals(row(LocalDate.of(2024, 3, 5), 1709634600000000L), rows.get(1));
    assertEquals(row(LocalDate.of(2024, 3, 5), 1709627400000000L), rows.get(2));
    assertEquals(row(null, 1709596800000000L), rows.get(3));

    // Impossible dates are not dates, in the pattern's shape or in the cast forms.
    assertEquals(List.of(row(null, null), row(LocalDate.of(2024, 2, 29), null)), read(file("feb.csv",
        "2023-02-29,2023-02-29 10:00\n2024-02-29,24:00\n"), schema, opts()));

    List<List<Object>> zoned = read(path, schema, opts("timeZone", "America/New_York"));
    assertEquals(1709634600000000L + 5 * 3600_000_000L, zoned.get(1).get(1));

    String custom = file("custom.csv", "05/03/2024,05/03/2024 10:30:15.5\n2024-03-05,2024-03-05 10:30:15\n");
    List<List<Object>> formatted = read(custom, schema, opts("dateFormat", "dd/MM/yyyy", "timestampFormat",
        "dd/MM/yyyy HH:mm:ss.SSS", "timeZone", "UTC"));
    assertEquals(row(LocalDate.of(2024, 3, 5), 1709634615500000L), formatted.get(0));
    // With a user pattern there is no fallback to the cast forms.
    assertEquals(row(null, null), formatted.get(1));
  }

  @Test
  void badOptionsFailEarly() {
    StructType schema = new StructType().add("a", DataTypes.StringType);
    String path = resource("people.csv");
    assertThrows(QuiverException.class, () -> read(path, schema, opts("quote", "ab")));
    assertThrows(QuiverException.class, () -> read(path, schema, opts("sep", "")));
    assertThrows(QuiverException.class, () -> read(path, schema, opts("encoding", "no-such-charset")));
    assertThrows(QuiverException.class, () -> read(path, schema, opts("header", "maybe")));
    assertThrows(QuiverException.class, () -> read(path, schema, opts("dateFormat", "yyyy-ww")));
    QuiverException e = assertThrows(QuiverException.class, () -> read(path,
        new StructType().add("a", DataTypes.createArrayType(DataTypes.IntegerType)), opts()));
    assertEquals("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", e.getErrorClass());
  }

  @Test
  void enforceSchemaFalseChecksTheHeader() {
    StructType renamed = new StructType().add("id", DataTypes.IntegerType).add("label", DataTypes.StringType)
        .add("score", DataTypes.IntegerType);
    String path = resource("malformed.csv");
    QuiverException e = assertThrows(QuiverException.class,
        () -> read(path, renamed, opts("header", "true", "enforceSchema", "false")));
    assertTrue(e.getMessage().contains("Expected: label but found: name") && e.getMessage().contains(path),
        e.getMessage());
    // The default enforces the schema: the header is skipped whatever it says.
    assertEquals(5, read(path, renamed, opts("header", "true")).size());
    assertEquals(5, read(path, new StructType().add("ID", DataTypes.IntegerType).add("Name", DataTypes.StringType)
        .add("score", DataTypes.IntegerType), opts("header", "true", "enforceSchema", "false")).size());
  }

  @Test
  void gzipFilesAreReadWhole() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("id,name,score\n1,a,2\n3,\"b\nc\",4\n".getBytes(StandardCharsets.UTF_8));
    }
    String path = file("data.csv.gz", bytes.toByteArray());
    assertTrue(!format.isSplittable(info(path), opts()));
    assertEquals(List.of(row(1, "a", 2), row(3, "b\nc", 4)), read(path, MALFORMED, opts("header", "true")));
    // Another split of an unsplittable file reads nothing, so a file split anyway is still read once.
    long len = info(path).length();
    assertEquals(List.of(), readSplit(new FileSplit(path, 10, len - 10, len), MALFORMED, MALFORMED,
        opts("header", "true"), 10));
    assertEquals(2, readSplit(new FileSplit(path, 0, 10, len), MALFORMED, MALFORMED, opts("header", "true"), 10)
        .size());
  }
}
