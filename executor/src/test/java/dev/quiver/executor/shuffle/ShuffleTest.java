package dev.quiver.executor.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.formats.ipc.PartitionedIpcFile;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ShuffleMapWriter output read back with ShuffleBlockReader over LocalBlocks. */
class ShuffleTest extends OperatorTestBase {
  @TempDir
  Path dir;

  private final AttributeReference key = attr("key", DataTypes.StringType);
  private final AttributeReference value = attr("value", DataTypes.LongType);
  private final List<AttributeReference> schema = List.of(key, value);
  private int maps;

  /** Writes {@code rows} in batches of {@code rowsPerBatch} as one map task's output. */
  private TaskOutcome.MapOutput writeMap(Partitioning partitioning, List<Object[]> rows, int rowsPerBatch,
      int batchSize) {
    int m = maps++;
    return writeMap(partitioning, rows, rowsPerBatch, batchSize, m, "map" + m);
  }

  private TaskOutcome.MapOutput writeMap(Partitioning partitioning, List<Object[]> rows, int rowsPerBatch,
      int batchSize, int mapPartition, String fileName) {
    return writeMap(partitioning, rows, rowsPerBatch, batchSize, mapPartition, fileName,
        ShuffleMapWriter.DEFAULT_HOLD_BYTES);
  }

  private TaskOutcome.MapOutput writeMap(Partitioning partitioning, List<Object[]> rows, int rowsPerBatch,
      int batchSize, int mapPartition, String fileName, long holdBytes) {
    TaskContext ctx = ctx(batchSize);
    Path data = dir.resolve("stage0/" + fileName + ".data");
    Path index = dir.resolve("stage0/" + fileName + ".index");
    try (ShuffleMapWriter w = new ShuffleMapWriter(data, index, partitioning, schema, mapPartition, ctx, null, null,
        holdBytes)) {
      for (int i = 0; i < rows.size(); i += rowsPerBatch) {
        w.write(batch(schema, rows.subList(i, Math.min(rows.size(), i + rowsPerBatch))));
      }
      return w.finish(new TaskOutcome.TaskMetrics(rows.size(), 0, 0, 0, 0));
    }
  }

  private List<List<Object>> read(List<TaskOutcome.MapOutput> outputs, int partition) {
    List<ShuffleBlockReader.BlockSource> blocks = new ArrayList<>();
    for (TaskOutcome.MapOutput m : outputs) {
      blocks.add(LocalBlocks.range(Path.of(m.dataFile()), Path.of(m.indexFile()), m.partitionRows().length,
          partition));
    }
    return collect(new ShuffleBlockReader(blocks, allocator, () -> "partition " + partition));
  }

  private static List<Object[]> rows(Random r, int n, int distinctKeys) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(distinctKeys + 1);
      rows.add(row(k == distinctKeys ? null : "key-" + k, (long) i));
    }
    return rows;
  }

  private static Partitioning hash(AttributeReference k, int n) {
    return new Partitioning.Hash(List.of(k), n);
  }

  @Test
  void hashPartitioningSendsEqualKeysToOnePartition() {
    List<Object[]> input = rows(new Random(1), 2000, 50);
    int n = 4;
    TaskOutcome.MapOutput out = writeMap(hash(key, n), input, 100, 64);
    Map<Object, Integer> partitionOfKey = new HashMap<>();
    List<Long> values = new ArrayList<>();
    long[] seen = new long[n];
    for (int p = 0; p < n; p++) {
      for (List<Object> row : read(List.of(out), p)) {
        Integer before = partitionOfKey.put(row.get(0) == null ? "<null>" : row.get(0), p);
        assertTrue(before == null || before == p, "key " + row.get(0) + " in partitions " + before + " and " + p);
        values.add((Long) row.get(1));
        seen[p]++;
      }
    }
    assertEquals(2000, values.size());
    assertEquals(2000, values.stream().distinct().count(), "every row exactly once");
    for (int p = 0; p < n; p++) {
      assertEquals(seen[p], out.partitionRows()[p]);
      assertTrue(seen[p] > 0, "50 keys reach all of 4 partitions");
    }
    assertEquals(2000, out.metrics().rowsWritten());
    assertEquals(2000, out.metrics().rowsRead());
  }

  @Test
  void rowsOfAPartitionKeepTheirMapOrder() {
    List<Object[]> input = rows(new Random(2), 500, 5);
    TaskOutcome.MapOutput out = writeMap(hash(key, 3), input, 37, 50);
    for (int p = 0; p < 3; p++) {
      List<Long> values = read(List.of(out), p).stream().map(r -> (Long) r.get(1)).toList();
      List<Long> sorted = new ArrayList<>(values);
      sorted.sort(null);
      assertEquals(sorted, values);
    }
  }

  @Test
  void roundRobinSpreadsRowsEvenlyAcrossBatches() {
    List<Object[]> input = rows(new Random(3), 1003, 1);
    TaskOutcome.MapOutput out = writeMap(new Partitioning.RoundRobin(4), input, 10, 100);
    long min = Long.MAX_VALUE;
    long max = 0;
    long total = 0;
    for (int p = 0; p < 4; p++) {
      long c = read(List.of(out), p).size();
      assertEquals(c, out.partitionRows()[p]);
      min = Math.min(min, c);
      max = Math.max(max, c);
      total += c;
    }
    assertEquals(1003, total);
    assertTrue(max - min <= 1, "min " + min + ", max " + max);
  }

  @Test
  void everyAttemptOfAMapTaskDealsRoundRobinRowsAlike() {
    List<Object[]> input = rows(new Random(11), 97, 3);
    TaskOutcome.MapOutput first = writeMap(new Partitioning.RoundRobin(5), input, 10, 100, 3, "map3-0");
    TaskOutcome.MapOutput retry = writeMap(new Partitioning.RoundRobin(5), input, 10, 100, 3, "map3-1");
    for (int p = 0; p < 5; p++) {
      assertEquals(read(List.of(first), p), read(List.of(retry), p), "partition " + p);
    }
    // Different map tasks start at different places, so small map outputs do not all pile up in partition 0.
    java.util.Set<Long> firstRowPartitions = new java.util.HashSet<>();
    for (int m = 0; m < 10; m++) {
      TaskOutcome.MapOutput one = writeMap(new Partitioning.RoundRobin(5), input.subList(0, 1), 1, 10, m, "one" + m);
      for (int p = 0; p < 5; p++) {
        if (one.partitionRows()[p] == 1) {
          firstRowPartitions.add((long) p);
        }
      }
    }
    assertTrue(firstRowPartitions.size() > 1, firstRowPartitions.toString());
  }

  @Test
  void emptyPartitionsAreReadable() {
    List<Object[]> input = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      input.add(row("same", (long) i));
    }
    TaskOutcome.MapOutput out = writeMap(hash(key, 8), input, 6, 100);
    int nonEmpty = 0;
    for (int p = 0; p < 8; p++) {
      List<List<Object>> rows = read(List.of(out), p);
      if (!rows.isEmpty()) {
        nonEmpty++;
        assertEquals(20, rows.size());
      } else {
        assertEquals(0, out.partitionRows()[p]);
        assertTrue(out.partitionBytes()[p] > 0, "an empty partition is still a complete (schema-only) stream");
      }
    }
    assertEquals(1, nonEmpty);
  }

  @Test
  void aMapTaskWithoutRowsWritesReadableEmptyPartitions() {
    TaskOutcome.MapOutput out = writeMap(hash(key, 3), List.of(), 10, 10);
    for (int p = 0; p < 3; p++) {
      assertEquals(List.of(), read(List.of(out), p));
      assertEquals(0, out.partitionRows()[p]);
    }
  }

  @Test
  void manyPartitionsAndManyMapOutputs() {
    int n = 200;
    List<TaskOutcome.MapOutput> outs = new ArrayList<>();
    Random r = new Random(4);
    List<List<Object[]>> inputs = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      List<Object[]> input = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        input.add(row("k" + r.nextInt(1000), (long) (m * 10_000 + i)));
      }
      inputs.add(input);
      outs.add(writeMap(hash(key, n), input, 250, 16));
    }
    long total = 0;
    Map<Object, Integer> partitionOfKey = new HashMap<>();
    for (int p = 0; p < n; p++) {
      List<List<Object>> rows = read(outs, p);
      long lastMap = -1;
      for (List<Object> row : rows) {
        Integer before = partitionOfKey.put(row.get(0), p);
        assertTrue(before == null || before == p);
        long map = (Long) row.get(1) / 10_000;
        assertTrue(map >= lastMap, "blocks are read in map order");
        lastMap = map;
      }
      total += rows.size();
    }
    assertEquals(9000, total);
    // The index has one offset per partition plus the end, and every partition is a byte range of the data.
    for (TaskOutcome.MapOutput o : outs) {
      long[] offsets = readIndex(o);
      assertEquals(n + 1, offsets.length);
      long sum = 0;
      for (int p = 0; p < n; p++) {
        assertEquals(offsets[p + 1] - offsets[p], o.partitionBytes()[p]);
        sum += o.partitionBytes()[p];
      }
      assertEquals(sum, sizeOf(o.dataFile()));
      assertEquals(sum, o.metrics().bytesWritten());
    }
  }

  @Test
  void largeRowsAreFlushedAndReadBack() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      big.append((char) ('a' + i % 26));
    }
    List<Object[]> input = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      input.add(row(big + "-" + (i % 3), (long) i));
    }
    // ~3 MB through partitions of a single key each: flushed by size before the row count bound.
    TaskOutcome.MapOutput out = writeMap(hash(key, 2), input, 100, 1_000_000);
    long total = 0;
    for (int p = 0; p < 2; p++) {
      List<List<Object>> rows = read(List.of(out), p);
      for (List<Object> row : rows) {
        assertTrue(((String) row.get(0)).startsWith(big.toString()));
      }
      total += rows.size();
    }
    assertEquals(1500, total);
  }

  /**
   * A skewed map output over a small hold limit: the hot key's partition outgrows it and is spilled to a
   * temporary file, the others stay in memory until the end and are written straight into the data file. Both
   * kinds read back whole and in order, and the data file holds exactly the partitions' bytes.
   */
  @Test
  void spilledAndUnspilledPartitionsShareOneDataFile() throws IOException {
    List<Object[]> input = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      input.add(row(i % 40 == 0 ? "cold-" + i : "hot", (long) i));
    }
    TaskOutcome.MapOutput out = writeMap(hash(key, 4), input, 10, 50, maps++, "map" + (maps - 1), 1000);
    long total = 0;
    long bytes = 0;
    for (int p = 0; p < 4; p++) {
      List<List<Object>> rows = read(List.of(out), p);
      long previous = -1;
      for (List<Object> r : rows) {
        assertTrue((Long) r.get(1) > previous, "map order within partition " + p);
        previous = (Long) r.get(1);
      }
      assertEquals(out.partitionRows()[p], rows.size());
      total += rows.size();
      bytes += out.partitionBytes()[p];
    }
    assertEquals(400, total);
    assertEquals(bytes, sizeOf(out.dataFile()));
    try (Stream<Path> s = Files.list(Path.of(out.dataFile()).getParent())) {
      assertEquals(List.of("map" + (maps - 1) + ".data", "map" + (maps - 1) + ".index"),
          s.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void partitionsStayInMemoryUntilTheOutputOutgrowsTheHoldLimit() throws IOException {
    List<Object[]> input = rows(new Random(9), 3000, 30);
    Map<Long, List<List<Object>>> read = new HashMap<>();
    for (long hold : List.of(ShuffleMapWriter.DEFAULT_HOLD_BYTES, 4096L)) {
      Path data = dir.resolve("hold" + hold + "/map.data");
      Path index = dir.resolve("hold" + hold + "/map.index");
      TaskOutcome.MapOutput out;
      try (ShuffleMapWriter w = new ShuffleMapWriter(data, index, hash(key, 3), schema, 0, ctx(100), null, null,
          hold)) {
        for (int i = 0; i < input.size(); i += 50) {
          w.write(batch(schema, input.subList(i, i + 50)));
        }
        List<String> spills = new ArrayList<>();
        if (Files.exists(data.getParent())) {
          try (Stream<Path> s = Files.list(data.getParent())) {
            s.map(f -> f.getFileName().toString()).forEach(spills::add);
          }
        }
        // 3000 rows in batches of 100 per partition: far past 4 kB, far below the default limit.
        assertEquals(hold == 4096L, !spills.isEmpty(), "spill files before finishing: " + spills);
        out = w.finish(new TaskOutcome.TaskMetrics(input.size(), 0, 0, 0, 0));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        rows.addAll(read(List.of(out), p));
      }
      read.put(hold, rows);
      try (Stream<Path> s = Files.list(data.getParent())) {
        assertEquals(List.of("map.data", "map.index"), s.map(f -> f.getFileName().toString()).sorted().toList());
      }
    }
    assertEquals(input.size(), read.get(4096L).size());
    assertEquals(read.get(4096L), read.get(ShuffleMapWriter.DEFAULT_HOLD_BYTES));
  }

  @Test
  void onlyTheHotPartitionSpillsAndTheOthersStayHeld() throws IOException {
    // One hot key with long values and a few cold keys: the hot partition passes the hold limit and spills;
    // the memory it held is given back, so the cold partitions, which flush too (batch size 10), stay held.
    List<Object[]> input = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      input.add(row(i % 20 == 0 ? "cold-" + i : "hot-" + "h".repeat(200), (long) i));
    }
    Path data = dir.resolve("hot/map.data");
    TaskOutcome.MapOutput out;
    try (ShuffleMapWriter w = new ShuffleMapWriter(data, dir.resolve("hot/map.index"), hash(key, 4), schema, 0,
        ctx(10), null, null, 64 * 1024)) {
      for (int i = 0; i < input.size(); i += 40) {
        w.write(batch(schema, input.subList(i, i + 40)));
      }
      List<String> spills;
      try (Stream<Path> s = Files.list(data.getParent())) {
        spills = s.map(f -> f.getFileName().toString()).toList();
      }
      out = w.finish(new TaskOutcome.TaskMetrics(input.size(), 0, 0, 0, 0));
      int hot = -1;
      for (int p = 0; p < 4; p++) {
        if (out.partitionRows()[p] > 1800) {
          hot = p;
        }
      }
      assertEquals(List.of("map.data.part-" + hot), spills, "only the hot partition spilled");
    }
    long total = 0;
    for (int p = 0; p < 4; p++) {
      List<List<Object>> rows = read(List.of(out), p);
      assertEquals(out.partitionRows()[p], rows.size());
      total += rows.size();
    }
    assertEquals(input.size(), total);
  }

  @Test
  void pendingBatchesOfManyPartitionsCountAgainstTheHoldLimit() throws IOException {
    // 64 partitions and a batch size no partition reaches: each partition's pending batches stay small, but
    // together they pass the 256 kB limit, so partitions spill and the writer's memory stays near the limit.
    long hold = 256 * 1024;
    List<Object[]> input = rows(new Random(11), 40_000, 5_000);
    Path data = dir.resolve("pending/map.data");
    Files.createDirectories(data.getParent());
    TaskOutcome.MapOutput out;
    try (BufferAllocator writerMemory = allocator.newChildAllocator("writer", 0, Long.MAX_VALUE)) {
      try (ShuffleMapWriter w = new ShuffleMapWriter(data, dir.resolve("pending/map.index"), hash(key, 64), schema,
          0, ctx(writerMemory, 1_000_000, null), null, null, hold)) {
        for (int i = 0; i < input.size(); i += 200) {
          w.write(batch(schema, input.subList(i, i + 200)));
        }
        try (Stream<Path> s = Files.list(data.getParent())) {
          assertTrue(s.anyMatch(f -> f.getFileName().toString().startsWith("map.data.part-")),
              "some partitions spilled");
        }
        out = w.finish(new TaskOutcome.TaskMetrics(input.size(), 0, 0, 0, 0));
      }
      assertTrue(writerMemory.getPeakMemoryAllocation() < 2 * hold,
          "peak " + writerMemory.getPeakMemoryAllocation() + " bytes against a hold limit of " + hold);
    }
    Map<String, Long> expected = new HashMap<>();
    for (Object[] r : input) {
      expected.merge(String.valueOf(r[0]), 1L, Long::sum);
    }
    Map<String, Long> read = new HashMap<>();
    for (int p = 0; p < 64; p++) {
      for (List<Object> r : read(List.of(out), p)) {
        read.merge(String.valueOf(r.get(0)), 1L, Long::sum);
      }
    }
    assertEquals(expected, read);
  }

  @Test
  void aSinglePartition() {
    List<Object[]> input = rows(new Random(5), 100, 10);
    TaskOutcome.MapOutput out = writeMap(new Partitioning.Single(), input, 30, 40);
    assertEquals(100, read(List.of(out), 0).size());
  }

  @Test
  void noTemporaryFilesRemain() throws IOException {
    // A hold limit of 1 kB: every partition spills to its own file first.
    writeMap(hash(key, 5), rows(new Random(6), 300, 20), 50, 20, maps++, "map0", 1024);
    try (Stream<Path> s = Files.walk(dir)) {
      List<String> names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("map0.data", "map0.index"), names);
    }
  }

  @Test
  void closingWithoutFinishingReleasesEverything() throws IOException {
    TaskContext ctx = ctx(10);
    Path data = dir.resolve("x/map.data");
    try (ShuffleMapWriter w = new ShuffleMapWriter(data, dir.resolve("x/map.index"), hash(key, 3), schema, 0,
        ctx, null, null, 256)) {
      List<Object[]> input = rows(new Random(7), 100, 10);
      for (int i = 0; i < 100; i += 7) {
        w.write(batch(schema, input.subList(i, Math.min(100, i + 7))));
      }
    }
    assertFalse(Files.exists(data));
    if (Files.exists(data.getParent())) {
      try (Stream<Path> s = Files.list(data.getParent())) {
        assertEquals(List.of(), s.toList(), "spill files are deleted");
      }
    }
  }

  @Test
  void aMissingBlockIsAClearError() throws IOException {
    TaskOutcome.MapOutput out = writeMap(hash(key, 2), rows(new Random(8), 10, 3), 10, 10);
    Files.delete(Path.of(out.dataFile()));
    ShuffleBlockReader reader = track(new ShuffleBlockReader(List.of(LocalBlocks.range(Path.of(out.dataFile()),
        Path.of(out.indexFile()), 2, 0)), allocator, () -> "partition 0 of the shuffle of stage 0"));
    QuiverException e = assertThrows(QuiverException.class, reader::next);
    assertEquals("SHUFFLE_READ_FAILED", e.getErrorClass());
    assertTrue(e.getMessage().contains("partition 0 of the shuffle of stage 0"), e.getMessage());
  }

  @Test
  void anIndexOfTheWrongSizeIsAClearError() {
    TaskOutcome.MapOutput out = writeMap(hash(key, 2), rows(new Random(9), 10, 3), 10, 10);
    ShuffleBlockReader reader = track(new ShuffleBlockReader(List.of(LocalBlocks.range(Path.of(out.dataFile()),
        Path.of(out.indexFile()), 3, 0)), allocator, () -> "p0"));
    QuiverException e = assertThrows(QuiverException.class, reader::next);
    assertTrue(e.getMessage().contains("expected 3"), e.getMessage());
  }

  @Test
  void closingAReaderEarlyReleasesTheOpenBlock() {
    TaskOutcome.MapOutput out = writeMap(new Partitioning.Single(), rows(new Random(10), 100, 3), 10, 10);
    ShuffleBlockReader reader = new ShuffleBlockReader(List.of(LocalBlocks.range(Path.of(out.dataFile()),
        Path.of(out.indexFile()), 1, 0), LocalBlocks.range(Path.of(out.dataFile()), Path.of(out.indexFile()), 1, 0)),
        allocator, () -> "p0");
    Batch b = reader.next();
    assertEquals(10, b.rowCount());
    b.close();
    reader.close();
    assertEquals(null, reader.next());
  }

  private static long[] readIndex(TaskOutcome.MapOutput o) {
    return PartitionedIpcFile.readIndex(Path.of(o.indexFile()));
  }

  private static long sizeOf(String file) {
    try {
      return Files.size(Path.of(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
