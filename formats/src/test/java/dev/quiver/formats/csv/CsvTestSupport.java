package dev.quiver.formats.csv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.BatchReader;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A leak-checked allocator per test, temp files, and reading whole files into plain Java rows. */
abstract class CsvTestSupport {
  final CsvFormat format = new CsvFormat();
  BufferAllocator allocator;

  @TempDir
  Path tmp;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    // Throws if a test leaked an Arrow buffer.
    allocator.close();
  }

  static FormatOptions opts(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return FormatOptions.of(m);
  }

  String file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  String file(String name, byte[] content) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, content);
    return p.toString();
  }

  static String resource(String name) {
    URL url = CsvTestSupport.class.getResource("/csv/" + name);
    assertTrue(url != null, "missing test resource csv/" + name);
    try {
      return Paths.get(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static FileInfo info(String path) {
    try {
      return new FileInfo(path, Files.size(Paths.get(path)), 0, Map.of());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  StructType infer(FormatOptions options, String... paths) {
    List<FileInfo> files = new ArrayList<>();
    for (String p : paths) {
      files.add(info(p));
    }
    return format.inferSchema(files, options);
  }

  List<List<Object>> read(String path, StructType schema, FormatOptions options) {
    return read(path, schema, schema, options, 1024);
  }

  List<List<Object>> read(String path, StructType data, StructType required, FormatOptions options, int batchSize) {
    long length = info(path).length();
    return readSplit(FileSplit.whole(path, length), data, required, options, batchSize);
  }

  List<List<Object>> readSplit(FileSplit split, StructType data, StructType required, FormatOptions options,
      int batchSize) {
    List<List<Object>> rows = new ArrayList<>();
    try (BatchReader reader = format.open(split, data, required, List.of(), options, allocator, batchSize)) {
      VectorSchemaRoot root;
      while ((root = reader.next()) != null) {
        try (VectorSchemaRoot batch = root) {
          assertTrue(batch.getRowCount() > 0 && batch.getRowCount() <= batchSize, "batch size");
          rows.addAll(rows(batch));
        }
      }
    }
    return rows;
  }

  static List<List<Object>> rows(VectorSchemaRoot root) {
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < root.getRowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (FieldVector v : root.getFieldVectors()) {
        row.add(value(v, r));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Plain Java values: String, Integer, Long, Double, BigDecimal, Boolean, LocalDate, micros as Long. */
  static Object value(FieldVector v, int row) {
    if (v.isNull(row)) {
      return null;
    }
    if (v instanceof VarCharVector s) {
      return new String(s.get(row), StandardCharsets.UTF_8);
    }
    if (v instanceof VarBinaryVector b) {
      return Arrays.toString(b.get(row));
    }
    if (v instanceof DateDayVector d) {
      return LocalDate.ofEpochDay(d.get(row));
    }
    if (v instanceof TimeStampMicroTZVector t) {
      return t.get(row);
    }
    if (v instanceof TimeStampMicroVector t) {
      return LocalDateTime.ofEpochSecond(Math.floorDiv(t.get(row), 1_000_000L),
          (int) Math.floorMod(t.get(row), 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
    }
    return v.getObject(row);
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
