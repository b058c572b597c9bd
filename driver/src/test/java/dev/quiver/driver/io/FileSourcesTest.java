package dev.quiver.driver.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.FormatOptions;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourcesTest {
  @TempDir
  Path dir;

  private static FileSource resolve(String format, List<String> paths, Map<String, String> options,
      StructType schema) {
    return FileSources.resolve(format, paths, options, schema, ZoneOffset.UTC, false);
  }

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void csvWithHeaderAndInferredTypes() throws IOException {
    Path f = write("people.csv", "id,name,score,day\n1,Ann,1.5,2024-01-02\n2,Bob,,2024-03-04\n");
    FileSource s = resolve("csv", List.of(f.toString()), Map.of("header", "true", "inferSchema", "true"), null);
    assertEquals("csv", s.format());
    assertEquals(new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType)
        .add("score", DataTypes.DoubleType).add("day", DataTypes.DateType), s.dataSchema());
    assertEquals(0, s.partitionSchema().length());
    assertEquals(1, s.files().size());
    assertEquals(Files.size(f), s.files().get(0).length());
    assertTrue(s.files().get(0).path().endsWith("people.csv"), s.files().get(0).path());
    assertEquals(List.of(), s.files().get(0).partitionValues());
    assertEquals(List.of(f.toString()), s.paths());
    assertEquals("true", s.options().get("header"));
  }

  @Test
  void csvWithoutInferSchemaReadsStrings() throws IOException {
    Path f = write("people.csv", "id,name\n1,Ann\n");
    FileSource s = resolve("csv", List.of(f.toString()), Map.of("header", "true"), null);
    assertEquals(new StructType().add("id", DataTypes.StringType).add("name", DataTypes.StringType),
        s.dataSchema());
    FileSource noHeader = resolve("csv", List.of(f.toString()), Map.of(), null);
    assertEquals(List.of("_c0", "_c1"), Arrays.asList(noHeader.dataSchema().fieldNames()));
  }

  @Test
  void partitionDirectoriesAreDiscoveredWithInferredTypes() throws IOException {
    write("t/year=2024/a.csv", "id,name\n1,Ann\n");
    write("t/year=2023/b.csv", "id,name\n2,Bob\n");
    FileSource s = resolve("csv", List.of(dir.resolve("t").toString()),
        Map.of("header", "true", "inferSchema", "true"), null);
    assertEquals(new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType),
        s.dataSchema());
    assertEquals(new StructType().add("year", DataTypes.IntegerType), s.partitionSchema());
    assertEquals(List.of("id", "name", "year"), Arrays.asList(s.fullSchema().fieldNames()));
    assertEquals(2, s.files().size());
    // Sorted by path: year=2023 first.
    assertEquals(List.of(2023), s.files().get(0).partitionValues());
    assertEquals(List.of(2024), s.files().get(1).partitionValues());
  }

  @Test
  void aUserSchemaGivesTypesToDataAndPartitionColumns() throws IOException {
    write("t/year=2024/a.csv", "1,Ann\n");
    write("t/year=2023/b.csv", "2,Bob\n");
    StructType user = new StructType().add("id", DataTypes.LongType).add("YEAR", DataTypes.StringType)
        .add("name", DataTypes.StringType);
    FileSource s = resolve("csv", List.of(dir.resolve("t").toString()), Map.of(), user);
    assertEquals(new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType),
        s.dataSchema(), "partition columns are not data columns, matched ignoring case");
    assertEquals(1, s.partitionSchema().length());
    assertEquals(DataTypes.StringType, s.partitionSchema().apply(0).dataType());
    assertEquals(List.of("2023"), s.files().get(0).partitionValues());
  }

  @Test
  void aUserSchemaWithoutThePartitionColumnKeepsTheDiscoveredOne() throws IOException {
    write("t/year=2024/a.csv", "1,Ann\n");
    StructType user = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);
    FileSource s = resolve("csv", List.of(dir.resolve("t").toString()), Map.of(), user);
    assertEquals(user, s.dataSchema());
    assertEquals(new StructType().add("year", DataTypes.IntegerType), s.partitionSchema());
  }

  @Test
  void inferredDataColumnsNamedLikeAPartitionColumnAreDropped() throws IOException {
    write("t/year=2024/a.csv", "id,year\n1,1999\n");
    FileSource s = resolve("csv", List.of(dir.resolve("t").toString()), Map.of("header", "true"), null);
    assertEquals(List.of("id"), Arrays.asList(s.dataSchema().fieldNames()));
    assertEquals(List.of("id", "year"), Arrays.asList(s.fullSchema().fieldNames()));
  }

  @Test
  void parquetSchemaComesFromTheFooter() throws IOException {
    Path f = dir.resolve("t/part-0.parquet");
    StructType schema = new StructType().add("n", DataTypes.LongType);
    try (BufferAllocator allocator = new RootAllocator();
        BatchWriter w = FileFormats.get("parquet").create(f.toString(), schema, FormatOptions.empty(), allocator);
        BigIntVector v = new BigIntVector("n", allocator)) {
      v.allocateNew(2);
      v.set(0, 1);
      v.set(1, 2);
      v.setValueCount(2);
      try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(v.getField()), List.of(v), 2)) {
        w.write(root);
      }
    }
    FileSource s = resolve("parquet", List.of(dir.resolve("t").toString()), Map.of(), null);
    assertEquals("n", s.dataSchema().apply(0).name());
    assertEquals(DataTypes.LongType, s.dataSchema().apply(0).dataType());
    assertEquals(1, s.files().size());
  }

  @Test
  void anEmptyDirectoryOfParquetCannotBeInferred() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> resolve("parquet", List.of(empty.toString()), Map.of(), null));
    assertEquals("UNABLE_TO_INFER_SCHEMA", e.getErrorClass());
    assertTrue(e.getMessage().contains("Parquet") && e.getMessage().contains(empty.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("schema("), e.getMessage());
  }

  @Test
  void aDirectoryWithOnlyEmptyOrHiddenFilesCannotBeInferredEither() throws IOException {
    write("t/_SUCCESS", "");
    write("t/.hidden.parquet", "junk");
    write("t/part-0.parquet", "");
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> resolve("parquet", List.of(dir.resolve("t").toString()), Map.of(), null));
    assertEquals("UNABLE_TO_INFER_SCHEMA", e.getErrorClass());
  }

  @Test
  void anEmptyDirectoryWithAUserSchemaReadsNothing() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    StructType user = new StructType().add("a", DataTypes.IntegerType);
    FileSource s = resolve("parquet", List.of(empty.toString()), Map.of(), user);
    assertEquals(user, s.dataSchema());
    assertEquals(List.of(), s.files());
  }

  @Test
  void anEmptyDirectoryOfCsvCannotBeInferred() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> resolve("csv", List.of(empty.toString()), Map.of("header", "true"), null));
    assertEquals("UNABLE_TO_INFER_SCHEMA", e.getErrorClass());
  }

  @Test
  void aMissingPathIsNotFound() {
    String missing = dir.resolve("nope.csv").toString();
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> resolve("csv", List.of(missing), Map.of(), null));
    assertEquals("PATH_NOT_FOUND", e.getErrorClass());
    assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
    AnalysisException glob = assertThrows(AnalysisException.class,
        () -> resolve("parquet", List.of(dir.resolve("*.parquet").toString()), Map.of(), null));
    assertEquals("PATH_NOT_FOUND", glob.getErrorClass());
  }

  @Test
  void noPathsAtAll() {
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> resolve("csv", new ArrayList<>(), Map.of(), null));
    assertTrue(e.getMessage().contains("No path"), e.getMessage());
  }

  @Test
  void anUnknownFormat() {
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> resolve("avro", List.of(dir.toString()), Map.of(), null));
    assertEquals("DATA_SOURCE_NOT_FOUND", e.getErrorClass());
  }

  @Test
  void severalPathsAreReadTogether() throws IOException {
    Path a = write("a.csv", "x\n1\n");
    Path b = write("b.csv", "x\n2\n");
    FileSource s = resolve("csv", List.of(a.toString(), b.toString()), Map.of("header", "true"), null);
    assertEquals(2, s.files().size());
    assertEquals(Files.size(a) + Files.size(b), s.totalBytes());
  }
}
