package dev.quiver.formats.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.sql.QuiverException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedIpcFileTest {
  private static final Schema SCHEMA = ArrowTypes.toArrowSchema(ArrowIpcTest.SCHEMA);

  @TempDir
  Path dir;

  private BufferAllocator allocator;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void tearDown() {
    allocator.close();
  }

  private Path data() {
    return dir.resolve("shuffle_0_3.data");
  }

  private Path index() {
    return dir.resolve("shuffle_0_3.index");
  }

  /** All rows of one partition, batch by batch, as text. */
  private List<String> readPartition(PartitionedIpcFile.Reader reader, int partition) {
    List<String> rows = new ArrayList<>();
    try (IpcStreamReader in = reader.openPartition(partition, allocator)) {
      VectorSchemaRoot b;
      while ((b = in.next()) != null) {
        rows.addAll(ArrowIpcTest.rows(b));
        b.close();
      }
    }
    return rows;
  }

  /** Writes partition p with p batches of 10 rows starting at p * 1000 (partition 0 and skipped ones empty). */
  private List<List<String>> writeOutput(int partitions, List<Integer> skipped, IpcCompression compression) {
    List<List<String>> expected = new ArrayList<>();
    try (PartitionedIpcFile.Writer w = PartitionedIpcFile.create(data(), index(), SCHEMA, partitions, compression)) {
      for (int p = 0; p < partitions; p++) {
        List<String> rows = new ArrayList<>();
        if (!skipped.contains(p)) {
          for (int b = 0; b < p % 4; b++) {
            try (VectorSchemaRoot batch = ArrowIpcTest.batch(allocator, p * 1000 + b * 10, 10)) {
              w.write(p, batch);
              rows.addAll(ArrowIpcTest.rows(batch));
            }
          }
        }
        expected.add(rows);
      }
      long[] offsets = w.commit();
      assertEquals(partitions + 1, offsets.length);
    }
    return expected;
  }

  @Test
  void partitionsRoundTripIncludingEmptyOnes() {
    List<List<String>> expected = writeOutput(6, List.of(2), IpcCompression.NONE);
    PartitionedIpcFile.Reader reader = PartitionedIpcFile.open(data(), index());
    assertEquals(6, reader.numPartitions());
    for (int p = 0; p < 6; p++) {
      assertEquals(expected.get(p), readPartition(reader, p), "partition " + p);
    }
    assertEquals(List.of(), expected.get(0));
    assertEquals(List.of(), expected.get(2));
    assertEquals(30, expected.get(3).size());
  }

  @Test
  void compressedPartitionsRoundTrip() {
    List<List<String>> expected = writeOutput(5, List.of(), IpcCompression.ZSTD);
    PartitionedIpcFile.Reader reader = PartitionedIpcFile.open(data(), index());
    for (int p = 0; p < 5; p++) {
      assertEquals(expected.get(p), readPartition(reader, p));
    }
  }

  @Test
  void indexHoldsBigEndianOffsetsOfEveryStream() throws IOException {
    writeOutput(4, List.of(), IpcCompression.NONE);
    long[] offsets = new long[5];
    try (DataInputStream in = new DataInputStream(Files.newInputStream(index()))) {
      for (int i = 0; i < 5; i++) {
        offsets[i] = in.readLong();
      }
      assertEquals(-1, in.read());
    }
    assertEquals(0, offsets[0]);
    assertEquals(Files.size(data()), offsets[4]);
    assertArrayEquals(offsets, PartitionedIpcFile.readIndex(index()));
    PartitionedIpcFile.Reader reader = PartitionedIpcFile.open(data(), index());
    assertArrayEquals(offsets, reader.offsets());
    byte[] all = Files.readAllBytes(data());
    for (int p = 0; p < 4; p++) {
      PartitionedIpcFile.ByteRange range = reader.range(p);
      assertEquals(offsets[p], range.offset());
      assertEquals(offsets[p + 1] - offsets[p], range.length());
      assertEquals(range.length(), reader.partitionLength(p));
      assertEquals(0, range.offset() % 8, "streams stay 8-byte aligned");
      // Each range is a complete stream on its own.
      try (IpcStreamReader in = ArrowIpc.readStream(
          new ByteArrayInputStream(all, (int) range.offset(), (int) range.length()), allocator)) {
        assertEquals(SCHEMA, in.schema());
        int batches = 0;
        VectorSchemaRoot b;
        while ((b = in.next()) != null) {
          batches++;
          b.close();
        }
        assertEquals(p % 4, batches);
      }
    }
  }

  @Test
  void rawBytesOfAPartitionCanBeSentAndParsedRemotely() {
    List<List<String>> expected = writeOutput(4, List.of(), IpcCompression.ZSTD);
    PartitionedIpcFile.Reader reader = PartitionedIpcFile.open(data(), index());
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    long sent = reader.copyPartition(3, Channels.newChannel(wire));
    assertEquals(reader.partitionLength(3), sent);
    List<String> rows = new ArrayList<>();
    try (IpcStreamReader in = ArrowIpc.readStream(new ByteArrayInputStream(wire.toByteArray()), allocator)) {
      VectorSchemaRoot b;
      while ((b = in.next()) != null) {
        rows.addAll(ArrowIpcTest.rows(b));
        b.close();
      }
    }
    assertEquals(expected.get(3), rows);
  }

  @Test
  void manyPartitionsMostlyEmpty() throws IOException {
    int partitions = 5000;
    try (PartitionedIpcFile.Writer w = PartitionedIpcFile.create(data(), index(), SCHEMA, partitions,
        IpcCompression.NONE)) {
      for (int p : new int[] {17, 2500, 4999}) {
        try (VectorSchemaRoot batch = ArrowIpcTest.batch(allocator, p, 3)) {
          w.write(p, batch);
        }
      }
      w.commit();
    }
    assertEquals((partitions + 1) * 8L, Files.size(index()));
    PartitionedIpcFile.Reader reader = PartitionedIpcFile.open(data(), index());
    assertEquals(partitions, reader.numPartitions());
    for (int p : new int[] {0, 16, 17, 18, 2500, 4998, 4999}) {
      int expectedRows = p == 17 || p == 2500 || p == 4999 ? 3 : 0;
      assertEquals(expectedRows, readPartition(reader, p).size(), "partition " + p);
    }
    assertEquals(reader.partitionLength(0), reader.partitionLength(4998));
  }

  @Test
  void concurrentReadersOfDifferentPartitions() throws Exception {
    List<List<String>> expected = writeOutput(16, List.of(5), IpcCompression.ZSTD);
    PartitionedIpcFile.Reader reader = PartitionedIpcFile.open(data(), index());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (int p = 0; p < 16; p++) {
          int partition = p;
          results.add(pool.submit(() -> readPartition(reader, partition)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(expected.get(i % 16), results.get(i).get(), "partition " + (i % 16));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void nothingIsVisibleBeforeCommitAndAbortLeavesNoFiles() throws IOException {
    try (PartitionedIpcFile.Writer w = PartitionedIpcFile.create(data(), index(), SCHEMA, 3, IpcCompression.NONE);
        VectorSchemaRoot batch = ArrowIpcTest.batch(allocator, 1, 10)) {
      w.write(1, batch);
      assertFalse(Files.exists(data()));
      assertFalse(Files.exists(index()));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void partitionsMustComeInOrder() {
    try (PartitionedIpcFile.Writer w = PartitionedIpcFile.create(data(), index(), SCHEMA, 3, IpcCompression.NONE);
        VectorSchemaRoot batch = ArrowIpcTest.batch(allocator, 1, 2)) {
      w.write(2, batch);
      assertThrows(IllegalStateException.class, () -> w.write(1, batch));
      assertThrows(IllegalArgumentException.class, () -> w.write(3, batch));
      w.write(2, batch);
    }
  }

  @Test
  void secondCommitOfTheSameMapOutputKeepsTheFirst() {
    List<List<String>> first = writeOutput(3, List.of(), IpcCompression.NONE);
    long[] firstOffsets = PartitionedIpcFile.readIndex(index());
    long[] kept;
    try (PartitionedIpcFile.Writer w = PartitionedIpcFile.create(data(), index(), SCHEMA, 3, IpcCompression.NONE);
        VectorSchemaRoot batch = ArrowIpcTest.batch(allocator, 77, 50)) {
      w.write(0, batch);
      kept = w.commit();
    }
    assertArrayEquals(firstOffsets, kept);
    PartitionedIpcFile.Reader reader = PartitionedIpcFile.open(data(), index());
    assertEquals(first.get(0), readPartition(reader, 0));
  }

  @Test
  void missingOrCorruptIndexIsAClearError() throws IOException {
    QuiverException missing = assertThrows(QuiverException.class, () -> PartitionedIpcFile.open(data(), index()));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    writeOutput(2, List.of(), IpcCompression.NONE);
    Files.write(data(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    QuiverException longer = assertThrows(QuiverException.class, () -> PartitionedIpcFile.open(data(), index()));
    assertTrue(longer.getMessage().contains("is corrupt"), longer.getMessage());
    Files.write(index(), new byte[] {0, 0, 0});
    assertThrows(QuiverException.class, () -> PartitionedIpcFile.readIndex(index()));
  }
}
