package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.Metadata;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

class ParquetRoundTripTest extends ParquetTestSupport {
  static final StructType ALL = StructType.fromDDL("b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INT, i64 BIGINT, "
      + "f FLOAT, d DOUBLE, s STRING, bin BINARY, dt DATE, ts TIMESTAMP, tsn TIMESTAMP_NTZ, "
      + "d5 DECIMAL(5,2), d15 DECIMAL(15,3), d30 DECIMAL(30,4), d38 DECIMAL(38,0)");

  static List<Object[]> allRows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {true, (byte) -128, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, -1.5f,
        Double.NEGATIVE_INFINITY, "", new byte[0], -719162, -62135596800000000L, 0L, new BigDecimal("-999.99"),
        new BigDecimal("-999999999999.999"), new BigDecimal("-12345678901234567890123456.7890"),
        new BigDecimal("-99999999999999999999999999999999999999")});
    rows.add(new Object[] {null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null});
    rows.add(new Object[] {false, (byte) 127, (short) 32767, Integer.MAX_VALUE, Long.MAX_VALUE, Float.NaN, Double.NaN,
        "héllo, wörld ✓", new byte[] {0, 1, (byte) 0xFF}, 2932896, 253402300799999999L, 1_700_000_000_123_456L,
        new BigDecimal("999.99"), new BigDecimal("999999999999.999"), new BigDecimal("0.0001"),
        new BigDecimal("99999999999999999999999999999999999999")});
    rows.add(new Object[] {true, (byte) 0, (short) 0, 0, 0L, 0.0f, -0.0, "x", new byte[] {42}, 0, 0L, -1L,
        new BigDecimal("0.00"), new BigDecimal("0.000"), new BigDecimal("1.0000"), new BigDecimal("0")});
    return rows;
  }

  static List<Object> expected(Object[] row) {
    List<Object> out = new ArrayList<>();
    for (Object v : row) {
      out.add(v instanceof byte[] b ? hex(b) : v);
    }
    return out;
  }

  @Test
  void everyTypeRoundTripsWithNulls() {
    String p = path("all.parquet");
    List<Object[]> rows = allRows();
    write(p, ALL, rows);
    List<List<Object>> back = read(p, ALL);
    assertEquals(rows.size(), back.size());
    for (int r = 0; r < rows.size(); r++) {
      List<Object> want = expected(rows.get(r));
      List<Object> got = back.get(r);
      for (int c = 0; c < want.size(); c++) {
        Object w = want.get(c);
        Object g = got.get(c);
        if (w instanceof BigDecimal bw) {
          assertEquals(0, bw.compareTo((BigDecimal) g), "row " + r + " col " + ALL.apply(c).name());
        } else if (w instanceof Float fw && fw.isNaN()) {
          assertTrue(((Float) g).isNaN());
        } else {
          assertEquals(w, g, "row " + r + " col " + ALL.apply(c).name());
        }
      }
    }
  }

  @Test
  void writesSparkPhysicalTypesAndSchemaMetadata() throws IOException {
    String p = path("types.parquet");
    StructType schema = ALL.add(new StructField("req", DataTypes.IntegerType, false));
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : allRows()) {
      Object[] x = Arrays.copyOf(r, r.length + 1);
      x[r.length] = 7;
      rows.add(x);
    }
    write(p, schema, rows);
    ParquetMetadata footer = footer(p);
    MessageType expected = MessageTypeParser.parseMessageType("message spark_schema {\n"
        + "  optional boolean b;\n"
        + "  optional int32 i8 (INTEGER(8,true));\n"
        + "  optional int32 i16 (INTEGER(16,true));\n"
        + "  optional int32 i32;\n"
        + "  optional int64 i64;\n"
        + "  optional float f;\n"
        + "  optional double d;\n"
        + "  optional binary s (STRING);\n"
        + "  optional binary bin;\n"
        + "  optional int32 dt (DATE);\n"
        + "  optional int64 ts (TIMESTAMP(MICROS,true));\n"
        + "  optional int64 tsn (TIMESTAMP(MICROS,false));\n"
        + "  optional int32 d5 (DECIMAL(5,2));\n"
        + "  optional int64 d15 (DECIMAL(15,3));\n"
        + "  optional fixed_len_byte_array(13) d30 (DECIMAL(30,4));\n"
        + "  optional fixed_len_byte_array(16) d38 (DECIMAL(38,0));\n"
        + "  required int32 req;\n"
        + "}");
    assertEquals(expected, footer.getFileMetaData().getSchema());
    Map<String, String> kv = footer.getFileMetaData().getKeyValueMetaData();
    assertEquals(SparkSchemaJson.toJson(schema), kv.get(SparkSchemaJson.METADATA_KEY));
    assertTrue(kv.get(SparkSchemaJson.METADATA_KEY).startsWith(
        "{\"type\":\"struct\",\"fields\":[{\"name\":\"b\",\"type\":\"boolean\",\"nullable\":true,\"metadata\":{}},"));
    assertTrue(kv.get(SparkSchemaJson.METADATA_KEY).contains(
        "{\"name\":\"req\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}}"));
    assertEquals("SNAPPY", footer.getBlocks().get(0).getColumns().get(0).getCodec().name());
  }

  @Test
  void inferSchemaUsesSparkMetadataAndMakesEverythingNullable() {
    String p = path("infer.parquet");
    StructType schema = new StructType()
        .add("a", DataTypes.ByteType, false)
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false), false)
        .add("l", DataTypes.createArrayType(DataTypes.LongType, false), true)
        .add("s", new StructType().add("x", DataTypes.ShortType, false), true, Metadata.of(Map.of("k", "v")));
    write(p, schema, List.of());
    StructType inferred = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    StructType want = new StructType()
        .add("a", DataTypes.ByteType, true)
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, true), true)
        .add("l", DataTypes.createArrayType(DataTypes.LongType, true), true)
        .add("s", new StructType().add("x", DataTypes.ShortType, true), true, Metadata.of(Map.of("k", "v")));
    assertEquals(want, inferred);
  }

  @Test
  void requiredColumnsAndRequiredNestedValuesRoundTrip() {
    StructType schema = new StructType()
        .add("i", DataTypes.IntegerType, false)
        .add("s", DataTypes.StringType, false)
        .add("l", DataTypes.createArrayType(DataTypes.LongType, false), false)
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true)
        .add("st", new StructType().add("a", DataTypes.IntegerType, false).add("b", DataTypes.StringType, true), false);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(new Object[] {i, "v" + (i % 10), List.of((long) i, (long) -i), i % 3 == 0 ? null : Map.of("k", "x" + i),
          new Object[] {i, i % 2 == 0 ? null : "b"}});
    }
    String p = path("required.parquet");
    write(p, schema, rows);
    MessageType fileSchema = footer(p).getFileMetaData().getSchema();
    assertTrue(fileSchema.getType("l").isRepetition(org.apache.parquet.schema.Type.Repetition.REQUIRED));
    assertEquals(0, fileSchema.getColumnDescription(new String[] {"i"}).getMaxDefinitionLevel());
    assertEquals(1, fileSchema.getColumnDescription(new String[] {"l", "list", "element"}).getMaxDefinitionLevel());
    List<List<Object>> back = read(whole(p), schema, schema, List.of(), FormatOptions.empty(), 1024);
    assertEquals(3000, back.size());
    for (int i = 0; i < 3000; i += 7) {
      assertEquals(row(i, "v" + (i % 10), List.of((long) i, (long) -i), i % 3 == 0 ? null : Map.of("k", "x" + i),
          row(i, i % 2 == 0 ? null : "b")), back.get(i));
    }
  }

  @Test
  void emptyFileHasSchemaAndNoRows() {
    String p = path("empty.parquet");
    write(p, ALL, List.of());
    assertTrue(new File(p).length() > 0);
    assertEquals(ALL, format.inferSchema(List.of(info(p)), FormatOptions.empty()));
    assertEquals(List.of(), read(p, ALL));
    assertEquals(0, footer(p).getBlocks().size());
  }

  @Test
  void nestedTypesRoundTrip() {
    StructType schema = StructType.fromDDL("id INT, tags ARRAY<STRING>, nums ARRAY<INT>, "
        + "props MAP<STRING, DOUBLE>, point STRUCT<x: DOUBLE, y: DOUBLE, label: STRING>, "
        + "nested ARRAY<ARRAY<BIGINT>>, people ARRAY<STRUCT<name: STRING, age: INT>>, "
        + "deep STRUCT<inner: STRUCT<v: INT>, xs: ARRAY<INT>>, mlist MAP<INT, ARRAY<STRING>>");
    Map<Object, Object> props = new LinkedHashMap<>();
    props.put("a", 1.0);
    props.put("b", null);
    Map<Object, Object> mlist = new LinkedHashMap<>();
    mlist.put(1, Arrays.asList("x", null));
    mlist.put(2, List.of());
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {1, List.of("a", "b"), Arrays.asList(1, null, 3), props, new Object[] {1.0, 2.0, "p"},
        List.of(List.of(1L, 2L), List.of(), List.of(3L)), List.of(new Object[] {"ann", 30}, new Object[] {"bob", null}),
        new Object[] {new Object[] {5}, List.of(7, 8)}, mlist});
    rows.add(new Object[] {2, null, List.of(), Map.of(), null, null, null, null, null});
    rows.add(new Object[] {3, List.of(), null, null, new Object[] {null, null, null}, Arrays.asList(null, List.of(9L)),
        List.of(), new Object[] {null, null}, Map.of()});
    rows.add(new Object[] {null, Arrays.asList((String) null), Arrays.asList((Integer) null), null, null, List.of(),
        Arrays.asList(new Object[] {null, null}, null), new Object[] {new Object[] {null}, Arrays.asList((Integer) null)},
        null});
    String p = path("nested.parquet");
    write(p, schema, rows);
    List<List<Object>> back = read(p, schema);
    assertEquals(4, back.size());
    assertEquals(row(1, List.of("a", "b"), Arrays.asList(1, null, 3), props, row(1.0, 2.0, "p"),
        List.of(List.of(1L, 2L), List.of(), List.of(3L)), List.of(row("ann", 30), row("bob", null)),
        row(row(5), List.of(7, 8)), mlist), back.get(0));
    assertEquals(row(2, null, List.of(), Map.of(), null, null, null, null, null), back.get(1));
    assertEquals(row(3, List.of(), null, null, row(null, null, null), Arrays.asList(null, List.of(9L)), List.of(),
        row(null, null), Map.of()), back.get(2));
    assertEquals(row(null, Arrays.asList((Object) null), Arrays.asList((Object) null), null, null, List.of(),
        Arrays.asList(row(null, null), null), row(row((Object) null), Arrays.asList((Object) null)), null),
        back.get(3));

    // Batches smaller than the data exercise record boundaries across batches.
    StructType data = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    assertEquals(back, read(whole(p), data, schema, List.of(), FormatOptions.empty(), 1));
  }

  @Test
  void nestedColumnsAcrossManyPagesRowGroupsAndBatches() {
    StructType schema = StructType.fromDDL("id INT, xs ARRAY<INT>, m MAP<STRING, ARRAY<STRING>>, "
        + "s STRUCT<a: ARRAY<STRUCT<b: BIGINT, c: STRING>>>");
    Random rnd = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    List<List<Object>> want = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      List<Integer> xs = new ArrayList<>();
      for (int k = rnd.nextInt(60); k > 0; k--) {
        xs.add(rnd.nextInt(10) == 0 ? null : rnd.nextInt());
      }
      Map<Object, Object> m = new LinkedHashMap<>();
      for (int k = rnd.nextInt(4); k > 0; k--) {
        m.put("k" + k, rnd.nextBoolean() ? null : Arrays.asList("v" + i, null));
      }
      List<Object> inner = new ArrayList<>();
      for (int k = rnd.nextInt(3); k > 0; k--) {
        inner.add(rnd.nextInt(5) == 0 ? null : Arrays.asList((long) k * i, rnd.nextBoolean() ? "c" : null));
      }
      boolean nul = i % 13 == 0;
      rows.add(new Object[] {i, nul ? null : xs, nul ? null : m, nul ? null : new Object[] {inner}});
      List<Object> innerBack = new ArrayList<>(inner);
      want.add(row(i, nul ? null : xs, nul ? null : m, nul ? null : row(innerBack)));
    }
    String p = path("pages.parquet");
    write(p, schema, rows, FormatOptions.of(Map.of("parquet.page.size", "512", "parquet.block.size", "65536")));
    assertTrue(footer(p).getBlocks().size() > 1);
    StructType data = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    for (int batch : new int[] {1, 7, 1000, 5000}) {
      assertEquals(want, read(whole(p), data, schema, List.of(), FormatOptions.empty(), batch), "batch " + batch);
    }
  }

  @Test
  void readersTakingTurnsOnOneThreadReuseNoPageStillInUse() {
    // Decompressed pages' arrays go back to a per-thread pool when a column moves to its next page. Two
    // readers of many small pages, of shrinking and growing sizes (strings of random length) and of every
    // codec, advance in turns on this thread: each must read its own values, whatever the other handed back.
    StructType schema = StructType.fromDDL("id BIGINT, price DOUBLE, note STRING, flag STRING");
    Random rnd = new Random(8);
    for (String codec : new String[] {"snappy", "zstd", "uncompressed"}) {
      List<List<List<Object>>> wanted = new ArrayList<>();
      List<String> files = new ArrayList<>();
      for (int f = 0; f < 2; f++) {
        List<Object[]> rows = new ArrayList<>();
        List<List<Object>> want = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
          String note = i % 17 == 0 ? null : "n" + f + "-" + "x".repeat(rnd.nextInt(i % 500 < 250 ? 40 : 3)) + i;
          Double price = i % 11 == 0 ? null : rnd.nextInt(1_000_000) / 100.0;
          String flag = i % 3 == 0 ? "A" : "R";
          rows.add(new Object[] {(long) i * (f + 1), price, note, flag});
          want.add(row((long) i * (f + 1), price, note, flag));
        }
        String p = path(codec + "-turns-" + f + ".parquet");
        write(p, schema, rows, FormatOptions.of(Map.of("compression", codec, "parquet.page.size", "1024")));
        files.add(p);
        wanted.add(want);
      }
      List<List<List<Object>>> got = List.of(new ArrayList<>(), new ArrayList<>());
      try (BatchReader a = format.open(whole(files.get(0)), schema, schema, List.of(), FormatOptions.empty(),
          allocator, 333);
          BatchReader b = format.open(whole(files.get(1)), schema, schema, List.of(), FormatOptions.empty(),
              allocator, 777)) {
        BatchReader[] readers = {a, b};
        boolean[] done = new boolean[2];
        while (!done[0] || !done[1]) {
          for (int r = 0; r < 2; r++) {
            VectorSchemaRoot batch = done[r] ? null : readers[r].next();
            if (batch == null) {
              done[r] = true;
              continue;
            }
            try (VectorSchemaRoot owned = batch) {
              got.get(r).addAll(rows(owned));
            }
          }
        }
      }
      assertEquals(wanted.get(0), got.get(0), codec);
      assertEquals(wanted.get(1), got.get(1), codec);
    }
  }

  @Test
  void nestedStructFieldsArePrunedAndMissingOnesAreNull() {
    StructType schema = StructType.fromDDL("s STRUCT<a: INT, b: STRING, c: ARRAY<INT>>, z INT");
    String p = path("prune.parquet");
    write(p, schema, List.of(new Object[] {new Object[] {1, "x", List.of(1)}, 10},
        new Object[] {null, 20}, new Object[] {new Object[] {null, "y", null}, 30}));
    StructType want = StructType.fromDDL("z INT, s STRUCT<c: ARRAY<INT>, gone: STRING, a: INT>");
    assertEquals(List.of(row(10, row(List.of(1), null, 1)), row(20, null), row(30, row(null, null, null))),
        read(p, want));
    // A struct whose requested fields are all missing still knows where it is null.
    StructType onlyMissing = StructType.fromDDL("s STRUCT<gone: INT>");
    assertEquals(List.of(row(row((Object) null)), row((Object) null), row(row((Object) null))), read(p, onlyMissing));
  }

  @Test
  void prunesAndReordersColumnsAndReadsMissingColumnsAsNull() {
    String p = path("prune.parquet");
    List<Object[]> rows = allRows();
    write(p, ALL, rows);
    StructType required = StructType.fromDDL("s STRING, absent INT, i32 INT, nothing ARRAY<STRING>, D5 DECIMAL(5,2)");
    List<List<Object>> back = read(p, required);
    assertEquals(4, back.size());
    assertEquals(row("", null, Integer.MIN_VALUE, null, new BigDecimal("-999.99")), back.get(0));
    assertEquals(row(null, null, null, null, null), back.get(1));
    assertEquals(row("x", null, 0, null, new BigDecimal("0.00")), back.get(3));

    // No columns at all (a count): batches carry only row counts.
    List<List<Object>> none = read(whole(p), ALL, new StructType(), List.of(), FormatOptions.empty(), 3);
    assertEquals(4, none.size());
  }

  @Test
  void widensTypesLikeSparkAndRejectsMismatches() {
    String p = path("widen.parquet");
    write(p, StructType.fromDDL("i INT, f FLOAT, d DECIMAL(5,2), dt DATE, s STRING"),
        List.<Object[]>of(new Object[] {7, 1.5f, new BigDecimal("123.45"), 1, "a"}));
    assertEquals(List.of(row(7L, 1.5, new BigDecimal("123.4500"), 86_400_000_000L)),
        read(p, StructType.fromDDL("i BIGINT, f DOUBLE, d DECIMAL(10,4), dt TIMESTAMP_NTZ")));
    assertEquals(List.of(row(7.0)), read(p, StructType.fromDDL("i DOUBLE")));
    assertEquals(List.of(row((short) 7)), read(p, StructType.fromDDL("i SMALLINT")));
    assertEquals(List.of(row((byte) 7)), read(p, StructType.fromDDL("i TINYINT")));
    assertEquals(List.of(row(new BigDecimal("7.00"))), read(p, StructType.fromDDL("i DECIMAL(12,2)")));
    // Requesting one file column twice (names differing in case) is refused rather than read twice.
    assertThrows(QuiverException.class, () -> read(p, StructType.fromDDL("i INT, I INT")));
    QuiverException e = assertThrows(QuiverException.class, () -> read(p, StructType.fromDDL("s INT")));
    assertTrue(e.getMessage().contains("PARQUET_COLUMN_DATA_TYPE_MISMATCH"), e.getMessage());
    assertTrue(e.getMessage().contains(p), e.getMessage());
    assertTrue(e.getMessage().contains("BINARY (STRING)"), e.getMessage());
    assertThrows(QuiverException.class, () -> read(p, StructType.fromDDL("d DECIMAL(5,1)")));
  }

  @Test
  void dictionaryStringsOfUpToEightBytesReadBackExactly() {
    // Short dictionaries are written a word per value (the next value overwriting the bytes past the end);
    // "more" has a 9-byte value and takes the per-value copy. Batches of 1 to 5000 rows, with nulls, make the
    // data buffer grow, and the 2-byte codes that end a batch fall in the buffer's last word, written byte by
    // byte (writing one byte too few there fails this test).
    StructType schema = StructType.fromDDL("flag STRING, code BINARY, more STRING");
    String[] flags = {"", "A", "NO", "héllo", "12345678", "7 bytes"};
    String[] more = {"x", "123456789"};
    Random random = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < 12_000; r++) {
      rows.add(new Object[] {random.nextInt(10) == 0 ? null : flags[random.nextInt(flags.length)],
          random.nextInt(7) == 0 ? null : new byte[] {(byte) random.nextInt(3), (byte) 0xFF},
          more[random.nextInt(more.length)]});
    }
    String p = path("short.parquet");
    write(p, schema, rows);
    for (var chunk : footer(p).getBlocks().get(0).getColumns()) {
      assertTrue(chunk.getEncodings().stream().anyMatch(e -> e.usesDictionary()), chunk.getPath() + " "
          + chunk.getEncodings());
    }
    List<List<Object>> expected = rows.stream().map(ParquetRoundTripTest::expected).toList();
    for (int batchSize : new int[] {1, 3, 1000, 5000}) {
      assertEquals(expected, read(whole(p), schema, schema, List.of(), FormatOptions.empty(), batchSize),
          "batch size " + batchSize);
    }
  }

  @Test
  void compressionCodecsAndFileExtensions() throws IOException {
    Map<String, String> codecs = new LinkedHashMap<>();
    codecs.put("snappy", ".snappy.parquet");
    codecs.put("gzip", ".gz.parquet");
    codecs.put("zstd", ".zstd.parquet");
    codecs.put("none", ".parquet");
    codecs.put("uncompressed", ".parquet");
    codecs.put("lz4_raw", ".lz4raw.parquet");
    assertEquals(".snappy.parquet", format.fileExtension(FormatOptions.empty()));
    List<Object[]> rows = new ArrayList<>();
    Random rnd = new Random(1);
    for (int i = 0; i < 5000; i++) {
      rows.add(new Object[] {i, "value-" + rnd.nextInt(100), rnd.nextDouble()});
    }
    StructType schema = StructType.fromDDL("i INT, s STRING, d DOUBLE");
    for (Map.Entry<String, String> c : codecs.entrySet()) {
      FormatOptions opts = FormatOptions.of(Map.of("compression", c.getKey()));
      assertEquals(c.getValue(), format.fileExtension(opts));
      String p = path("c-" + c.getKey() + c.getValue());
      write(p, schema, rows, opts);
      assertEquals(5000, read(p, schema).size());
      String codec = footer(p).getBlocks().get(0).getColumns().get(0).getCodec().name();
      assertEquals(c.getKey().equals("none") ? "UNCOMPRESSED" : c.getKey().toUpperCase(java.util.Locale.ROOT), codec);
    }
    assertEquals(".gz.parquet", format.fileExtension(FormatOptions.of(Map.of("parquet.compression", "GZIP"))));
    QuiverException e = assertThrows(QuiverException.class,
        () -> format.fileExtension(FormatOptions.of(Map.of("compression", "lzma"))));
    assertTrue(e.getMessage().contains("lzma"));
  }

  @Test
  void abortDeletesThePartialFile() {
    String p = path("sub/dir/aborted.parquet");
    StructType schema = StructType.fromDDL("i INT");
    BatchWriter w = format.create(p, schema, FormatOptions.empty(), allocator);
    try (VectorSchemaRoot b = batch(schema, List.<Object[]>of(new Object[] {1}, new Object[] {2}))) {
      w.write(b);
    }
    assertEquals(2, w.rowCount());
    assertTrue(new File(p).exists(), "the parent directories and file are created");
    w.abort();
    assertFalse(new File(p).exists());
    assertFalse(new File(p).getParentFile().toPath().resolve(".aborted.parquet.crc").toFile().exists());
  }

  @Test
  void writerLeavesNoChecksumFiles() {
    String p = path("nocrc.parquet");
    write(p, StructType.fromDDL("i INT"), List.<Object[]>of(new Object[] {1}));
    String[] names = new File(p).getParentFile().list();
    assertEquals(List.of("nocrc.parquet"), Arrays.asList(names));
  }

  @Test
  void nullInNonNullableColumnIsAClearError() {
    String p = path("notnull.parquet");
    StructType schema = new StructType().add("i", DataTypes.IntegerType, false);
    BatchWriter w = format.create(p, schema, FormatOptions.empty(), allocator);
    try (VectorSchemaRoot b = batch(new StructType().add("i", DataTypes.IntegerType, true),
        List.<Object[]>of(new Object[] {null}))) {
      QuiverException e = assertThrows(QuiverException.class, () -> w.write(b));
      assertTrue(e.getMessage().contains("'i'"), e.getMessage());
    }
    w.abort();
    assertFalse(new File(p).exists());
  }

  @Test
  void corruptAndMissingFilesAreClearErrors() throws IOException {
    String bad = path("random.parquet");
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(new File(bad).toPath(), junk);
    QuiverException e = assertThrows(QuiverException.class,
        () -> format.inferSchema(List.of(info(bad)), FormatOptions.empty()));
    assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("is not a Parquet file"), e.getMessage());
    QuiverException e2 = assertThrows(QuiverException.class,
        () -> format.open(whole(bad), ALL, ALL, List.of(), FormatOptions.empty(), allocator, 100));
    assertTrue(e2.getMessage().contains("is not a Parquet file"), e2.getMessage());

    String tiny = path("tiny.parquet");
    Files.write(new File(tiny).toPath(), new byte[] {'P', 'A', 'R'});
    assertThrows(QuiverException.class, () -> format.inferSchema(List.of(info(tiny)), FormatOptions.empty()));

    String missing = path("missing.parquet");
    QuiverException e3 = assertThrows(QuiverException.class,
        () -> format.open(new dev.quiver.formats.FileSplit(missing, 0, 10, 10), ALL, ALL, List.of(),
            FormatOptions.empty(), allocator, 100));
    assertTrue(e3.getMessage().contains(missing) && e3.getMessage().contains("does not exist"), e3.getMessage());

    // A valid footer with a damaged data page: the error names the file, at read time.
    String good = path("damaged.parquet");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(new Object[] {"s" + i});
    }
    StructType schema = StructType.fromDDL("s STRING");
    write(good, schema, rows, FormatOptions.of(Map.of("compression", "none", "parquet.enable.dictionary", "false")));
    byte[] bytes = Files.readAllBytes(new File(good).toPath());
    for (int i = 20; i < 200; i++) {
      bytes[i] = (byte) 0xFF;
    }
    Files.write(new File(good).toPath(), bytes);
    QuiverException e4 = assertThrows(QuiverException.class, () -> read(good, schema));
    assertTrue(e4.getMessage().contains(good), e4.getMessage());
  }

  @Test
  void mergeSchemaUnionsFieldsByName() {
    String a = path("a.parquet");
    String b = path("b.parquet");
    write(a, StructType.fromDDL("x INT, s STRUCT<p: INT>"), List.<Object[]>of(new Object[] {1, new Object[] {2}}));
    write(b, StructType.fromDDL("y STRING, x INT, s STRUCT<q: STRING>"),
        List.<Object[]>of(new Object[] {"b", 3, new Object[] {"q"}}));
    FormatOptions merge = FormatOptions.of(Map.of("mergeSchema", "true"));
    StructType merged = format.inferSchema(List.of(info(a), info(b)), merge);
    assertEquals(StructType.fromDDL("x INT, s STRUCT<p: INT, q: STRING>, y STRING"), merged);
    assertEquals(StructType.fromDDL("x INT, s STRUCT<p: INT>"),
        format.inferSchema(List.of(info(a), info(b)), FormatOptions.empty()));
    assertEquals(List.of(row(1, row(2, null), null)), read(whole(a), merged, merged, List.of(), merge, 10));
    assertEquals(List.of(row(3, row(null, "q"), "b")), read(whole(b), merged, merged, List.of(), merge, 10));

    String c = path("c.parquet");
    write(c, StructType.fromDDL("x STRING"), List.<Object[]>of(new Object[] {"no"}));
    QuiverException e = assertThrows(QuiverException.class,
        () -> format.inferSchema(List.of(info(a), info(c)), merge));
    assertTrue(e.getMessage().contains(c) && e.getMessage().contains("CANNOT_MERGE"), e.getMessage());
  }

  @Test
  void closingMidFileReleasesEverything() {
    String p = path("mid.parquet");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(new Object[] {i, "s" + (i % 17), List.of(i, i + 1)});
    }
    StructType schema = StructType.fromDDL("i INT, s STRING, l ARRAY<INT>");
    write(p, schema, rows);
    try (BatchReader r = format.open(whole(p), schema, schema, List.of(), FormatOptions.empty(), allocator, 100)) {
      VectorSchemaRoot first = r.next();
      assertEquals(100, first.getRowCount());
      first.close();
    }
    // The allocator check in @AfterEach fails if anything leaked.
  }

  @Test
  void readsRepeatedFieldsOutsideListGroupsAndTwoLevelLists() throws IOException {
    // Written with parquet-mr's example writer, as old Hive/Avro writers lay lists out.
    MessageType legacy = MessageTypeParser.parseMessageType("message m {\n"
        + "  repeated int32 bare;\n"
        + "  optional group two (LIST) { repeated binary str (STRING); }\n"
        + "  optional group tuples (LIST) { repeated group tuples_tuple { required int32 a; } }\n"
        + "}");
    String p = path("legacy.parquet");
    LegacyWriter.write(p, legacy, g -> {
      g.add("bare", 1);
      g.add("bare", 2);
      g.addGroup("two").add("str", "x");
      g.addGroup("tuples").addGroup("tuples_tuple").add("a", 5);
    }, g -> {
      g.addGroup("two");
    });
    StructType inferred = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    assertEquals(StructType.fromDDL("bare ARRAY<INT>, two ARRAY<STRING>, tuples ARRAY<STRUCT<a: INT>>"), inferred);
    assertEquals(List.of(row(List.of(1, 2), List.of("x"), List.of(row(5))), row(List.of(), List.of(), null)),
        read(p, inferred));
  }

  static ParquetMetadata footer(String p) {
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(p), new Configuration()))) {
      return r.getFooter();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readerReturnsNullAfterClose() {
    String p = path("closed.parquet");
    write(p, StructType.fromDDL("i INT"), List.<Object[]>of(new Object[] {1}));
    BatchReader r = format.open(whole(p), StructType.fromDDL("i INT"), StructType.fromDDL("i INT"), List.of(),
        FormatOptions.empty(), allocator, 10);
    r.close();
    assertNull(r.next());
    r.close();
  }
}
