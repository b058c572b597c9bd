package dev.quiver.executor.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.commit.OutputCommitter;
import dev.quiver.formats.commit.TaskCommitMessage;
import dev.quiver.formats.commit.WriteJob;
import dev.quiver.formats.commit.WriteMode;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.physical.FileScanExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.ScanPartition;
import dev.quiver.planner.physical.ScanSplit;
import dev.quiver.planner.physical.WriteFilesExec;
import dev.quiver.planner.physical.WriteSpec;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileScanOperator and WriteFilesOperator on real CSV and Parquet files. */
class FileOperatorsTest extends OperatorTestBase {
  @TempDir
  Path dir;

  private static final StructType DATA = new StructType().add("a", DataTypes.IntegerType)
      .add("b", DataTypes.StringType).add("c", DataTypes.DoubleType);
  private static final StructType PARTS = new StructType().add("year", DataTypes.IntegerType)
      .add("region", DataTypes.StringType);

  private static List<Object> r(Object... values) {
    return Arrays.asList(values);
  }

  private static AttributeReference column(StructType s, String name) {
    return AttributeReference.create(name, s.apply(name).dataType(), true);
  }

  /** Columns reordered and mixed with partition columns: c, year, a, region. */
  private static List<AttributeReference> mixedOutput() {
    return List.of(column(DATA, "c"), column(PARTS, "year"), column(DATA, "a"), column(PARTS, "region"));
  }

  private static ScanSplit whole(Path file, Object... partitionValues) throws IOException {
    long len = Files.size(file);
    return new ScanSplit(file.toString(), 0, len, len, Arrays.asList(partitionValues));
  }

  private static FileScanExec scan(String format, Map<String, String> options, List<AttributeReference> output,
      List<Expression> pushed, List<ScanPartition> partitions) {
    List<FileSource.SourceFile> files = new ArrayList<>();
    for (ScanPartition p : partitions) {
      for (ScanSplit s : p.splits()) {
        files.add(new FileSource.SourceFile(s.path(), s.fileLength(), s.partitionValues()));
      }
    }
    FileSource source = new FileSource(format, List.of("ignored"), options, DATA, PARTS, files);
    return new FileScanExec(source, output, pushed, partitions);
  }

  private Path csv(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private Path parquet(String name, List<Object[]> rows) {
    Path p = dir.resolve(name);
    List<AttributeReference> attrs = List.of(column(DATA, "a"), column(DATA, "b"), column(DATA, "c"));
    try (BatchWriter w = FileFormats.get("parquet").create(p.toString(), DATA, FormatOptions.empty(), allocator);
        Batch b = batch(attrs, rows); VectorSchemaRoot root = b.asRoot()) {
      w.write(root);
    }
    return p;
  }

  // ---------------------------------------------------------------- scan

  @Test
  void csvColumnsReorderedWithPartitionConstants() throws IOException {
    Path f = csv("year=2024/region=eu/part-0.csv", "a,b,c\n1,x,1.5\n2,y,\n3,,3.5\n");
    FileScanExec node = scan("csv", Map.of("header", "true"), mixedOutput(), List.of(),
        List.of(new ScanPartition(List.of(whole(f, 2024, "eu")))));
    TaskContext ctx = ctx(2);
    List<Integer> sizes = new ArrayList<>();
    List<List<Object>> rows = collect(new FileScanOperator(node, 0, ctx), sizes);
    assertEquals(List.of(r(1.5, 2024, 1, "eu"), r(null, 2024, 2, "eu"), r(3.5, 2024, 3, "eu")), rows);
    assertEquals(List.of(2, 1), sizes, "batches of the task's batch size");
    assertEquals(3, ctx.rowsRead());
  }

  @Test
  void parquetFilesOfSeveralPartitionsInOneTask() throws IOException {
    Path f1 = parquet("year=2023/region=us/p1.parquet", List.of(row(1, "x", 1.0), row(2, null, 2.0)));
    Path f2 = parquet("year=2024/region=__HIVE_DEFAULT_PARTITION__/p2.parquet", List.<Object[]>of(row(3, "z", null)));
    FileScanExec node = scan("parquet", Map.of(), mixedOutput(), List.of(),
        List.of(new ScanPartition(List.of(whole(f1, 2023, "us"), whole(f2, 2024, null)))));
    assertEquals(List.of(r(1.0, 2023, 1, "us"), r(2.0, 2023, 2, "us"), r(null, 2024, 3, null)),
        collect(new FileScanOperator(node, 0, ctx(1024))));
  }

  @Test
  void eachTaskReadsItsOwnPartition() throws IOException {
    Path f1 = csv("one.csv", "a,b,c\n1,x,1.0\n");
    Path f2 = csv("two.csv", "a,b,c\n2,y,2.0\n3,z,3.0\n");
    List<ScanPartition> parts = List.of(new ScanPartition(List.of(whole(f1, 1, "p"))),
        new ScanPartition(List.of(whole(f2, 2, "q"))));
    List<AttributeReference> out = List.of(column(DATA, "a"));
    FileScanExec node = scan("csv", Map.of("header", "true"), out, List.of(), parts);
    assertEquals(List.of(r(1)), collect(new FileScanOperator(node, 0, ctx(1024))));
    assertEquals(List.of(r(2), r(3)), collect(new FileScanOperator(node, 1, ctx(1024))));
    assertEquals(List.of(), collect(new FileScanOperator(node, 2, ctx(1024))), "a partition without splits");
  }

  @Test
  void splitsOfOneFileTogetherReadEveryRowOnce() throws IOException {
    StringBuilder sb = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 100; i++) {
      sb.append(i).append(",s").append(i).append(',').append(i * 0.5).append('\n');
    }
    Path f = csv("big.csv", sb.toString());
    long len = Files.size(f);
    List<ScanPartition> parts = new ArrayList<>();
    for (long start = 0; start < len; start += 97) {
      long l = Math.min(97, len - start);
      parts.add(new ScanPartition(List.of(new ScanSplit(f.toString(), start, l, len, List.of(7, "r")))));
    }
    FileScanExec node = scan("csv", Map.of("header", "true"), List.of(column(DATA, "a")), List.of(), parts);
    List<Object> all = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      for (List<Object> row : collect(new FileScanOperator(node, p, ctx(16)))) {
        all.add(row.get(0));
      }
    }
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add(i);
    }
    assertEquals(expected, all);
  }

  @Test
  void onlyPartitionColumnsOrNoColumnsStillCountRows() throws IOException {
    Path f = parquet("year=2020/region=x/p.parquet", List.of(row(1, "a", 1.0), row(2, "b", 2.0), row(3, "c", 3.0)));
    List<ScanPartition> parts = List.of(new ScanPartition(List.of(whole(f, 2020, "x"))));
    assertEquals(List.of(r("x", 2020), r("x", 2020), r("x", 2020)), collect(new FileScanOperator(
        scan("parquet", Map.of(), List.of(column(PARTS, "region"), column(PARTS, "year")), List.of(), parts), 0,
        ctx(1024))));
    List<List<Object>> none = collect(new FileScanOperator(scan("parquet", Map.of(), List.of(), List.of(), parts), 0,
        ctx(1024)));
    assertEquals(List.of(r(), r(), r()), none, "count(*) reads no column but knows the row count");
  }

  @Test
  void pushedFiltersAreAdvisory() throws IOException {
    Path f = parquet("p.parquet", List.of(row(1, "a", 1.0), row(10, "b", 2.0)));
    List<AttributeReference> out = List.of(column(DATA, "a"), column(DATA, "b"));
    Expression pushed = new Comparison(ComparisonOp.GT, out.get(0), Literal.of(100));
    FileScanExec node = scan("parquet", Map.of(), out, List.of(pushed),
        List.of(new ScanPartition(List.of(whole(f, 1, "z")))));
    // The row group's max is 10 < 100, so the reader may skip all of it; it must not return wrong rows.
    List<List<Object>> rows = collect(new FileScanOperator(node, 0, ctx(1024)));
    assertTrue(rows.isEmpty() || rows.equals(List.of(r(1, "a"), r(10, "b"))), rows.toString());
    Expression matching = new Comparison(ComparisonOp.GT, out.get(0), Literal.of(5));
    FileScanExec node2 = scan("parquet", Map.of(), out, List.of(matching),
        List.of(new ScanPartition(List.of(whole(f, 1, "z")))));
    assertTrue(collect(new FileScanOperator(node2, 0, ctx(1024))).contains(r(10, "b")));
  }

  @Test
  void aCancelledScanStopsAndClosesItsReader() throws IOException {
    Path f = csv("c.csv", "a,b,c\n1,x,1.0\n2,y,2.0\n3,z,3.0\n");
    FileScanExec node = scan("csv", Map.of("header", "true"), List.of(column(DATA, "b")), List.of(),
        List.of(new ScanPartition(List.of(whole(f, 1, "p")))));
    TaskContext ctx = ctx(1);
    FileScanOperator op = track(new FileScanOperator(node, 0, ctx));
    op.next().close();
    ctx.cancel();
    assertThrows(TaskContext.TaskCancelledException.class, op::next);
    op.close();
    // Closed early without cancellation: no more rows, and the open reader is released.
    FileScanOperator early = track(new FileScanOperator(node, 0, ctx(1)));
    early.next().close();
    early.close();
    assertNull(early.next());
  }

  // ---------------------------------------------------------------- write

  private final AttributeReference id = attr("id", DataTypes.LongType);
  private final AttributeReference name = attr("name", DataTypes.StringType);
  private final AttributeReference year = attr("year", DataTypes.IntegerType);
  private final AttributeReference dept = attr("dept", DataTypes.StringType);
  /** Partition columns in the middle of the input, in another order than partitionBy. */
  private final List<AttributeReference> input = List.of(id, year, name, dept);

  private List<Object[]> staff() {
    return List.of(row(1L, 2024, "Ann", "eng"), row(2L, 2023, "Bob", "ops"), row(3L, 2024, "Cid", "eng"),
        row(4L, null, "Dee", "a/b=c"), row(5L, 2024, "Eve", "ops"));
  }

  private record Written(OutputCommitter committer, WriteJob job) {}

  private Written setup(Path out) {
    OutputCommitter committer = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS,
        OutputCommitter.newJobId());
    return new Written(committer, committer.setupJob().orElseThrow());
  }

  private WriteFilesOperator writer(Written w, String format, Map<String, String> options, List<String> partitionBy,
      List<Object[]> rows, int partition) {
    WriteSpec spec = new WriteSpec(format, options, partitionBy, w.job().outputPath(), w.job().stagingDir(),
        w.job().jobId());
    WriteFilesExec node = new WriteFilesExec(spec, new LocalTableScanExec(input, List.of(), 1));
    return track(new WriteFilesOperator(node, source(input, 2, rows), partition, ctx(1024)));
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aPartitionedWriteMakesHiveDirectoriesWithoutThePartitionColumnsInside() throws IOException {
    Path out = dir.resolve("out");
    Written w = setup(out);
    WriteFilesOperator op = writer(w, "csv", Map.of("header", "true"), List.of("dept", "year"), staff(), 0);
    assertNull(op.next(), "a write returns no rows");
    assertEquals(5, op.rowsWritten());
    TaskCommitMessage msg = op.commit();
    assertTrue(msg.committed());
    assertEquals(4, msg.files().size());
    w.committer().commitJob(List.of(msg));

    List<String> files = files(out);
    List<String> dirs = files.stream().filter(f -> f.endsWith(".csv")).map(f -> f.substring(0, f.lastIndexOf('/')))
        .toList();
    assertEquals(List.of("dept=a%2Fb%3Dc/year=__HIVE_DEFAULT_PARTITION__", "dept=eng/year=2024", "dept=ops/year=2023",
        "dept=ops/year=2024"), dirs);
    assertTrue(files.contains("_SUCCESS"), files.toString());
    String eng = files.stream().filter(f -> f.startsWith("dept=eng/")).findFirst().orElseThrow();
    assertTrue(eng.matches("dept=eng/year=2024/part-00000-.*-c000\\.csv"), eng);
    assertEquals("id,name\n1,Ann\n3,Cid\n", Files.readString(out.resolve(eng)));
  }

  @Test
  void parquetFilesHoldTheDataColumnsOnly() throws IOException {
    Path out = dir.resolve("pq");
    Written w = setup(out);
    WriteFilesOperator op = writer(w, "parquet", Map.of(), List.of("year"), staff(), 3);
    op.next();
    w.committer().commitJob(List.of(op.commit()));
    String f2023 = files(out).stream().filter(f -> f.startsWith("year=2023/")).findFirst().orElseThrow();
    assertTrue(f2023.matches("year=2023/part-00003-.*\\.snappy\\.parquet"), f2023);
    Path p = out.resolve(f2023);
    FileFormat parquet = FileFormats.get("parquet");
    StructType schema = parquet.inferSchema(List.of(new dev.quiver.formats.FileInfo(p.toString(), Files.size(p), 0L,
        Map.of())), FormatOptions.empty());
    assertEquals(List.of("id", "name", "dept"), Arrays.asList(schema.fieldNames()));
    try (BatchReader reader = parquet.open(FileSplit.whole(p.toString(), Files.size(p)), schema, schema, List.of(),
        FormatOptions.empty(), allocator, 100)) {
      try (VectorSchemaRoot root = reader.next()) {
        assertEquals(1, root.getRowCount());
        assertEquals("Bob", root.getVector("name").getObject(0).toString());
      }
      assertNull(reader.next());
    }
  }

  @Test
  void anEmptyUnpartitionedResultStillLeavesOneFileFromTheFirstTask() throws IOException {
    Path out = dir.resolve("empty");
    Written w = setup(out);
    WriteFilesOperator first = writer(w, "parquet", Map.of(), List.of(), List.of(), 0);
    WriteFilesOperator second = writer(w, "parquet", Map.of(), List.of(), List.of(), 1);
    first.next();
    second.next();
    TaskCommitMessage m0 = first.commit();
    TaskCommitMessage m1 = second.commit();
    assertEquals(1, m0.files().size(), "so the schema can be read back");
    assertEquals(0, m1.files().size());
    w.committer().commitJob(List.of(m0, m1));
    Path file = out.resolve(m0.files().get(0));
    StructType schema = FileFormats.get("parquet").inferSchema(List.of(new dev.quiver.formats.FileInfo(
        file.toString(), Files.size(file), 0L, Map.of())), FormatOptions.empty());
    assertEquals(Plans.schemaOf(input).fieldNames().length, schema.length());
  }

  @Test
  void closingWithoutCommitRemovesTheAttemptsFiles() throws IOException {
    Path out = dir.resolve("aborted");
    Written w = setup(out);
    WriteFilesOperator op = writer(w, "csv", Map.of(), List.of("dept"), staff(), 0);
    op.next();
    assertFalse(files(Path.of(w.job().stagingDir().replace("file:", ""))).isEmpty(), "files were written");
    op.close();
    assertEquals(List.of(), files(Path.of(w.job().stagingDir().replace("file:", ""))).stream()
        .filter(f -> f.endsWith(".csv")).toList());
    w.committer().abortJob();
  }
}
