package dev.quiver.executor.task;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.OperatorBuilder;
import dev.quiver.executor.operators.WriteFilesOperator;
import dev.quiver.executor.shuffle.ShuffleMapWriter;
import dev.quiver.formats.commit.TaskCommitMessage;
import dev.quiver.formats.ipc.IpcCompression;
import dev.quiver.formats.ipc.IpcStreamWriter;
import dev.quiver.planner.physical.WriteFilesExec;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.sql.QuiverException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Runs one task attempt in this process: builds the fragment's operators for the task's partition with a
 * child allocator holding the task's memory budget, drains them into shuffle files, an Arrow IPC result, or
 * committed output files, and releases every buffer (a leak is a bug and fails the task).
 */
public final class TaskRunner {
  /** Setting carrying the query's start time, fixing current_date()/current_timestamp() per query. */
  public static final String QUERY_START_MICROS = "quiver.query.startMicros";
  public static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";
  /** A session's own (smaller) task memory budget in bytes, honoured by every process that runs its tasks. */
  public static final String TASK_MEMORY_BYTES = "quiver.task.memoryBytes";
  /** "false" keeps broadcast joins from filtering the scans of their other input by their build keys. */
  public static final String SCAN_KEY_FILTERS = "quiver.sql.scanKeyFilters.enabled";
  /** Rows per batch, read once when a local session or a worker starts. */
  public static final String BATCH_SIZE = "quiver.batch.size";
  /**
   * Rows per batch unless {@link #BATCH_SIZE} says otherwise. Every batch costs the same fixed work in every
   * operator (new vectors, their buffers' accounting, a call down each operator and kernel), and on the TPC-H
   * queries 16384 rows took less time than 8192 both warm (all 22 queries alternating in one JVM: geometric mean
   * ratio about 0.955 over three alternations) and in the benchmark's six runs per query (0.966 over eight paired
   * runs). 32768 took 0.98 of 16384's time warm and was mixed in the benchmark's runs: not worth twice the
   * memory per batch.
   */
  public static final int DEFAULT_BATCH_SIZE = 16_384;

  private final BufferAllocator root;
  private final long taskMemory;
  private final Path shuffleDir;
  private final int batchSize;

  public TaskRunner(BufferAllocator root, long taskMemory, Path shuffleDir, int batchSize) {
    this.root = root;
    this.taskMemory = taskMemory;
    this.shuffleDir = shuffleDir;
    this.batchSize = batchSize;
  }

  /**
   * @param onStart receives the task's context before work starts (so the caller can cancel it)
   */
  public TaskOutcome run(TaskDefinition task, TaskInputs inputs, Consumer<TaskContext> onStart) {
    String name = "task " + task.partition() + "." + task.attempt() + " of stage " + task.stageId().id()
        + " (job " + task.jobId() + ")";
    long start = System.nanoTime();
    long budget = Math.min(taskMemory, Long.parseLong(task.settings().getOrDefault(TASK_MEMORY_BYTES,
        Long.toString(taskMemory))));
    BufferAllocator allocator = root.newChildAllocator(name, 0, budget);
    Throwable failure = null;
    try {
      ZoneId zone = ZoneId.of(task.settings().getOrDefault(SESSION_TIME_ZONE, ZoneId.systemDefault().getId()));
      long now = Long.parseLong(task.settings().getOrDefault(QUERY_START_MICROS, "0"));
      TaskContext ctx = new TaskContext(name, allocator, new EvalContext(allocator, zone, now, task.partition()),
          inputs, batchSize, task.attempt());
      onStart.accept(ctx);
      TaskOutcome outcome;
      try (Operator op = new OperatorBuilder(ctx,
          !"false".equals(task.settings().get(SCAN_KEY_FILTERS))).build(task.fragment(), task.partition())) {
        outcome = drain(task, ctx, op, start);
      }
      return outcome;
    } catch (OutOfMemoryException e) {
      failure = new QuiverException("TASK_MEMORY_EXCEEDED", name + " needed more than its memory budget of "
          + (budget >> 20) + " MB. Spread the data over more tasks (raise spark.sql.shuffle.partitions or "
          + "repartition) or give tasks more memory (quiver.executor.memory).", null, e);
      throw (QuiverException) failure;
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      try {
        allocator.close();
      } catch (IllegalStateException leak) {
        // A leak fails the task, but must not hide the error that ended it (the user's ANSI error, say).
        if (failure == null) {
          throw leak;
        }
        failure.addSuppressed(leak);
      }
    }
  }

  private TaskOutcome drain(TaskDefinition task, TaskContext ctx, Operator op, long start) {
    if (task.kind() == StageKind.SHUFFLE_MAP) {
      String base = "job" + task.jobId() + "/stage" + task.stageId().id() + "/map" + task.partition() + "-"
          + task.attempt();
      int stage = task.stageId().id();
      TaskInputs in = ctx.inputs();
      try (ShuffleMapWriter writer = new ShuffleMapWriter(shuffleDir.resolve(base + ".data"),
          shuffleDir.resolve(base + ".index"), task.outputPartitioning(), task.fragment().output(), task.partition(),
          ctx, in == null ? null : in.joinKeysOf(stage), in == null ? null : in.joinKeysFor(stage))) {
        Batch b;
        while ((b = op.next()) != null) {
          writer.write(b);
        }
        return writer.finish(metrics(ctx, 0, 0, start));
      }
    }
    if (task.fragment() instanceof WriteFilesExec && op instanceof WriteFilesOperator writer) {
      while (writer.next() != null) {
        // A write produces no rows.
      }
      long rows = writer.rowsWritten();
      TaskCommitMessage commit = writer.commit();
      return new TaskOutcome.Written(commit, rows, metrics(ctx, rows, 0, start));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long rows = 0;
    Schema schema = dev.quiver.formats.ArrowTypes.toArrowSchema(
        dev.quiver.planner.logical.Plans.schemaOf(task.fragment().output()));
    IpcStreamWriter out = null;
    Batch b;
    while ((b = op.next()) != null) {
      try (Batch batch = b; VectorSchemaRoot root = batch.asRoot()) {
        if (out == null) {
          out = new IpcStreamWriter(root.getSchema(), bytes, IpcCompression.NONE);
        }
        out.write(root);
        rows += batch.rowCount();
      }
    }
    if (out == null) {
      out = new IpcStreamWriter(schema, bytes, IpcCompression.NONE);
    }
    out.finish();
    return new TaskOutcome.Rows(bytes.toByteArray(), rows, metrics(ctx, rows, bytes.size(), start));
  }

  private static TaskOutcome.TaskMetrics metrics(TaskContext ctx, long rowsOut, long bytesOut, long start) {
    return new TaskOutcome.TaskMetrics(ctx.rowsRead(), ctx.bytesRead(), rowsOut, bytesOut,
        (System.nanoTime() - start) / 1_000_000);
  }
}
