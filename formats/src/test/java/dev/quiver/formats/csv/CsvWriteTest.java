package dev.quiver.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Writing batches as CSV the way Spark writes them, and reading them back. */
class CsvWriteTest extends CsvTestSupport {
  private static final StructType STRINGS = new StructType().add("a", DataTypes.StringType)
      .add("b", DataTypes.StringType);

  private String out(String name) {
    return tmp.resolve("out").resolve("sub").resolve(name).toString();
  }

  private static String text(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** One batch of two string columns; null elements are nulls. */
  private VectorSchemaRoot strings(String[][] rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(STRINGS), allocator);
    root.allocateNew();
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < 2; c++) {
        VarCharVector v = (VarCharVector) root.getVector(c);
        if (rows[r][c] == null) {
          v.setNull(r);
        } else {
          v.setSafe(r, rows[r][c].getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    root.setRowCount(rows.length);
    return root;
  }

  private String writeStrings(String name, FormatOptions options, String[][] rows) throws IOException {
    String path = out(name);
    try (BatchWriter w = format.create(path, STRINGS, options, allocator);
        VectorSchemaRoot batch = strings(rows)) {
      w.write(batch);
      assertEquals(rows.length, w.rowCount());
    }
    return text(path);
  }

  @Test
  void peopleRoundTripKeepsTypesAndValues() {
    String path = out("people.csv");
    List<List<Object>> original = read(resource("people.csv"), CsvReadTest.PEOPLE, opts("header", "true"));
    try (BatchWriter w = format.create(path, CsvReadTest.PEOPLE, opts("header", "true"), allocator);
        BatchReader r = format.open(FileSplit.whole(resource("people.csv"), info(resource("people.csv")).length()),
            CsvReadTest.PEOPLE, CsvReadTest.PEOPLE, List.of(), opts("header", "true"), allocator, 4)) {
      VectorSchemaRoot batch;
      while ((batch = r.next()) != null) {
        try (VectorSchemaRoot b = batch) {
          w.write(b);
        }
      }
      assertEquals(15, w.rowCount());
    }
    FormatOptions readBack = opts("header", "true", "inferSchema", "true");
    StructType inferred = infer(readBack, path);
    assertEquals(CsvReadTest.PEOPLE, inferred);
    assertEquals(original, read(path, inferred, readBack));
  }

  @Test
  void quotingAndEscapingLikeSpark() throws IOException {
    String csv = writeStrings("q.csv", opts(), new String[][] {
        {"Tom \"TJ\" Jones", "Doe, Jane"},
        {"two\nlines", "C:\\temp"},
        {"", null},
        {"a\\b,c", "#not first"},
        {"#first", "\"starts"}});
    assertEquals("\"Tom \\\"TJ\\\" Jones\",\"Doe, Jane\"\n"
        + "\"two\nlines\",C:\\temp\n"
        + "\"\",\n"
        + "\"a\\\\b,c\",#not first\n"
        + "\"#first\",\"\\\"starts\"\n", csv);
    assertEquals(List.of(row("Tom \"TJ\" Jones", "Doe, Jane"), row("two\nlines", "C:\\temp"), row(null, null),
        row("a\\b,c", "#not first"), row("#first", "\"starts")), read(out("q.csv"), STRINGS, opts()));
    // The empty string survives when nulls are spelled differently.
    assertEquals(List.of(row("", null)), read(file("e.csv", "\"\",\n"), STRINGS, opts("nullValue", "NA")));
  }

  @Test
  void whitespaceIsTrimmedUnlessAskedNotTo() throws IOException {
    String[][] rows = {{"  a b  ", "   "}};
    assertEquals("a b,\"\"\n", writeStrings("t.csv", opts(), rows));
    assertEquals("  a b  ,   \n", writeStrings("u.csv",
        opts("ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false"), rows));
  }

  @Test
  void writeOptions() throws IOException {
    String[][] rows = {{"x;y", null}, {"plain", "q\"uote"}};
    assertEquals("a;b\n\"x;y\";NULL\nplain;\"q\\\"uote\"\n",
        writeStrings("o1.csv", opts("header", "true", "sep", ";", "nullValue", "NULL"), rows));
    assertEquals("\"a\",\"b\"\n\"x;y\",\"\"\n\"plain\",\"q\\\"uote\"\n",
        writeStrings("o2.csv", opts("header", "true", "quoteAll", "true"), rows));
    assertEquals("x;y,\r\nplain,q\"uote\r\n",
        writeStrings("o3.csv", opts("escapeQuotes", "false", "lineSep", "\r\n"), rows));
    assertEquals("x;y||\nplain||q\"uote\n",
        writeStrings("o4.csv", opts("sep", "||", "quote", "'", "emptyValue", "EMPTY"), rows));
    assertEquals("x;y,EMPTY\n", writeStrings("o5.csv", opts("emptyValue", "EMPTY"), new String[][] {{"x;y", ""}}));
    assertEquals("x;y\t\"a\"\"b\"\n",
        writeStrings("o6.csv", opts("sep", "\\t", "escape", "\""), new String[][] {{"x;y", "a\"b"}}));
  }

  @Test
  void typedValuesInSparksTextForms() throws IOException {
    StructType schema = new StructType().add("i", DataTypes.IntegerType).add("d", DataTypes.DoubleType)
        .add("m", new DecimalType(20, 10)).add("b", DataTypes.BooleanType).add("dt", DataTypes.DateType)
        .add("ts", DataTypes.TimestampType);
    String path = out("typed.csv");
    try (BatchWriter w = format.create(path, schema, opts("header", "true"), allocator);
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(schema), allocator)) {
      root.allocateNew();
      double[] doubles = {1e10, Double.NaN, Double.POSITIVE_INFINITY, -0.5};
      for (int r = 0; r < 4; r++) {
        ((IntVector) root.getVector(0)).setSafe(r, r - 1);
        ((Float8Vector) root.getVector(1)).setSafe(r, doubles[r]);
        ((DecimalVector) root.getVector(2)).setSafe(r, new BigDecimal("0.0000001000").add(BigDecimal.valueOf(r))
            .setScale(10));
        ((BitVector) root.getVector(3)).setSafe(r, r % 2);
        ((DateDayVector) root.getVector(4)).setSafe(r, 19797 + r);
        ((TimeStampMicroTZVector) root.getVector(5)).setSafe(r, 1709634600123000L + r * 1_000_000L);
      }
      root.getVector(1).setNull(3);
      root.setRowCount(4);
      w.write(root);
    }
    assertEquals("i,d,m,b,dt,ts\n"
        + "-1,1.0E10,0.0000001000,false,2024-03-15,2024-03-05T10:30:00.123Z\n"
        + "0,NaN,1.0000001000,true,2024-03-16,2024-03-05T10:30:01.123Z\n"
        + "1,Infinity,2.0000001000,false,2024-03-17,2024-03-05T10:30:02.123Z\n"
        + "2,,3.0000001000,true,2024-03-18,2024-03-05T10:30:03.123Z\n", text(path));
    List<List<Object>> back = read(path, schema, opts("header", "true"));
    assertEquals(1709634600123000L, back.get(0).get(5));
    assertEquals(Double.POSITIVE_INFINITY, back.get(2).get(1));
    assertEquals(new BigDecimal("3.0000001000"), back.get(3).get(2));

    String custom = out("custom.csv");
    StructType dateTime = new StructType().add("dt", DataTypes.DateType).add("ts", DataTypes.TimestampType);
    try (BatchWriter w = format.create(custom, dateTime,
        opts("dateFormat", "dd/MM/yyyy", "timestampFormat", "yyyy-MM-dd HH:mm", "timeZone", "Europe/Paris"),
        allocator);
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(dateTime), allocator)) {
      root.allocateNew();
      ((DateDayVector) root.getVector(0)).setSafe(0, 19797);
      ((TimeStampMicroTZVector) root.getVector(1)).setSafe(0, 1709634600123000L);
      root.setRowCount(1);
      w.write(root);
    }
    assertEquals("15/03/2024,2024-03-05 11:30\n", text(custom));
  }

  @Test
  void gzipCompression() throws IOException {
    assertEquals(".csv.gz", format.fileExtension(opts("compression", "gzip")));
    assertEquals(".csv", format.fileExtension(opts()));
    assertThrows(QuiverException.class, () -> format.fileExtension(opts("compression", "lzo")));
    String path = out("z.csv.gz");
    try (BatchWriter w = format.create(path, STRINGS, opts("compression", "gzip", "header", "true"), allocator);
        VectorSchemaRoot batch = strings(new String[][] {{"x", "y"}})) {
      w.write(batch);
    }
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(path)))) {
      in.transferTo(plain);
    }
    assertEquals("a,b\nx,y\n", plain.toString(StandardCharsets.UTF_8));
    assertEquals(List.of(row("x", "y")), read(path, STRINGS, opts("header", "true")));
  }

  @Test
  void abortDeletesTheFileAndExistingFilesAreNotOverwritten() throws IOException {
    String path = out("aborted.csv");
    BatchWriter w = format.create(path, STRINGS, opts("header", "true"), allocator);
    try (VectorSchemaRoot batch = strings(new String[][] {{"x", "y"}})) {
      w.write(batch);
    }
    w.abort();
    assertFalse(Files.exists(Path.of(path)));
    assertThrows(IllegalStateException.class, () -> w.write(null));

    String existing = file("exists.csv", "a,b\n");
    QuiverException e = assertThrows(QuiverException.class,
        () -> format.create(existing, STRINGS, opts(), allocator));
    assertTrue(e.getMessage().contains(existing), e.getMessage());
  }

  @Test
  void headerIsWrittenEvenWithoutRowsAndBatchesMustMatchTheSchema() throws IOException {
    String path = out("empty.csv");
    try (BatchWriter w = format.create(path, STRINGS, opts("header", "true"), allocator)) {
      assertEquals(0, w.rowCount());
      StructType other = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType);
      try (VectorSchemaRoot wrong = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(other), allocator)) {
        assertThrows(IllegalArgumentException.class, () -> w.write(wrong));
      }
    }
    assertEquals("a,b\n", text(path));
    QuiverException e = assertThrows(QuiverException.class, () -> format.create(out("bad.csv"),
        new StructType().add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)), opts(),
        allocator));
    assertEquals("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", e.getErrorClass());
  }
}
