package dev.quiver.executor.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.aggregate.OperatorTestBase;
import dev.quiver.executor.shuffle.LocalBlocks;
import dev.quiver.executor.shuffle.ShuffleBlockReader;
import dev.quiver.formats.commit.OutputCommitter;
import dev.quiver.formats.commit.WriteJob;
import dev.quiver.formats.commit.WriteMode;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.physical.WriteFilesExec;
import dev.quiver.planner.physical.WriteSpec;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.serde.TaskSerde;
import dev.quiver.planner.stages.StageId;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.sql.QuiverArithmeticException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TaskRunner on task definitions as the driver sends them: map, result and write stages. */
class TaskRunnerTest extends OperatorTestBase {
  @TempDir
  Path dir;

  private final AttributeReference key = attr("key", DataTypes.LongType);
  private final AttributeReference name = attr("name", DataTypes.StringType);
  private final List<AttributeReference> schema = List.of(key, name);
  private static final Map<String, String> SETTINGS = Map.of(TaskRunner.SESSION_TIME_ZONE, "Asia/Tokyo",
      TaskRunner.QUERY_START_MICROS, "1700000000000000");

  private TaskRunner runner(long taskMemory) {
    return new TaskRunner(allocator, taskMemory, dir.resolve("shuffle"), 8);
  }

  /** Encoded to protobuf and decoded again, as a worker receives it. */
  private static TaskDefinition task(StageKind kind, int stage, int partition, int attempt, PhysicalPlan fragment,
      Partitioning out) {
    TaskDefinition def = new TaskDefinition("5", new StageId(stage), partition, attempt, kind, fragment, out,
        out.numPartitions(), SETTINGS);
    return TaskSerde.fromBytes(TaskSerde.toBytes(def));
  }

  private LocalTableScanExec table(int rows, int partitions) {
    List<List<Object>> data = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      data.add(Arrays.asList((long) (i % 10), "n" + i));
    }
    return new LocalTableScanExec(schema, data, partitions);
  }

  /** Inputs that read stage 0's shuffle from the given map outputs. */
  private static TaskInputs shuffleOf(List<TaskOutcome.MapOutput> maps) {
    return new TaskInputs() {
      @Override
      public Operator shuffleRead(int stageId, int partition, BufferAllocator a) {
        List<ShuffleBlockReader.BlockSource> blocks = new ArrayList<>();
        for (TaskOutcome.MapOutput m : maps) {
          blocks.add(LocalBlocks.range(Path.of(m.dataFile()), Path.of(m.indexFile()), m.partitionRows().length,
              partition));
        }
        return new ShuffleBlockReader(blocks, a, () -> "partition " + partition);
      }

      @Override
      public List<Batch> broadcast(int stageId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Operator cached(long cacheId, int partition, BufferAllocator a) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private List<List<Object>> decode(byte[] ipc) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertEquals(List.of("key", "name"), root.getSchema().getFields().stream().map(f -> f.getName()).toList());
      while (reader.loadNextBatch()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector v : root.getFieldVectors()) {
            row.add(InternalValues.read(v, r));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  @Test
  void aMapStageThenAResultStage() throws IOException {
    TaskRunner runner = runner(64L << 20);
    Partitioning hash = new Partitioning.Hash(List.of(key), 3);
    LocalTableScanExec source = table(100, 2);
    List<TaskOutcome.MapOutput> maps = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      TaskOutcome outcome = runner.run(task(StageKind.SHUFFLE_MAP, 0, p, 0, source, hash), null, ctx -> {});
      TaskOutcome.MapOutput m = assertInstanceOf(TaskOutcome.MapOutput.class, outcome);
      assertTrue(m.dataFile().endsWith("job5/stage0/map" + p + "-0.data"), m.dataFile());
      assertTrue(Files.exists(Path.of(m.indexFile())));
      assertEquals(50, Arrays.stream(m.partitionRows()).sum());
      assertEquals(50, m.metrics().rowsWritten());
      maps.add(m);
    }
    ShuffleReadExec read = new ShuffleReadExec(0, schema, hash);
    List<Long> keysSeen = new ArrayList<>();
    int total = 0;
    for (int p = 0; p < 3; p++) {
      TaskOutcome.Rows rows = assertInstanceOf(TaskOutcome.Rows.class,
          runner.run(task(StageKind.RESULT, 1, p, 0, read, new Partitioning.Unknown(3)), shuffleOf(maps), c -> {}));
      List<List<Object>> decoded = decode(rows.ipcStream());
      assertEquals(rows.rowCount(), decoded.size());
      assertEquals(rows.rowCount(), rows.metrics().rowsWritten());
      decoded.stream().map(x -> (Long) x.get(0)).distinct().forEach(k -> {
        assertTrue(!keysSeen.contains(k), "key " + k + " in two reduce partitions");
        keysSeen.add(k);
      });
      total += decoded.size();
    }
    assertEquals(100, total);
    assertEquals(10, keysSeen.size());
  }

  @Test
  void anEmptyResultIsAStreamWithTheSchema() throws IOException {
    TaskOutcome.Rows rows = assertInstanceOf(TaskOutcome.Rows.class, runner(64L << 20).run(
        task(StageKind.RESULT, 0, 0, 0, new LocalTableScanExec(schema, List.of(), 1), new Partitioning.Unknown(1)),
        null, c -> {}));
    assertEquals(0, rows.rowCount());
    assertEquals(List.of(), decode(rows.ipcStream()));
  }

  @Test
  void theContextCarriesTheTaskSettings() {
    TaskContext[] seen = new TaskContext[1];
    runner(64L << 20).run(task(StageKind.RESULT, 2, 1, 3, table(4, 2), new Partitioning.Unknown(2)), null,
        c -> seen[0] = c);
    TaskContext ctx = seen[0];
    assertEquals("task 1.3 of stage 2 (job 5)", ctx.taskName());
    assertEquals(3, ctx.attemptNumber());
    assertEquals(ZoneId.of("Asia/Tokyo"), ctx.evalContext().timeZone());
    assertEquals(1700000000000000L, ctx.evalContext().queryStartMicros());
    assertEquals(8, ctx.batchSize());
    assertEquals(0, allocator.getAllocatedMemory(), "the task's memory is released when it ends");
  }

  @Test
  void aWriteTaskCommitsItsFilesAndCountsItsRows() throws IOException {
    Path out = dir.resolve("out");
    OutputCommitter committer = new OutputCommitter(out.toString(), WriteMode.ERROR_IF_EXISTS,
        OutputCommitter.newJobId());
    WriteJob job = committer.setupJob().orElseThrow();
    WriteSpec spec = new WriteSpec("csv", Map.of(), List.of(), job.outputPath(), job.stagingDir(), job.jobId());
    TaskOutcome.Written w = assertInstanceOf(TaskOutcome.Written.class, runner(64L << 20).run(
        task(StageKind.RESULT, 0, 0, 0, new WriteFilesExec(spec, table(30, 1)), new Partitioning.Unknown(1)), null,
        c -> {}));
    assertEquals(30, w.rowCount());
    assertEquals(30, w.metrics().rowsWritten());
    assertEquals(1, w.commit().files().size());
    committer.commitJob(List.of(w.commit()));
    String text = Files.readString(out.resolve(w.commit().files().get(0)));
    assertEquals(30, text.lines().count());
  }

  @Test
  void exceedingTheTaskMemoryIsAClearError() {
    QuiverException e = assertThrows(QuiverException.class, () -> new TaskRunner(allocator, 1024,
        dir.resolve("shuffle"), 4096).run(task(StageKind.RESULT, 0, 0, 0, table(5000, 1),
        new Partitioning.Unknown(1)), null, c -> {}));
    assertEquals("TASK_MEMORY_EXCEEDED", e.getErrorClass());
    assertTrue(e.getMessage().contains("task 0.0 of stage 0 (job 5)"), e.getMessage());
  }

  /** An input that takes a buffer from the task's allocator and never gives it back. */
  private static final class Leaky implements TaskInputs {
    final RuntimeException failure;
    ArrowBuf leaked;

    Leaky(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Operator shuffleRead(int stageId, int partition, BufferAllocator a) {
      leaked = a.buffer(64);
      return new Operator() {
        @Override
        public Batch next() {
          if (failure != null) {
            throw failure;
          }
          return null;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public List<Batch> broadcast(int stageId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Operator cached(long cacheId, int partition, BufferAllocator a) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aLeakFailsTheTask() {
    // Its own root: the leaked child allocator cannot be closed cleanly afterwards.
    BufferAllocator root = new RootAllocator(16L << 20);
    Leaky inputs = new Leaky(null);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TaskRunner(root, 1L << 20,
        dir.resolve("shuffle"), 8).run(task(StageKind.RESULT, 1, 0, 0, new ShuffleReadExec(0, schema,
        new Partitioning.Unknown(1)), new Partitioning.Unknown(1)), inputs, c -> {}));
    assertTrue(e.getMessage().contains("leak"), e.getMessage());
    // The leaked buffer cannot be released once its allocator was closed; this root is simply dropped.
    assertTrue(inputs.leaked.refCnt() > 0);
  }

  @Test
  void aLeakDoesNotHideTheErrorThatEndedTheTask() {
    BufferAllocator root = new RootAllocator(16L << 20);
    QuiverArithmeticException divide = QuiverArithmeticException.divideByZero();
    Leaky inputs = new Leaky(divide);
    QuiverArithmeticException e = assertThrows(QuiverArithmeticException.class, () -> new TaskRunner(root,
        1L << 20, dir.resolve("shuffle"), 8).run(task(StageKind.RESULT, 1, 0, 0, new ShuffleReadExec(0, schema,
        new Partitioning.Unknown(1)), new Partitioning.Unknown(1)), inputs, c -> {}));
    assertSame(divide, e);
    assertEquals(1, e.getSuppressed().length);
    assertTrue(e.getSuppressed()[0].getMessage().contains("leak"), e.getSuppressed()[0].getMessage());
  }
}
