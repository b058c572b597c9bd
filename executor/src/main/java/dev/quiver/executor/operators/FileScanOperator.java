package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.formats.BatchReader;
import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.physical.FileScanExec;
import dev.quiver.planner.physical.ScanSplit;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads this task's file splits: the format reader decodes the required data columns (in the order it is
 * asked for), and partition columns are added as constant vectors from each file's directory values.
 */
public final class FileScanOperator implements Operator {
  private final FileSource source;
  private final List<ScanSplit> splits;
  private final TaskContext ctx;
  private final FileFormat format;
  private final FormatOptions options;
  private final StructType requiredData;
  /** The pushed filters, then any added while the task runs (the splits opened after see them). */
  private List<SourceFilter> filters;
  /** Per output column: index into the reader's columns (>= 0), or -(partition index) - 1. */
  private final int[] columnSource;
  private final List<AttributeReference> output;
  private final boolean readerColumnsOnlyForRowCount;
  private int nextSplit;
  private BatchReader reader;
  private ScanSplit current;

  public FileScanOperator(FileScanExec node, int partition, TaskContext ctx) {
    this.source = node.source();
    this.output = node.output();
    this.splits = partition < node.partitions().size() ? node.partitions().get(partition).splits() : List.of();
    this.ctx = ctx;
    this.format = FileFormats.get(source.format());
    this.options = FormatOptions.of(source.options());
    StructType data = source.dataSchema();
    List<StructField> partitionFields = source.partitionSchema().fieldList();
    List<StructField> required = new ArrayList<>();
    columnSource = new int[output.size()];
    for (int i = 0; i < output.size(); i++) {
      String name = output.get(i).name();
      int p = indexOf(partitionFields, name);
      if (p >= 0) {
        columnSource[i] = -p - 1;
      } else {
        int d = indexOf(data.fieldList(), name);
        if (d < 0) {
          throw new IllegalStateException("Column " + name + " is neither in the data nor the partition schema of "
              + source.paths());
        }
        columnSource[i] = required.size();
        required.add(data.apply(d));
      }
    }
    // With only partition columns (or none) requested, still read one data column to learn row counts.
    readerColumnsOnlyForRowCount = required.isEmpty() && data.length() > 0;
    if (readerColumnsOnlyForRowCount) {
      required.add(data.apply(0));
    }
    this.requiredData = StructType.of(required);
    Set<String> dataNames = new HashSet<>();
    for (StructField f : data.fieldList()) {
      dataNames.add(f.name());
    }
    this.filters = SourceFilters.translate(node.pushedFilters(), dataNames);
  }

  /**
   * Adds a filter known only once the task runs (a broadcast join's build keys) for the splits not opened
   * yet. Like the pushed filters it is advisory: the operators above still judge every row it lets through.
   */
  public void addRuntimeFilter(SourceFilter filter) {
    List<SourceFilter> more = new ArrayList<>(filters);
    more.add(filter);
    filters = List.copyOf(more);
  }

  private static int indexOf(List<StructField> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Batch next() {
    while (true) {
      ctx.checkCancelled();
      if (reader == null) {
        if (nextSplit >= splits.size()) {
          return null;
        }
        current = splits.get(nextSplit++);
        FileSplit split = new FileSplit(current.path(), current.start(), current.length(), current.fileLength());
        reader = format.open(split, source.dataSchema(), requiredData, filters, options, ctx.allocator(),
            ctx.batchSize());
      }
      VectorSchemaRoot root = reader.next();
      if (root == null) {
        reader.close();
        reader = null;
        continue;
      }
      int rows = root.getRowCount();
      if (rows == 0) {
        root.close();
        continue;
      }
      ctx.addRowsRead(rows);
      return assemble(root, rows);
    }
  }

  private Batch assemble(VectorSchemaRoot root, int rows) {
    try (Batch read = Batch.fromRoot(root, ctx.allocator())) {
      List<FieldVector> cols = new ArrayList<>(output.size());
      boolean[] taken = new boolean[read.numColumns()];
      try {
        for (int i = 0; i < output.size(); i++) {
          int src = columnSource[i];
          if (src >= 0 && !readerColumnsOnlyForRowCount) {
            FieldVector v = read.column(src);
            if (taken[src]) {
              cols.add(dev.quiver.executor.batch.Gather.slice(v, 0, rows, ctx.allocator()));
            } else {
              taken[src] = true;
              cols.add(transfer(v));
            }
          } else {
            cols.add(constant(output.get(i), current.partitionValues().get(-src - 1), rows));
          }
        }
      } catch (RuntimeException e) {
        cols.forEach(FieldVector::close);
        throw e;
      }
      return new Batch(cols, rows);
    }
  }

  private FieldVector transfer(FieldVector v) {
    var tp = v.getTransferPair(ctx.allocator());
    tp.transfer();
    return (FieldVector) tp.getTo();
  }

  private FieldVector constant(AttributeReference attr, Object value, int rows) {
    FieldVector v = Vectors.create(attr.name(), attr.dataType(), rows, ctx.allocator());
    for (int r = 0; r < rows; r++) {
      InternalValues.write(v, r, value);
    }
    v.setValueCount(rows);
    return v;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
    nextSplit = splits.size();
  }
}
