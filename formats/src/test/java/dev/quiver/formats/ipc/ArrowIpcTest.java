package dev.quiver.formats.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArrowIpcTest {
  static final StructType SCHEMA = new StructType()
      .add("i", DataTypes.IntegerType)
      .add("l", DataTypes.LongType)
      .add("d", DataTypes.DoubleType)
      .add("s", DataTypes.StringType)
      .add("b", DataTypes.BooleanType)
      .add("day", DataTypes.DateType)
      .add("ts", DataTypes.TimestampType)
      .add("dec", new DecimalType(20, 2))
      .add("arr", new ArrayType(DataTypes.IntegerType, true));

  private BufferAllocator allocator;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void tearDown() {
    // Throws if any buffer was leaked.
    allocator.close();
  }

  /** Rows {@code from..from+n-1}; every third row is null in every column. */
  static VectorSchemaRoot batch(BufferAllocator allocator, int from, int n) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(SCHEMA), allocator);
    root.allocateNew();
    UnionListWriter list = ((ListVector) root.getVector("arr")).getWriter();
    for (int r = 0; r < n; r++) {
      int v = from + r;
      list.setPosition(r);
      if (v % 3 == 0) {
        // allocateNew cleared the validity buffers: a row not set is null in every column.
        continue;
      }
      ((IntVector) root.getVector("i")).setSafe(r, v);
      ((BigIntVector) root.getVector("l")).setSafe(r, v * 1_000_000_000L);
      ((Float8Vector) root.getVector("d")).setSafe(r, v / 4.0);
      ((VarCharVector) root.getVector("s")).setSafe(r, ("välue " + v).getBytes(StandardCharsets.UTF_8));
      ((BitVector) root.getVector("b")).setSafe(r, v % 2);
      ((DateDayVector) root.getVector("day")).setSafe(r, v);
      ((TimeStampMicroTZVector) root.getVector("ts")).setSafe(r, v * 1_000_000L + 7);
      ((DecimalVector) root.getVector("dec")).setSafe(r, BigDecimal.valueOf(v * 100L + 5, 2));
      list.startList();
      for (int k = 0; k < v % 4; k++) {
        list.writeInt(v + k);
      }
      list.endList();
    }
    root.setRowCount(n);
    return root;
  }

  /** The rows of a batch as text, for comparing batches across allocators. */
  static List<String> rows(VectorSchemaRoot root) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < root.getRowCount(); r++) {
      StringBuilder sb = new StringBuilder();
      for (var v : root.getFieldVectors()) {
        sb.append(v.getObject(r)).append('|');
      }
      out.add(sb.toString());
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(IpcCompression.class)
  void streamRoundTripsSeveralBatches(IpcCompression compression) {
    Schema schema = ArrowTypes.toArrowSchema(SCHEMA);
    List<String> expected = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (IpcStreamWriter writer = ArrowIpc.openWriter(schema, bytes, compression)) {
      for (int b = 0; b < 3; b++) {
        try (VectorSchemaRoot batch = batch(allocator, b * 1000, 1000)) {
          writer.write(batch);
          expected.addAll(rows(batch));
        }
      }
      try (VectorSchemaRoot empty = batch(allocator, 0, 0)) {
        writer.write(empty);
      }
      assertEquals(4, writer.batchesWritten());
      assertEquals(3000, writer.rowsWritten());
    }
    List<String> actual = new ArrayList<>();
    List<VectorSchemaRoot> kept = new ArrayList<>();
    try (IpcStreamReader reader = ArrowIpc.readStream(new ByteArrayInputStream(bytes.toByteArray()), allocator)) {
      assertEquals(schema, reader.schema());
      VectorSchemaRoot b;
      while ((b = reader.next()) != null) {
        kept.add(b);
      }
      assertNull(reader.next());
    }
    // Batches outlive their reader and are independent of each other.
    assertEquals(List.of(1000, 1000, 1000, 0), kept.stream().map(VectorSchemaRoot::getRowCount).toList());
    for (VectorSchemaRoot b : kept) {
      actual.addAll(rows(b));
      b.close();
    }
    assertEquals(expected, actual);
    assertTrue(actual.get(0).startsWith("null|null|"), actual.get(0));
    assertTrue(actual.get(1).contains("välue 1|"), actual.get(1));
  }

  @Test
  void compressionShrinksRepetitiveData() {
    Schema schema = ArrowTypes.toArrowSchema(SCHEMA);
    long[] sizes = new long[IpcCompression.values().length];
    for (IpcCompression c : IpcCompression.values()) {
      try (VectorSchemaRoot b = batch(allocator, 0, 10_000)) {
        sizes[c.ordinal()] = ArrowIpc.writeStream(List.of(b).iterator(), schema, new ByteArrayOutputStream(), c);
      }
    }
    assertTrue(sizes[IpcCompression.ZSTD.ordinal()] < sizes[IpcCompression.NONE.ordinal()] / 2);
  }

  @Test
  void lz4StreamsOfOtherProducersAreRead() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> expected;
    try (VectorSchemaRoot b = batch(allocator, 1, 20);
        ArrowStreamWriter writer = new ArrowStreamWriter(b, null, Channels.newChannel(bytes), IpcOption.DEFAULT,
            CommonsCompressionFactory.INSTANCE, CompressionUtil.CodecType.LZ4_FRAME)) {
      writer.start();
      writer.writeBatch();
      writer.end();
      expected = rows(b);
    }
    try (VectorSchemaRoot back = ArrowIpc.fromBytes(bytes.toByteArray(), allocator)) {
      assertEquals(expected, rows(back));
    }
  }

  @Test
  void streamWithoutBatchesIsValid() {
    Schema schema = ArrowTypes.toArrowSchema(SCHEMA);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long written = ArrowIpc.writeStream(List.<VectorSchemaRoot>of(), schema, bytes);
    assertEquals(bytes.size(), written);
    try (IpcStreamReader reader = ArrowIpc.readStream(
        Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())), allocator)) {
      assertEquals(schema, reader.schema());
      assertNull(reader.next());
    }
  }

  @Test
  void writerLeavesTheOutputStreamOpenForTheNextStream() {
    Schema schema = ArrowTypes.toArrowSchema(SCHEMA);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long first;
    try (VectorSchemaRoot b = batch(allocator, 1, 5)) {
      first = ArrowIpc.writeStream(List.of(b), schema, bytes);
      ArrowIpc.writeStream(List.of(b, b), schema, bytes);
    }
    byte[] all = bytes.toByteArray();
    try (IpcStreamReader second = ArrowIpc.readStream(
        new ByteArrayInputStream(all, (int) first, all.length - (int) first), allocator)) {
      int batches = 0;
      VectorSchemaRoot b;
      while ((b = second.next()) != null) {
        batches++;
        b.close();
      }
      assertEquals(2, batches);
    }
  }

  @Test
  void mismatchedBatchIsRejected() {
    Schema schema = ArrowTypes.toArrowSchema(new StructType().add("x", DataTypes.IntegerType));
    try (IpcStreamWriter writer = ArrowIpc.openWriter(schema, new ByteArrayOutputStream(), IpcCompression.NONE);
        VectorSchemaRoot b = batch(allocator, 0, 1)) {
      assertThrows(IllegalArgumentException.class, () -> writer.write(b));
    }
  }

  @Test
  void singleBatchBytesRoundTrip() {
    try (VectorSchemaRoot b = batch(allocator, 10, 50)) {
      byte[] bytes = ArrowIpc.toBytes(b);
      try (VectorSchemaRoot back = ArrowIpc.fromBytes(bytes, allocator)) {
        assertEquals(rows(b), rows(back));
        assertEquals(b.getSchema(), back.getSchema());
      }
      byte[] zstd = ArrowIpc.toBytes(b, IpcCompression.ZSTD);
      try (VectorSchemaRoot back = ArrowIpc.fromBytes(zstd, allocator)) {
        assertEquals(rows(b), rows(back));
      }
    }
  }

  @Test
  void fromBytesOfAnEmptyStreamGivesAnEmptyBatch() {
    Schema schema = ArrowTypes.toArrowSchema(SCHEMA);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ArrowIpc.writeStream(List.<VectorSchemaRoot>of(), schema, bytes);
    try (VectorSchemaRoot back = ArrowIpc.fromBytes(bytes.toByteArray(), allocator)) {
      assertEquals(0, back.getRowCount());
      assertEquals(schema, back.getSchema());
    }
  }

  @Test
  void fromBytesRejectsSeveralBatchesWithoutLeaking() {
    Schema schema = ArrowTypes.toArrowSchema(SCHEMA);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (VectorSchemaRoot b = batch(allocator, 0, 3)) {
      ArrowIpc.writeStream(List.of(b, b), schema, bytes);
    }
    assertThrows(IllegalArgumentException.class, () -> ArrowIpc.fromBytes(bytes.toByteArray(), allocator));
  }

  @Test
  void readerClosedEarlyReleasesEverything() {
    Schema schema = ArrowTypes.toArrowSchema(SCHEMA);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (VectorSchemaRoot b = batch(allocator, 0, 100)) {
      ArrowIpc.writeStream(List.of(b, b, b), schema, bytes);
    }
    try (IpcStreamReader reader = ArrowIpc.readStream(new ByteArrayInputStream(bytes.toByteArray()), allocator);
        VectorSchemaRoot first = reader.next()) {
      assertEquals(100, first.getRowCount());
    }
  }
}
