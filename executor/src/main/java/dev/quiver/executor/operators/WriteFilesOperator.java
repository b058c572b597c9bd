package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.commit.PartitionPaths;
import dev.quiver.formats.commit.TaskCommitMessage;
import dev.quiver.formats.commit.TaskCommitter;
import dev.quiver.formats.commit.WriteJob;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.physical.WriteFilesExec;
import dev.quiver.planner.physical.WriteSpec;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes this task's rows into files of its attempt directory, one file per Hive-style partition directory
 * when there are partition columns (which are then not written inside the files). Produces no rows; after
 * the input ends, {@link #commit()} makes the files the task's output under the commit protocol.
 */
public final class WriteFilesOperator implements Operator {
  private final Operator child;
  private final TaskContext ctx;
  private final WriteSpec spec;
  private final FileFormat format;
  private final FormatOptions options;
  private final TaskCommitter committer;
  private final int[] partitionColumns;
  private final int[] dataColumns;
  private final StructType dataSchema;
  private final List<String> partitionNames = new ArrayList<>();
  private final List<DataType> partitionTypes = new ArrayList<>();
  private final Map<String, BatchWriter> writers = new LinkedHashMap<>();
  private final boolean firstTask;
  private boolean done;
  private long rowsWritten;

  public WriteFilesOperator(WriteFilesExec node, Operator child, int partition, TaskContext ctx) {
    this.child = child;
    this.ctx = ctx;
    this.spec = node.spec();
    this.format = FileFormats.get(spec.format());
    this.options = FormatOptions.of(spec.options());
    this.committer = new WriteJob(spec.outputPath(), spec.stagingPath(), spec.jobId())
        .taskCommitter(partition, ctx.attemptNumber());
    this.firstTask = partition == 0;
    List<AttributeReference> input = node.child().output();
    List<Integer> parts = new ArrayList<>();
    List<Integer> data = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      if (spec.partitionColumns().contains(input.get(i).name())) {
        parts.add(i);
      } else {
        data.add(i);
      }
    }
    for (String name : spec.partitionColumns()) {
      for (int i : parts) {
        if (input.get(i).name().equals(name)) {
          partitionNames.add(name);
          partitionTypes.add(input.get(i).dataType());
        }
      }
    }
    this.partitionColumns = orderedPartitionColumns(input, parts);
    this.dataColumns = data.stream().mapToInt(Integer::intValue).toArray();
    List<AttributeReference> dataAttrs = new ArrayList<>();
    for (int i : dataColumns) {
      dataAttrs.add(input.get(i));
    }
    this.dataSchema = Plans.schemaOf(dataAttrs);
  }

  private int[] orderedPartitionColumns(List<AttributeReference> input, List<Integer> parts) {
    int[] out = new int[partitionNames.size()];
    for (int k = 0; k < partitionNames.size(); k++) {
      for (int i : parts) {
        if (input.get(i).name().equals(partitionNames.get(k))) {
          out[k] = i;
        }
      }
    }
    return out;
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    Batch b;
    while ((b = child.next()) != null) {
      try (Batch in = b) {
        ctx.checkCancelled();
        rowsWritten += in.rowCount();
        if (partitionColumns.length == 0) {
          write("", in, null, in.rowCount());
        } else {
          writePartitioned(in);
        }
      }
    }
    if (writers.isEmpty() && firstTask && partitionColumns.length == 0) {
      // An empty result still leaves one (empty) file, so the output's schema can be read back.
      writer("");
    }
    done = true;
    return null;
  }

  private void writePartitioned(Batch in) {
    Map<String, List<Integer>> rowsByDir = new LinkedHashMap<>();
    for (int r = 0; r < in.rowCount(); r++) {
      List<Object> values = new ArrayList<>(partitionColumns.length);
      for (int c : partitionColumns) {
        values.add(InternalValues.read(in.column(c), r));
      }
      String dir = PartitionPaths.partitionDir(partitionNames, partitionTypes, values, ctx.evalContext().timeZone());
      rowsByDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Integer>> e : rowsByDir.entrySet()) {
      int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      write(e.getKey(), in, idx, idx.length);
    }
  }

  private void write(String dir, Batch in, int[] rows, int count) {
    List<FieldVector> cols = new ArrayList<>(dataColumns.length);
    try {
      for (int c : dataColumns) {
        cols.add(rows == null ? Gather.slice(in.column(c), 0, count, ctx.allocator())
            : Gather.gather(in.column(c), rows, count, ctx.allocator()));
      }
      try (Batch data = new Batch(cols, count); VectorSchemaRoot root = data.asRoot()) {
        cols = List.of();
        writer(dir).write(root);
      }
    } finally {
      cols.forEach(FieldVector::close);
    }
  }

  private BatchWriter writer(String dir) {
    BatchWriter w = writers.get(dir);
    if (w == null) {
      String path = committer.newFile(dir, format.fileExtension(options));
      w = format.create(path, dataSchema, options, ctx.allocator());
      writers.put(dir, w);
    }
    return w;
  }

  /** The rows written so far (the operator itself returns no rows). */
  public long rowsWritten() {
    return rowsWritten;
  }

  /** Finishes every file and commits the task attempt; call after {@link #next()} returned null. */
  public TaskCommitMessage commit() {
    List<BatchWriter> open = new ArrayList<>(writers.values());
    writers.clear();
    Operators.closeAll(open);
    return committer.commitTask();
  }

  @Override
  public void close() {
    if (!writers.isEmpty()) {
      for (BatchWriter w : writers.values()) {
        w.abort();
      }
      writers.clear();
      committer.abortTask();
    }
    child.close();
  }
}
