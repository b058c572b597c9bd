package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files written by Quiver read by DuckDB, and files written by DuckDB read by Quiver, value for value. */
class ParquetDuckDbInteropTest extends ParquetTestSupport {
  private Connection duck;

  @BeforeEach
  void openDuckDb() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    }
  }

  @AfterEach
  void closeDuckDb() throws SQLException {
    duck.close();
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
          Object v = rs.getObject(c);
          if (v instanceof Array a) {
            v = Arrays.asList((Object[]) a.getArray());
          }
          row.add(v);
        }
        out.add(row);
      }
    }
    return out;
  }

  private Map<String, String> duckTypes(String file) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (List<Object> r : query("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
      types.put((String) r.get(0), (String) r.get(1));
    }
    return types;
  }

  @Test
  void duckDbReadsWhatQuiverWrites() throws SQLException {
    String p = path("quiver.parquet");
    StructType schema = ParquetRoundTripTest.ALL.add("tags", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
        .add("st", StructType.fromDDL("a INT, b STRING"));
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : ParquetRoundTripTest.allRows()) {
      Object[] x = Arrays.copyOf(r, r.length + 3);
      boolean nul = r[0] == null;
      x[r.length] = nul ? null : Arrays.asList(1, null, 3);
      x[r.length + 1] = nul ? null : Map.of("k", 5L);
      x[r.length + 2] = nul ? null : new Object[] {4, "four"};
      rows.add(x);
    }
    write(p, schema, rows);

    Map<String, String> types = duckTypes(p);
    Map<String, String> want = new LinkedHashMap<>();
    want.put("b", "BOOLEAN");
    want.put("i8", "TINYINT");
    want.put("i16", "SMALLINT");
    want.put("i32", "INTEGER");
    want.put("i64", "BIGINT");
    want.put("f", "FLOAT");
    want.put("d", "DOUBLE");
    want.put("s", "VARCHAR");
    want.put("bin", "BLOB");
    want.put("dt", "DATE");
    want.put("ts", "TIMESTAMP WITH TIME ZONE");
    want.put("tsn", "TIMESTAMP");
    want.put("d5", "DECIMAL(5,2)");
    want.put("d15", "DECIMAL(15,3)");
    want.put("d30", "DECIMAL(30,4)");
    want.put("d38", "DECIMAL(38,0)");
    want.put("tags", "INTEGER[]");
    want.put("m", "MAP(VARCHAR, BIGINT)");
    want.put("st", "STRUCT(a INTEGER, b VARCHAR)");
    assertEquals(want, types);

    List<List<Object>> got = query("SELECT b, i8, i16, i32, i64, f, d, s, hex(bin), "
        + "date_diff('day', DATE '1970-01-01', dt), epoch_us(ts), epoch_us(tsn), d5, d15, d30, d38, tags, "
        + "m['k'], st.a, st.b FROM read_parquet('" + p + "')");
    assertEquals(rows.size(), got.size());
    for (int r = 0; r < rows.size(); r++) {
      Object[] w = rows.get(r);
      List<Object> g = got.get(r);
      for (int c = 0; c < 16; c++) {
        Object wv = w[c];
        Object gv = g.get(c);
        String what = "row " + r + " column " + schema.apply(c).name();
        if (wv == null) {
          assertEquals(null, gv, what);
        } else if (wv instanceof byte[] bytes) {
          assertEquals(hex(bytes).substring(2).toUpperCase(java.util.Locale.ROOT), gv, what);
        } else if (wv instanceof BigDecimal bd) {
          assertEquals(0, bd.compareTo((BigDecimal) gv), what + ": " + gv);
        } else if (wv instanceof Float fv && fv.isNaN()) {
          assertTrue(((Float) gv).isNaN(), what);
        } else if (wv instanceof Double dv && dv.isNaN()) {
          assertTrue(((Double) gv).isNaN(), what);
        } else {
          assertEquals(((Object) wv).toString(), gv.toString(), what);
        }
      }
      if (w[0] == null) {
        assertEquals(Arrays.asList(null, null, null, null), g.subList(16, 20));
      } else {
        assertEquals(Arrays.asList(1, null, 3), g.get(16));
        assertEquals(5L, ((Number) g.get(17)).longValue());
        assertEquals(4, g.get(18));
        assertEquals("four", g.get(19));
      }
    }
  }

  private static final String DUCK_SELECT = "SELECT i::INTEGER AS id, "
      + "'cat-' || (i % 5) AS s, "
      + "CASE WHEN i % 7 = 0 THEN NULL ELSE i * 1.5 END::DOUBLE AS d, "
      + "(i % 3 = 0) AS b, "
      + "(i % 100)::TINYINT AS t8, (i % 1000)::SMALLINT AS t16, "
      + "DATE '2020-01-01' + (i::INTEGER) AS dt, "
      + "TIMESTAMP '2020-01-01 00:00:00' + to_microseconds(i * 1000003) AS ts, "
      + "TIMESTAMPTZ '2021-06-01 00:00:00+00' + to_microseconds(i) AS tstz, "
      + "(TIMESTAMP '2020-01-01' + to_microseconds(i))::TIMESTAMP_MS AS tms, "
      + "(TIMESTAMP '2020-01-01' + to_microseconds(i))::TIMESTAMP_NS AS tns, "
      + "((i % 2997) / 3)::DECIMAL(4,1) AS dec4, (i * 1000.123)::DECIMAL(15,3) AS dec15, "
      + "(i * 12345678.5)::DECIMAL(30,5) AS dec30, "
      + "CASE WHEN i % 4 = 0 THEN NULL ELSE [i, i + 1, NULL] END AS l, "
      + "['a' || (i % 3), NULL] AS ls, "
      + "{'x': i, 'y': 'v' || (i % 2)} AS st, "
      + "MAP {'k' || (i % 2): i} AS m, "
      + "NULL::INTEGER AS n, "
      + "i::UINTEGER AS u32, i::UBIGINT AS u64, "
      + "('\\x00' || (i % 256)::VARCHAR)::BLOB AS bl, "
      + "i::BIGINT * 3 AS big, i::FLOAT / 4 AS fl "
      + "FROM range(0, 5000) t(i)";

  private static final String DUCK_CANONICAL = "SELECT id, s, d, b, t8, t16, "
      + "date_diff('day', DATE '1970-01-01', dt), epoch_us(ts), epoch_us(tstz), epoch_us(tms), epoch_us(tns), "
      + "dec4, dec15, dec30, l, ls, st.x, st.y, m, n, u32, u64, hex(bl), big, fl FROM read_parquet('%s') ORDER BY id";

  private String duckFile(String name, String options) throws SQLException {
    String p = path(name);
    try (Statement s = duck.createStatement()) {
      s.execute("COPY (" + DUCK_SELECT + ") TO '" + p + "' (FORMAT PARQUET" + options + ")");
    }
    return p;
  }

  /** Quiver's reading of a DuckDB file, in the same canonical form as {@link #DUCK_CANONICAL}. */
  private List<List<Object>> quiverCanonical(String p) {
    StructType schema = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : read(whole(p), schema, schema, List.of(), FormatOptions.empty(), 777)) {
      List<Object> c = new ArrayList<>(r);
      // struct st -> st.x, st.y
      List<?> st = (List<?>) c.remove(16);
      c.add(16, st.get(0));
      c.add(17, st.get(1));
      out.add(c);
    }
    out.sort((a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0)));
    return out;
  }

  private void assertSameAsDuckDb(String p) throws SQLException {
    List<List<Object>> want = query(String.format(java.util.Locale.ROOT, DUCK_CANONICAL, p));
    List<List<Object>> got = quiverCanonical(p);
    assertEquals(want.size(), got.size());
    for (int r = 0; r < want.size(); r++) {
      List<Object> w = want.get(r);
      List<Object> g = got.get(r);
      for (int c = 0; c < w.size(); c++) {
        assertEquals(normalize(w.get(c)), normalize(g.get(c)), "row " + r + " column " + c + " of " + p);
      }
    }
  }

  /** Puts DuckDB's and Quiver's Java values into one comparable form. */
  private static Object normalize(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof java.math.BigInteger i) {
      return i.toString();
    }
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(normalize(o));
      }
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(normalize(k), normalize(val)));
      return out.toString();
    }
    if (v instanceof String s && s.startsWith("0x")) {
      return s.substring(2).toUpperCase(java.util.Locale.ROOT);
    }
    return v.toString();
  }

  @Test
  void quiverReadsWhatDuckDbWrites() throws SQLException {
    String p = duckFile("duck.parquet", ", ROW_GROUP_SIZE 1024");
    StructType schema = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    assertEquals(StructType.fromDDL("id INT, s STRING, d DOUBLE, b BOOLEAN, t8 TINYINT, t16 SMALLINT, dt DATE, "
        + "ts TIMESTAMP_NTZ, tstz TIMESTAMP, tms TIMESTAMP_NTZ, tns TIMESTAMP_NTZ, dec4 DECIMAL(4,1), "
        + "dec15 DECIMAL(15,3), dec30 DECIMAL(30,5), l ARRAY<BIGINT>, ls ARRAY<STRING>, st STRUCT<x: BIGINT, y: STRING>, "
        + "m MAP<STRING, BIGINT>, n INT, u32 BIGINT, u64 DECIMAL(20,0), bl BINARY, big BIGINT, fl FLOAT"), schema);
    ParquetMetadata footer = ParquetRoundTripTest.footer(p);
    assertTrue(footer.getBlocks().size() >= 2, "several row groups: " + footer.getBlocks().size());
    assertTrue(usesDictionary(footer, "s"), "DuckDB dictionary-encodes repetitive strings");
    assertSameAsDuckDb(p);
  }

  @Test
  void quiverReadsDuckDbFormatV2AndOtherCodecs() throws SQLException {
    for (String opts : List.of(", PARQUET_VERSION V2, COMPRESSION ZSTD", ", COMPRESSION GZIP",
        ", COMPRESSION UNCOMPRESSED, ROW_GROUP_SIZE 100", ", COMPRESSION LZ4_RAW", ", COMPRESSION SNAPPY")) {
      String p = duckFile("duck-" + Math.abs(opts.hashCode()) + ".parquet", opts);
      assertSameAsDuckDb(p);
      if (opts.contains("V2")) {
        // Format v2 brings data page v2 and the DELTA encodings, decoded through parquet-mr's readers.
        java.util.Set<Encoding> encodings = new java.util.HashSet<>();
        for (BlockMetaData b : ParquetRoundTripTest.footer(p).getBlocks()) {
          for (ColumnChunkMetaData c : b.getColumns()) {
            encodings.addAll(c.getEncodings());
          }
        }
        assertTrue(encodings.contains(Encoding.DELTA_BINARY_PACKED), encodings.toString());
      }
    }
  }

  @Test
  void readsLongListsSpanningPages() throws SQLException {
    String p = path("biglists.parquet");
    try (Statement s = duck.createStatement()) {
      s.execute("COPY (SELECT i::INTEGER AS id, CASE WHEN i % 7 = 3 THEN NULL ELSE "
          + "list_transform(range(0, (i % 50) * 300), x -> CASE WHEN x % 11 = 0 THEN NULL ELSE x * i END) END AS big, "
          + "list_transform(range(0, i % 5), x -> 's' || x || '-' || i) AS strs "
          + "FROM range(0, 150) t(i)) TO '" + p + "' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)");
    }
    // Compare list lengths, sums and null counts rather than millions of boxed elements.
    List<List<Object>> want = query("SELECT id, len(big), list_sum(big), len(list_filter(big, x -> x IS NULL)), "
        + "strs FROM read_parquet('" + p + "') ORDER BY id");
    StructType schema = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    for (int batch : new int[] {3, 64, 1000}) {
      List<List<Object>> got = read(whole(p), schema, schema, List.of(), FormatOptions.empty(), batch);
      assertEquals(want.size(), got.size());
      for (int r = 0; r < want.size(); r++) {
        List<?> big = (List<?>) got.get(r).get(1);
        List<Object> summary = new ArrayList<>();
        summary.add(got.get(r).get(0));
        if (big == null) {
          summary.addAll(Arrays.asList(null, null, null));
        } else {
          long sum = 0;
          long nulls = 0;
          for (Object x : big) {
            if (x == null) {
              nulls++;
            } else {
              sum += (Long) x;
            }
          }
          summary.add((long) big.size());
          summary.add(big.size() == nulls ? null : java.math.BigInteger.valueOf(sum));
          summary.add(nulls);
        }
        summary.add(got.get(r).get(2));
        assertEquals(normalize(want.get(r)), normalize(summary), "row " + r + " batch " + batch);
      }
    }
  }

  private static boolean usesDictionary(ParquetMetadata footer, String column) {
    for (BlockMetaData b : footer.getBlocks()) {
      for (ColumnChunkMetaData c : b.getColumns()) {
        if (c.getPath().toDotString().equals(column)
            && (c.getEncodings().contains(Encoding.RLE_DICTIONARY)
                || c.getEncodings().contains(Encoding.PLAIN_DICTIONARY))) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void readsInt96TimestampsAsDuckDbDoes() throws IOException, SQLException {
    // Spark 2, Hive and Impala store timestamps as INT96 (nanos of day + Julian day); DuckDB reads them too.
    String p = path("int96.parquet");
    long[][] values = {{2_440_588, 0}, {2_440_588, 1_000}, {2_459_000, 43_200_000_000_123L},
        {2_415_021, 86_399_999_999_999L}, {2_440_587, 1}};
    List<java.util.function.Consumer<org.apache.parquet.example.data.Group>> rows = new ArrayList<>();
    for (long[] v : values) {
      rows.add(g -> g.add("t", new NanoTime((int) v[0], v[1]).toBinary()));
    }
    rows.add(g -> { });
    LegacyWriter.write(p, MessageTypeParser.parseMessageType("message m { optional int96 t; }"),
        rows.toArray(new java.util.function.Consumer[0]));
    StructType schema = format.inferSchema(List.of(info(p)), FormatOptions.empty());
    assertEquals(StructType.fromDDL("t TIMESTAMP"), schema);
    List<List<Object>> got = read(p, schema);
    List<List<Object>> duckValues = query("SELECT epoch_us(t) FROM read_parquet('" + p + "')");
    assertEquals(values.length + 1, got.size());
    for (int i = 0; i < got.size(); i++) {
      assertEquals(duckValues.get(i).get(0), got.get(i).get(0), "row " + i);
    }
    assertEquals(0L, got.get(0).get(0));
    assertEquals(1L, got.get(1).get(0));
    assertEquals(-86_400_000_000L, got.get(4).get(0), "the day before the epoch; the nanosecond is truncated");
    assertEquals(null, got.get(values.length).get(0));
  }

  @Test
  void quiverWritesWhatDuckDbReadsBackAfterRoundTrip() throws SQLException {
    // DuckDB -> Quiver -> DuckDB keeps every value.
    String src = duckFile("src.parquet", "");
    StructType schema = format.inferSchema(List.of(info(src)), FormatOptions.empty());
    String copy = path("copy.parquet");
    try (dev.quiver.formats.BatchReader r = format.open(whole(src), schema, schema, List.of(), FormatOptions.empty(),
        allocator, 1000); dev.quiver.formats.BatchWriter w = format.create(copy, schema, FormatOptions.empty(),
            allocator)) {
      org.apache.arrow.vector.VectorSchemaRoot b;
      while ((b = r.next()) != null) {
        try (org.apache.arrow.vector.VectorSchemaRoot batch = b) {
          w.write(batch);
        }
      }
    }
    String cols = "id, s, d, b, t8, t16, dt, epoch_us(ts), epoch_us(tstz), epoch_us(tms), dec4, dec15, dec30, "
        + "l, ls, st.x, st.y, n, hex(bl), big, fl";
    assertEquals(query("SELECT " + cols + " FROM read_parquet('" + src + "') ORDER BY id").toString(),
        query("SELECT " + cols + " FROM read_parquet('" + copy + "') ORDER BY id").toString());
  }
}
