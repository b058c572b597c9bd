package dev.quiver.formats.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.HadoopFs;
import dev.quiver.formats.listing.FileListing;
import dev.quiver.formats.listing.ListedFiles;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputCommitterTest {
  @TempDir
  Path dir;

  /** Writes a small file the way a format writer would: through Hadoop's FileSystem, at the given path. */
  private static String writeFile(TaskCommitter task, String partitionDir, String content) throws IOException {
    String path = task.newFile(partitionDir, ".csv");
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try (OutputStream out = HadoopFs.fs(p).create(p, false)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return path;
  }

  /** Every path below {@code root}, relative, sorted; directories end with '/'. */
  private static TreeSet<String> tree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return new TreeSet<>();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.equals(root))
          .map(p -> root.relativize(p).toString() + (Files.isDirectory(p) ? "/" : ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static List<String> dataFiles(Path root) throws IOException {
    return tree(root).stream().filter(n -> !n.endsWith("/") && !n.endsWith("_SUCCESS")).toList();
  }

  private static String read(Path root, String relative) throws IOException {
    return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
  }

  /** Runs a complete job writing one file per task with the given contents; returns the committer. */
  private static OutputCommitter write(Path out, WriteMode mode, String... contents) throws IOException {
    OutputCommitter job = new OutputCommitter(out.toString(), mode, OutputCommitter.newJobId());
    Optional<WriteJob> spec = job.setupJob();
    if (spec.isEmpty()) {
      return job;
    }
    List<TaskCommitMessage> messages = new java.util.ArrayList<>();
    for (int i = 0; i < contents.length; i++) {
      TaskCommitter task = spec.get().taskCommitter(i, 0);
      writeFile(task, "", contents[i]);
      messages.add(task.commitTask());
    }
    job.commitJob(messages);
    return job;
  }

  @Test
  void errorIfExistsWritesANewDirectory() throws IOException {
    Path out = dir.resolve("out");
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "job-1");
    WriteJob spec = job.setupJob().orElseThrow();
    assertEquals("file:" + out, spec.outputPath());
    assertEquals("file:" + out + "/_temporary/job-1", spec.stagingDir());
    TaskCommitter t0 = spec.taskCommitter(0, 0);
    TaskCommitter t1 = spec.taskCommitter(1, 0);
    writeFile(t0, "", "a");
    writeFile(t1, "", "b");
    TaskCommitMessage m0 = t0.commitTask();
    TaskCommitMessage m1 = t1.commitTask();
    assertEquals(List.of("part-00000-job-1-c000.csv"), m0.files());
    assertTrue(m0.committed());
    List<String> published = job.commitJob(List.of(m1, m0));
    assertEquals(List.of("file:" + out + "/part-00000-job-1-c000.csv", "file:" + out + "/part-00001-job-1-c000.csv"),
        published);
    assertEquals(new TreeSet<>(List.of("_SUCCESS", "part-00000-job-1-c000.csv", "part-00001-job-1-c000.csv")),
        tree(out));
    assertEquals("a", read(out, "part-00000-job-1-c000.csv"));
    assertEquals(0, Files.size(out.resolve("_SUCCESS")));
  }

  @Test
  void errorIfExistsFailsOnAnExistingPath() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("old.csv"), "old");
    AnalysisException e = assertThrows(AnalysisException.class,
        () -> new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "j").setupJob());
    assertEquals("[PATH_ALREADY_EXISTS] Path file:" + out + " already exists. Set mode as \"overwrite\" to "
        + "overwrite the existing path. SQLSTATE: 42K04", e.getMessage());
    assertEquals(new TreeSet<>(List.of("old.csv")), tree(out));

    // As in Spark, an existing empty directory counts as existing.
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThrows(AnalysisException.class,
        () -> new OutputCommitter(empty.toString(), WriteMode.ERROR_IF_EXISTS, "j").setupJob());
    Path file = Files.writeString(dir.resolve("file.csv"), "x");
    assertThrows(AnalysisException.class,
        () -> new OutputCommitter(file.toString(), WriteMode.ERROR_IF_EXISTS, "j").setupJob());
  }

  @Test
  void ignoreSkipsAnExistingPathAndWritesANewOne() throws IOException {
    Path out = dir.resolve("out");
    write(out, WriteMode.IGNORE, "first");
    assertEquals(List.of("first"), dataFiles(out).stream().map(f -> uncheckedRead(out, f)).toList());
    OutputCommitter again = new OutputCommitter(out.toString(), WriteMode.IGNORE, "j2");
    assertEquals(Optional.empty(), again.setupJob());
    again.abortJob();
    assertEquals(1, dataFiles(out).size());
    assertFalse(Files.exists(out.resolve("_temporary")));
  }

  private static String uncheckedRead(Path root, String relative) {
    try {
      return read(root, relative);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void overwriteReplacesTheOldOutputOnlyAtCommit() throws IOException {
    Path out = dir.resolve("out");
    write(out, WriteMode.ERROR_IF_EXISTS, "old0", "old1", "old2");
    TreeSet<String> before = tree(out);

    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.OVERWRITE, "ow");
    WriteJob spec = job.setupJob().orElseThrow();
    assertEquals("file:" + dir.resolve(".out-quiver-staging-ow"), spec.stagingDir());
    TaskCommitter t = spec.taskCommitter(0, 0);
    writeFile(t, "", "new");
    TaskCommitMessage m = t.commitTask();
    // Until the job commits, readers see exactly the old output.
    assertEquals(before, tree(out));
    job.commitJob(List.of(m));

    assertEquals(new TreeSet<>(List.of("_SUCCESS", "part-00000-ow-c000.csv")), tree(out));
    assertEquals("new", read(out, "part-00000-ow-c000.csv"));
    // No staging or old-output directory is left beside the output.
    assertEquals(new TreeSet<>(List.of("out/")), topLevel());
  }

  private TreeSet<String> topLevel() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void abortedOverwriteKeepsTheOldOutput() throws IOException {
    Path out = dir.resolve("out");
    write(out, WriteMode.ERROR_IF_EXISTS, "old0", "old1");
    TreeSet<String> before = tree(out);
    List<String> oldFiles = dataFiles(out);

    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.OVERWRITE, "ow");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter t0 = spec.taskCommitter(0, 0);
    writeFile(t0, "", "new0");
    t0.commitTask();
    TaskCommitter t1 = spec.taskCommitter(1, 0);
    writeFile(t1, "", "new1");
    t1.abortTask();
    job.abortJob();
    job.abortJob();

    assertEquals(before, tree(out));
    assertEquals("old0", read(out, oldFiles.get(0)));
    assertEquals(new TreeSet<>(List.of("out/")), topLevel());
    assertThrows(IllegalStateException.class, () -> job.commitJob(List.of()));
  }

  @Test
  void overwriteOfANonExistingPathAndOfAFile() throws IOException {
    Path out = dir.resolve("new/out");
    write(out, WriteMode.OVERWRITE, "x");
    assertEquals(1, dataFiles(out).size());

    Path file = Files.writeString(dir.resolve("f.csv"), "a file");
    write(file, WriteMode.OVERWRITE, "y");
    assertTrue(Files.isDirectory(file));
    assertEquals(List.of("y"), dataFiles(file).stream().map(f -> uncheckedRead(file, f)).toList());
  }

  @Test
  void appendAddsFilesWithNewNames() throws IOException {
    Path out = dir.resolve("out");
    write(out, WriteMode.APPEND, "a0", "a1");
    write(out, WriteMode.APPEND, "b0", "b1");
    List<String> files = dataFiles(out);
    assertEquals(4, files.size());
    assertEquals(4, new TreeSet<>(files).size());
    assertEquals(List.of("a0", "a1", "b0", "b1"),
        files.stream().map(f -> uncheckedRead(out, f)).sorted().toList());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertFalse(Files.exists(out.resolve("_temporary")));
  }

  @Test
  void appendToAFileIsAClearError() throws IOException {
    Path file = Files.writeString(dir.resolve("f.csv"), "x");
    QuiverException e = assertThrows(QuiverException.class,
        () -> new OutputCommitter(file.toString(), WriteMode.APPEND, "j").setupJob());
    assertTrue(e.getMessage().contains("it is a file, not a directory"), e.getMessage());
  }

  @Test
  void onlyTheFirstAttemptToCommitWins() throws IOException {
    Path out = dir.resolve("out");
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "j");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter slow = spec.taskCommitter(0, 0);
    TaskCommitter fast = spec.taskCommitter(0, 1);
    writeFile(slow, "", "slow");
    writeFile(slow, "p=1", "slow-extra");
    writeFile(fast, "", "fast");

    TaskCommitMessage won = fast.commitTask();
    TaskCommitMessage lost = slow.commitTask();
    assertTrue(won.committed());
    assertFalse(lost.committed());
    assertEquals(List.of(), lost.files());
    assertFalse(Files.exists(java.nio.file.Paths.get(java.net.URI.create(slow.attemptDir()))));

    job.commitJob(List.of(won, lost));
    assertEquals(new TreeSet<>(List.of("_SUCCESS", "part-00000-j-c000.csv")), tree(out));
    assertEquals("fast", read(out, "part-00000-j-c000.csv"));
  }

  @Test
  void concurrentAttemptsCommitExactlyOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      Path out = dir.resolve("race" + round);
      OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "r" + round);
      WriteJob spec = job.setupJob().orElseThrow();
      int attempts = 8;
      List<TaskCommitter> tasks = new java.util.ArrayList<>();
      for (int a = 0; a < attempts; a++) {
        TaskCommitter t = spec.taskCommitter(0, a);
        writeFile(t, "", "attempt " + a);
        writeFile(t, "p=1", "attempt " + a);
        tasks.add(t);
      }
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(attempts);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
      List<java.util.concurrent.Future<TaskCommitMessage>> results = new java.util.ArrayList<>();
      for (TaskCommitter t : tasks) {
        results.add(pool.submit(() -> {
          start.await();
          return t.commitTask();
        }));
      }
      List<TaskCommitMessage> messages = new java.util.ArrayList<>();
      for (var f : results) {
        messages.add(f.get());
      }
      pool.shutdown();
      List<TaskCommitMessage> winners = messages.stream().filter(TaskCommitMessage::committed).toList();
      assertEquals(1, winners.size(), messages.toString());
      job.commitJob(messages);
      String expected = "attempt " + winners.get(0).attemptNumber();
      assertEquals(new TreeSet<>(List.of("_SUCCESS", "p=1/", "p=1/part-00000-r" + round + "-c000.csv",
          "part-00000-r" + round + "-c000.csv")), tree(out));
      assertEquals(expected, read(out, "part-00000-r" + round + "-c000.csv"));
      assertEquals(expected, read(out, "p=1/part-00000-r" + round + "-c000.csv"));
    }
  }

  @Test
  void aTaskWhoseReportWasLostIsStillPublished() throws IOException {
    Path out = dir.resolve("out");
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "j");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter first = spec.taskCommitter(0, 0);
    writeFile(first, "", "first");
    assertTrue(first.commitTask().committed());
    // The driver never heard of attempt 0 and ran attempt 1, which finds the task committed.
    TaskCommitter retry = spec.taskCommitter(0, 1);
    writeFile(retry, "", "retry");
    TaskCommitMessage late = retry.commitTask();
    assertFalse(late.committed());
    job.commitJob(List.of(late));
    assertEquals("first", read(out, "part-00000-j-c000.csv"));
  }

  @Test
  void abortJobLeavesNoTraceOfANewOutput() throws IOException {
    Path out = dir.resolve("out");
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "j");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter t = spec.taskCommitter(0, 0);
    writeFile(t, "a=1", "x");
    t.commitTask();
    TaskCommitter running = spec.taskCommitter(1, 0);
    writeFile(running, "a=2", "y");
    job.abortJob();
    assertFalse(Files.exists(out));
    assertEquals(new TreeSet<>(), topLevel());
  }

  @Test
  void abortJobLeavesAnAppendTargetAsItWas() throws IOException {
    Path out = dir.resolve("out");
    write(out, WriteMode.APPEND, "a0");
    TreeSet<String> before = tree(out);
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.APPEND, "j2");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter t = spec.taskCommitter(0, 0);
    writeFile(t, "", "b0");
    t.commitTask();
    job.abortJob();
    assertEquals(before, tree(out));
  }

  @Test
  void successMarkerAndFilesAppearOnlyAtCommit() throws IOException {
    Path out = dir.resolve("out");
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "j");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter t = spec.taskCommitter(0, 0);
    writeFile(t, "", "x");
    TaskCommitMessage m = t.commitTask();
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
    // A reader listing the output during the job finds no data file.
    assertEquals(List.of(), FileListing.list(List.of(out.toString()), FormatOptions.empty()).files());
    job.commitJob(List.of(m));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertEquals(1, FileListing.list(List.of(out.toString()), FormatOptions.empty()).files().size());
  }

  @Test
  void failedAppendCommitMovesFilesBack() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    // A file already has the name task 1 will produce (same job id reused), so the commit fails midway.
    Files.writeString(out.resolve("part-00001-dup-c000.csv"), "existing");
    TreeSet<String> before = tree(out);
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.APPEND, "dup");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter t0 = spec.taskCommitter(0, 0);
    writeFile(t0, "p=1", "zero");
    TaskCommitter t1 = spec.taskCommitter(1, 0);
    writeFile(t1, "", "one");
    List<TaskCommitMessage> messages = List.of(t0.commitTask(), t1.commitTask());
    QuiverException e = assertThrows(QuiverException.class, () -> job.commitJob(messages));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    job.abortJob();
    assertEquals(before, tree(out));
    assertEquals("existing", read(out, "part-00001-dup-c000.csv"));
  }

  @Test
  void commitWithAnUncommittedTaskFails() throws IOException {
    Path out = dir.resolve("out");
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "j");
    job.setupJob().orElseThrow();
    QuiverException e = assertThrows(QuiverException.class,
        () -> job.commitJob(List.of(new TaskCommitMessage(3, 0, true, List.of("part-00003-j-c000.csv")))));
    assertTrue(e.getMessage().contains("Task 3"), e.getMessage());
    job.abortJob();
    assertFalse(Files.exists(out));
  }

  @Test
  void jobWithoutTasksWritesOnlySuccess() throws IOException {
    Path out = dir.resolve("out");
    write(out, WriteMode.ERROR_IF_EXISTS);
    assertEquals(new TreeSet<>(List.of("_SUCCESS")), tree(out));
  }

  @Test
  void partitionedWriteIsReadBackWithItsValues() throws IOException {
    Path out = dir.resolve("out");
    List<String> columns = List.of("year", "city", "day", "ts");
    List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.StringType, DataTypes.DateType,
        DataTypes.TimestampType);
    int day = (int) LocalDate.of(2024, 3, 1).toEpochDay();
    long ts = LocalDate.of(2024, 3, 1).atTime(10, 30, 5).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 250_000;
    String dir1 = PartitionPaths.partitionDir(columns, types, List.of(2024, "a/b=c d", day, ts), ZoneOffset.UTC);
    String dir2 = PartitionPaths.partitionDir(columns, types, Arrays.asList(2023, null, day, ts), ZoneOffset.UTC);
    assertEquals("year=2024/city=a%2Fb%3Dc d/day=2024-03-01/ts=2024-03-01 10%3A30%3A05.25", dir1);
    assertEquals("year=2023/city=__HIVE_DEFAULT_PARTITION__/day=2024-03-01/ts=2024-03-01 10%3A30%3A05.25", dir2);

    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "pj");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter t = spec.taskCommitter(7, 2);
    String f1 = writeFile(t, dir1, "1");
    String f2 = writeFile(t, dir1, "2");
    String f3 = writeFile(t, dir2, "3");
    assertTrue(f1.endsWith("/" + dir1 + "/part-00007-pj-c000.csv"), f1);
    assertTrue(f2.endsWith("/" + dir1 + "/part-00007-pj-c001.csv"), f2);
    assertTrue(f3.endsWith("/" + dir2 + "/part-00007-pj-c000.csv"), f3);
    TaskCommitMessage m = t.commitTask();
    assertEquals(List.of(dir2 + "/part-00007-pj-c000.csv", dir1 + "/part-00007-pj-c000.csv",
        dir1 + "/part-00007-pj-c001.csv"), m.files());
    job.commitJob(List.of(m));

    assertEquals("1", read(out, dir1 + "/part-00007-pj-c000.csv"));
    ListedFiles listed = FileListing.list(List.of(out.toString()), FormatOptions.empty().with("timeZone", "UTC"));
    StructType schema = new StructType().add("year", DataTypes.IntegerType, true)
        .add("city", DataTypes.StringType, true).add("day", DataTypes.DateType, true)
        // One fraction digit at most is a timestamp for Spark's partition inference; ".25" is a string.
        .add("ts", DataTypes.StringType, true);
    assertEquals(schema, listed.partitionSchema());
    assertEquals(3, listed.files().size());
    assertEquals(Arrays.asList(2023, null, day, "2024-03-01 10:30:05.25"), listed.partitionValues(0));
    assertEquals(List.of(2024, "a/b=c d", day, "2024-03-01 10:30:05.25"), listed.partitionValues(1));
  }

  @Test
  void fileNamesFollowSpark() throws IOException {
    String jobId = OutputCommitter.newJobId();
    OutputCommitter job = new OutputCommitter(dir.resolve("out").toString(), WriteMode.ERROR_IF_EXISTS, jobId);
    TaskCommitter t = job.setupJob().orElseThrow().taskCommitter(123456, 0);
    String name = new org.apache.hadoop.fs.Path(t.newFile("", ".snappy.parquet")).getName();
    assertTrue(name.matches("part-123456-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-c000"
        + "\\.snappy\\.parquet"), name);
    assertTrue(t.newFile("", ".csv").endsWith("-c001.csv"));
    assertThrows(IllegalArgumentException.class, () -> t.newFile("../escape", ".csv"));
    assertThrows(IllegalArgumentException.class, () -> t.newFile("/abs", ".csv"));
    assertThrows(IllegalArgumentException.class, () -> new OutputCommitter(dir.toString(), WriteMode.APPEND, "a/b"));
    job.abortJob();
  }

  @Test
  void taskCommitterSerializesToAnotherProcess() throws Exception {
    Path out = dir.resolve("out");
    OutputCommitter job = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS, "ser");
    WriteJob spec = job.setupJob().orElseThrow();
    TaskCommitter remote = roundTrip(roundTrip(spec).taskCommitter(0, 0));
    writeFile(remote, "", "remote");
    TaskCommitMessage m = roundTrip(remote.commitTask());
    job.commitJob(List.of(m));
    assertEquals("remote", read(out, "part-00000-ser-c000.csv"));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void abortTaskDeletesTheAttempt() throws IOException {
    OutputCommitter job = new OutputCommitter(dir.resolve("out").toString(), WriteMode.ERROR_IF_EXISTS, "j");
    job.setupJob().orElseThrow();
    TaskCommitter t = job.newTaskCommitter(0, 0);
    writeFile(t, "a=1", "x");
    Path attempt = java.nio.file.Paths.get(java.net.URI.create(t.attemptDir()));
    assertTrue(Files.exists(attempt));
    t.abortTask();
    t.abortTask();
    assertFalse(Files.exists(attempt));
    job.abortJob();
  }

  @Test
  void writeModeNamesAreSparks() {
    assertEquals(WriteMode.OVERWRITE, WriteMode.fromString("Overwrite"));
    assertEquals(WriteMode.APPEND, WriteMode.fromString("append"));
    assertEquals(WriteMode.IGNORE, WriteMode.fromString("IGNORE"));
    assertEquals(WriteMode.ERROR_IF_EXISTS, WriteMode.fromString("errorifexists"));
    assertEquals(WriteMode.ERROR_IF_EXISTS, WriteMode.fromString("error"));
    assertEquals(WriteMode.ERROR_IF_EXISTS, WriteMode.fromString("default"));
    AnalysisException e = assertThrows(AnalysisException.class, () -> WriteMode.fromString("replace"));
    assertEquals("INVALID_SAVE_MODE", e.getErrorClass());
    assertNotEquals(-1, e.getMessage().indexOf("\"replace\""));
  }
}
