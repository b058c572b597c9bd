package dev.quiver.executor.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.sql.types.DataTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One side of a shuffled join records its keys while it writes, the other side writes only rows whose key
 * the first may have: none that can match are lost, almost all that cannot are dropped, and a task that fails
 * before it finishes records nothing.
 */
class JoinKeyFilterTest extends OperatorTestBase {
  @TempDir
  Path dir;

  private final AttributeReference key = attr("key", DataTypes.LongType);
  private final AttributeReference value = attr("value", DataTypes.LongType);
  private final List<AttributeReference> schema = List.of(key, value);
  private int files;

  private List<Object[]> rows(List<Long> keys) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      rows.add(row(keys.get(i), (long) i));
    }
    return rows;
  }

  private ShuffleMapWriter writer(int partitions, KeyBloomFilter recordInto, KeyBloomFilter keepOnly) {
    int f = files++;
    return new ShuffleMapWriter(dir.resolve("s/" + f + ".data"), dir.resolve("s/" + f + ".index"),
        new Partitioning.Hash(List.of(key), partitions), schema, f, ctx(256), recordInto, keepOnly);
  }

  private TaskOutcome.MapOutput write(ShuffleMapWriter w, List<Object[]> rows) {
    try (w) {
      for (int i = 0; i < rows.size(); i += 300) {
        w.write(batch(schema, rows.subList(i, Math.min(rows.size(), i + 300))));
      }
      return w.finish(new TaskOutcome.TaskMetrics(rows.size(), 0, 0, 0, 0));
    }
  }

  private List<List<Object>> readAll(TaskOutcome.MapOutput out) {
    List<List<Object>> all = new ArrayList<>();
    for (int p = 0; p < out.partitionRows().length; p++) {
      all.addAll(collect(new ShuffleBlockReader(List.of(LocalBlocks.range(Path.of(out.dataFile()),
          Path.of(out.indexFile()), out.partitionRows().length, p)), allocator, () -> "test")));
    }
    return all;
  }

  @Test
  void keepsEveryRowWhoseKeyTheOtherSideWroteAndDropsAlmostAllOthers() {
    Random r = new Random(7);
    List<Long> recordedKeys = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      recordedKeys.add((long) r.nextInt(1_000_000));
    }
    KeyBloomFilter keys = new KeyBloomFilter();
    // Two map tasks of the recording side, one with a single output partition.
    write(writer(3, keys, null), rows(recordedKeys.subList(0, 2_000)));
    write(writer(1, keys, null), rows(recordedKeys.subList(2_000, 3_000)));

    Set<Long> present = new HashSet<>(recordedKeys);
    List<Long> probe = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      probe.add(i % 4 == 0 ? recordedKeys.get(r.nextInt(recordedKeys.size())) : 1_000_000L + r.nextInt(5_000_000));
    }
    for (int partitions : new int[] {1, 4}) {
      TaskOutcome.MapOutput out = write(writer(partitions, null, keys), rows(probe));
      List<List<Object>> written = readAll(out);
      long wantMatches = probe.stream().filter(present::contains).count();
      long gotMatches = written.stream().filter(row -> present.contains((Long) row.get(0))).count();
      assertEquals(wantMatches, gotMatches, "every row with a recorded key is written");
      long absentWritten = written.size() - gotMatches;
      assertTrue(absentWritten < 50, absentWritten + " of 15000 rows without a match were written");
      for (List<Object> row : written) {
        assertEquals(probe.get((int) (long) (Long) row.get(1)), row.get(0), "rows keep their values");
      }
      assertEquals(written.size(), out.metrics().rowsWritten());
    }
  }

  @Test
  void travelsBetweenProcessesAsBytes() {
    KeyBloomFilter worker = new KeyBloomFilter();
    write(writer(2, worker, null), rows(List.of(11L, 12L, 13L)));
    KeyBloomFilter driver = new KeyBloomFilter();
    driver.merge(worker.toBytes(), worker.keys());
    KeyBloomFilter otherWorker = new KeyBloomFilter();
    otherWorker.merge(driver.toBytes(), driver.keys());
    assertEquals(3, otherWorker.keys());
    TaskOutcome.MapOutput out = write(writer(2, null, otherWorker), rows(List.of(11L, 12L, 13L, 14L, 15L)));
    assertEquals(List.of(11L, 12L, 13L),
        readAll(out).stream().map(r -> (Long) r.get(0)).sorted().toList());
  }

  @Test
  void aTaskThatDoesNotFinishRecordsNothing() {
    KeyBloomFilter keys = new KeyBloomFilter();
    try (ShuffleMapWriter w = writer(2, keys, null)) {
      w.write(batch(schema, rows(List.of(1L, 2L, 3L))));
    }
    TaskOutcome.MapOutput out = write(writer(2, null, keys), rows(List.of(1L, 2L, 3L)));
    assertEquals(0, out.metrics().rowsWritten());
  }

  @Test
  void aFilterThatSawTooManyKeysLetsEveryRowThrough() {
    KeyBloomFilter keys = new KeyBloomFilter();
    keys.merge(KeyBloomFilter.newWords(), KeyBloomFilter.MAX_KEYS + 1);
    assertFalse(keys.isUseful());
    TaskOutcome.MapOutput out = write(writer(2, null, keys), rows(List.of(1L, 2L, 3L)));
    assertEquals(3, out.metrics().rowsWritten());
  }

  @Test
  void nullKeysAreWrittenOnlyIfTheOtherSideWroteANullKey() {
    // A null key hashes like any value: a left anti join's right side never matches on it, and the filter
    // only drops rows whose hash the recording side lacks, so correctness does not depend on it.
    KeyBloomFilter keys = new KeyBloomFilter();
    List<Object[]> withNull = new ArrayList<>(rows(List.of(5L)));
    withNull.add(row(null, 9L));
    write(writer(2, keys, null), withNull);
    List<Object[]> probe = new ArrayList<>(rows(List.of(5L, 6L)));
    probe.add(row(null, 10L));
    assertEquals(2, write(writer(2, null, keys), probe).metrics().rowsWritten());
  }
}
