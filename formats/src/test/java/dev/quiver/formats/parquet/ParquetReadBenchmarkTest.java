package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Decoding speed, not run by default: {@code mvn -o test -pl formats -Dtest=ParquetReadBenchmarkTest
 * -Dquiver.bench=true}. Writes 5M rows of (int, double, low-cardinality string, unique string) with Quiver
 * and with DuckDB, then times full scans of both files into Arrow batches, single-threaded.
 */
class ParquetReadBenchmarkTest extends ParquetTestSupport {
  static final int ROWS = 5_000_000;
  static final StructType SCHEMA = StructType.fromDDL("i INT, d DOUBLE, s STRING, u STRING");

  @Test
  void decodeThroughput() throws Exception {
    assumeTrue(Boolean.getBoolean("quiver.bench"), "set -Dquiver.bench=true to run");
    String quiverFile = path("bench.snappy.parquet");
    long t0 = System.nanoTime();
    writeQuiver(quiverFile);
    long writeNanos = System.nanoTime() - t0;
    System.out.printf(Locale.ROOT, "write %d rows with Quiver: %.2f s (%.1f M rows/s), %d bytes%n", ROWS,
        writeNanos / 1e9, ROWS / (writeNanos / 1e9) / 1e6, new java.io.File(quiverFile).length());

    String duckFile = path("bench-duck.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads = 1");
      st.execute("COPY (SELECT i::INTEGER AS i, (i * 0.25)::DOUBLE AS d, 'category-' || (i % 1000) AS s, "
          + "'unique-string-' || i AS u FROM range(0, " + ROWS + ") t(i)) TO '" + duckFile + "' (FORMAT PARQUET)");
      for (String f : List.of(quiverFile, duckFile)) {
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
          long s = System.nanoTime();
          try (ResultSet rs = st.executeQuery("SELECT sum(i), sum(d), sum(length(s)), sum(length(u)) FROM "
              + "read_parquet('" + f + "')")) {
            rs.next();
          }
          best = Math.min(best, System.nanoTime() - s);
        }
        System.out.printf(Locale.ROOT, "DuckDB (1 thread) scan+sum of %s: %.3f s (%.1f M rows/s)%n", name(f),
            best / 1e9, ROWS / (best / 1e9) / 1e6);
      }
    }

    for (String f : List.of(quiverFile, duckFile)) {
      for (StructType required : List.of(SCHEMA, StructType.fromDDL("i INT, d DOUBLE"), StructType.fromDDL("s STRING"),
          StructType.fromDDL("u STRING"))) {
        long[] times = new long[7];
        for (int rep = 0; rep < times.length; rep++) {
          long s = System.nanoTime();
          long rows = scan(f, required);
          times[rep] = System.nanoTime() - s;
          assertEquals(ROWS, rows);
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "Quiver decode %s %-28s best %.3f s median %.3f s (%.1f M rows/s)%n", name(f),
            required.simpleString(), times[0] / 1e9, times[times.length / 2] / 1e9,
            ROWS / (times[0] / 1e9) / 1e6);
      }
    }
  }

  private static String name(String f) {
    return f.contains("duck") ? "[duckdb file]" : "[quiver file]";
  }

  private long scan(String file, StructType required) {
    long rows = 0;
    long check = 0;
    try (BatchReader r = format.open(whole(file), SCHEMA, required, List.of(), FormatOptions.empty(), allocator,
        8192)) {
      VectorSchemaRoot b;
      while ((b = r.next()) != null) {
        try (VectorSchemaRoot batch = b) {
          rows += batch.getRowCount();
          // Touch one value per batch so the work cannot be skipped.
          FieldVector v = batch.getVector(0);
          check += v.isNull(0) ? 0 : 1;
        }
      }
    }
    return check >= 0 ? rows : -1;
  }

  private void writeQuiver(String path) {
    int batch = 8192;
    byte[][] cats = new byte[1000][];
    for (int k = 0; k < cats.length; k++) {
      cats[k] = ("category-" + k).getBytes(StandardCharsets.UTF_8);
    }
    try (BatchWriter w = format.create(path, SCHEMA, FormatOptions.empty(), allocator);
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(SCHEMA), allocator)) {
      IntVector iv = (IntVector) root.getVector(0);
      Float8Vector dv = (Float8Vector) root.getVector(1);
      VarCharVector sv = (VarCharVector) root.getVector(2);
      VarCharVector uv = (VarCharVector) root.getVector(3);
      for (int start = 0; start < ROWS; start += batch) {
        int n = Math.min(batch, ROWS - start);
        root.allocateNew();
        for (int j = 0; j < n; j++) {
          int i = start + j;
          iv.setSafe(j, i);
          dv.setSafe(j, i * 0.25);
          sv.setSafe(j, cats[i % 1000]);
          uv.setSafe(j, ("unique-string-" + i).getBytes(StandardCharsets.UTF_8));
        }
        root.setRowCount(n);
        w.write(root);
      }
    }
  }
}
