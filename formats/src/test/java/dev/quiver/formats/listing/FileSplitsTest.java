package dev.quiver.formats.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class FileSplitsTest {
  private static final long MB = 1024L * 1024;

  /** A format whose files are splittable unless their name ends in ".gz". */
  private static final FileFormat FORMAT = new FileFormat() {
    @Override
    public String name() {
      return "test";
    }

    @Override
    public StructType inferSchema(List<FileInfo> files, FormatOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isSplittable(FileInfo file, FormatOptions options) {
      return !file.path().endsWith(".gz");
    }

    @Override
    public BatchReader open(FileSplit split, StructType dataSchema, StructType requiredSchema,
        List<SourceFilter> filters, FormatOptions options, BufferAllocator allocator, int batchSize) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BatchWriter create(String path, StructType schema, FormatOptions options, BufferAllocator allocator) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String fileExtension(FormatOptions options) {
      return ".test";
    }
  };

  private static FileInfo file(String name, long length) {
    return new FileInfo("file:/data/" + name, length, 0L, Map.of());
  }

  private static List<List<PlannedSplit>> plan(List<FileInfo> files, int minPartitions) {
    return FileSplits.plan(files, FORMAT, FormatOptions.empty(), FileSplits.DEFAULT_MAX_PARTITION_BYTES,
        FileSplits.DEFAULT_OPEN_COST_IN_BYTES, minPartitions);
  }

  @Test
  void bigSplittableFileIsCutIntoMaxSplitChunks() {
    FileInfo big = file("big.csv", 300 * MB);
    List<List<PlannedSplit>> parts = plan(List.of(big), 1);
    assertEquals(3, parts.size());
    assertEquals(new FileSplit(big.path(), 0, 128 * MB, 300 * MB), parts.get(0).get(0).split());
    assertEquals(new FileSplit(big.path(), 128 * MB, 128 * MB, 300 * MB), parts.get(1).get(0).split());
    assertEquals(new FileSplit(big.path(), 256 * MB, 44 * MB, 300 * MB), parts.get(2).get(0).split());
    assertSame(big, parts.get(0).get(0).file());
    assertEquals(0, parts.get(2).get(0).fileIndex());
  }

  @Test
  void parallelismShrinksTheSplitSize() {
    // 100 MB over 4 cores: (100 + 4) MB / 4 = 26 MB per split.
    FileInfo f = file("f.csv", 100 * MB);
    assertEquals(26 * MB, FileSplits.maxSplitBytes(List.of(f), 128 * MB, 4 * MB, 4));
    List<List<PlannedSplit>> parts = plan(List.of(f), 4);
    assertEquals(4, parts.size());
    long covered = 0;
    for (List<PlannedSplit> p : parts) {
      assertEquals(1, p.size());
      covered += p.get(0).split().length();
    }
    assertEquals(100 * MB, covered);
    // The split size never drops below the open cost.
    assertEquals(4 * MB, FileSplits.maxSplitBytes(List.of(file("tiny", 10)), 128 * MB, 4 * MB, 1000));
  }

  @Test
  void manySmallFilesArePackedIntoFewPartitions() {
    List<FileInfo> files = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      files.add(file(String.format("f%03d.csv", i), MB));
    }
    // total = 100 * (1 + 4) MB = 500 MB; / 4 = 125 MB per partition; each file costs 5 MB -> 25 per partition.
    List<List<PlannedSplit>> parts = plan(files, 4);
    assertEquals(4, parts.size());
    for (List<PlannedSplit> p : parts) {
      assertEquals(25, p.size());
      for (PlannedSplit s : p) {
        assertEquals(true, s.split().isWholeFile());
        assertSame(files.get(s.fileIndex()), s.file());
      }
    }
    // Equal sizes keep file order.
    assertEquals(0, parts.get(0).get(0).fileIndex());
    assertEquals(99, parts.get(3).get(24).fileIndex());
  }

  @Test
  void largestSplitsArePlacedFirst() {
    List<FileInfo> files = List.of(file("small.csv", 10 * MB), file("large.csv", 100 * MB), file("mid.csv", 50 * MB));
    List<List<PlannedSplit>> parts = FileSplits.plan(files, FORMAT, FormatOptions.empty(), 128 * MB, 4 * MB, 1);
    // maxSplit = 128 MB: [large(100) + open 4], mid does not fit (104 + 50 > 128) -> [mid + small].
    assertEquals(2, parts.size());
    assertEquals(List.of(1), parts.get(0).stream().map(PlannedSplit::fileIndex).toList());
    assertEquals(List.of(2, 0), parts.get(1).stream().map(PlannedSplit::fileIndex).toList());
  }

  @Test
  void aFewPartitionsAreEvenedOutToAMultipleOfTheParallelism() {
    List<FileInfo> files = List.of(file("a.gz", 37 * MB), file("b.gz", 37 * MB), file("c.gz", 37 * MB),
        file("d.gz", 37 * MB), file("e.gz", 32 * MB), file("f.gz", 32 * MB));
    // Spark's packing: (212 + 6 * 4) MB / 2 = 118 MB per partition -> [a b] [c d e] [f]: 3 tasks for 2 slots,
    // the last one running alone. Evened out: 236 / 4 = 59 MB -> one file per partition, 6 tasks.
    assertEquals(3, FileSplits.plan(files, FORMAT, FormatOptions.empty(), 118 * MB, 4 * MB, 1).size());
    List<List<PlannedSplit>> parts = plan(files, 2);
    assertEquals(6, parts.size());
    for (List<PlannedSplit> p : parts) {
      assertEquals(1, p.size());
    }
    // With one slot nothing changes: Spark's 128 MB partitions, [a b c] [d e f].
    assertEquals(2, plan(files, 1).size());
  }

  @Test
  void aPackingThatCannotBeEvenedOutIsKept() {
    // Whatever the split size, three unsplittable files make 3 partitions at most: Spark's packing stays.
    List<FileInfo> files = List.of(file("a.gz", 100 * MB), file("b.gz", 50 * MB), file("c.gz", 50 * MB));
    List<List<PlannedSplit>> parts = plan(files, 2);
    assertEquals(2, parts.size());
    List<FileInfo> three = List.of(file("a.gz", 100 * MB), file("b.gz", 90 * MB), file("c.gz", 80 * MB));
    assertEquals(3, plan(three, 2).size());
  }

  @Test
  void unsplittableFileStaysWhole() {
    FileInfo gz = file("big.csv.gz", 300 * MB);
    List<List<PlannedSplit>> parts = plan(List.of(gz), 1);
    assertEquals(1, parts.size());
    assertEquals(FileSplit.whole(gz.path(), 300 * MB), parts.get(0).get(0).split());
  }

  @Test
  void emptyFilesAreLeftOut() {
    List<FileInfo> files = List.of(file("empty.csv", 0), file("a.csv", 10));
    List<List<PlannedSplit>> parts = plan(files, 2);
    assertEquals(1, parts.size());
    assertEquals(1, parts.get(0).get(0).fileIndex());
    assertEquals(List.of(), plan(List.of(file("empty.csv", 0)), 2));
    assertEquals(List.of(), plan(List.of(), 2));
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> plan(List.of(file("a", 1)), 0));
  }
}
