package dev.quiver.formats.csv;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.HadoopFs;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Arrow batches as one CSV file through Hadoop's FileSystem (which creates missing parent directories),
 * optionally gzip-compressed, in the options' charset. With {@code header=true} the column names are the first
 * record, written when the file is created. Values are formatted by {@link CsvValueFormatter} and printed through
 * commons-csv by {@link CsvRecordWriter}, which quotes them as Spark does.
 */
final class CsvBatchWriter implements BatchWriter {
  private static final Logger LOG = LoggerFactory.getLogger(CsvBatchWriter.class);

  private final String path;
  private final Path hadoopPath;
  private final FileSystem fs;
  private final StructType schema;
  private final ArrowType[] arrowTypes;
  private final CsvValueFormatter[] formatters;
  private final String[] values;
  private final Writer out;
  private final CsvRecordWriter records;
  private long rows;
  private boolean closed;

  CsvBatchWriter(String path, StructType schema, CsvOptions options) {
    this.path = path;
    this.schema = schema;
    int n = schema.length();
    CsvDateTimes dateTimes = new CsvDateTimes(options);
    this.formatters = new CsvValueFormatter[n];
    this.arrowTypes = new ArrowType[n];
    for (int i = 0; i < n; i++) {
      StructField f = schema.apply(i);
      formatters[i] = CsvValueFormatter.forType(f.name(), f.dataType(), dateTimes);
      arrowTypes[i] = ArrowTypes.toArrowType(f.dataType());
    }
    this.values = new String[n];
    this.hadoopPath = HadoopFs.path(path);
    this.fs = HadoopFs.fs(hadoopPath);
    OutputStream stream;
    try {
      stream = fs.create(hadoopPath, false);
    } catch (IOException e) {
      throw new QuiverException("Cannot create the CSV file " + path + ": " + e.getMessage()
          + ". Check that the directory is writable and that no file of that name exists.", e);
    }
    try {
      if (options.gzip) {
        stream = new GZIPOutputStream(stream, 64 * 1024);
      }
      this.out = new BufferedWriter(new OutputStreamWriter(stream, options.charset), 64 * 1024);
      this.records = new CsvRecordWriter(out, options);
      if (options.header) {
        records.writeHeader(schema.fieldNames());
      }
    } catch (IOException e) {
      QuiverException failure = new QuiverException("Cannot write the CSV file " + path + ": " + e.getMessage(), e);
      closeAndDelete(stream, failure);
      throw failure;
    }
  }

  @Override
  public void write(VectorSchemaRoot batch) {
    if (closed) {
      throw new IllegalStateException("The CSV writer of " + path + " is already closed");
    }
    List<FieldVector> vectors = batch.getFieldVectors();
    checkBatch(batch);
    int n = values.length;
    int count = batch.getRowCount();
    try {
      for (int row = 0; row < count; row++) {
        for (int c = 0; c < n; c++) {
          FieldVector v = vectors.get(c);
          values[c] = v.isNull(row) ? null : formatters[c].format(v, row);
        }
        records.write(values, n);
        rows++;
      }
    } catch (IOException e) {
      throw new QuiverException("Cannot write the CSV file " + path + " (after " + rows + " rows): "
          + e.getMessage() + ". Check the free space and permissions of the output directory.", e);
    }
  }

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new QuiverException("Cannot finish the CSV file " + path + ": " + e.getMessage()
          + ". Check the free space and permissions of the output directory.", e);
    }
  }

  @Override
  public void abort() {
    boolean wasClosed = closed;
    closed = true;
    if (!wasClosed) {
      try {
        out.close();
      } catch (IOException e) {
        // The task already failed; the file is deleted below, so a failure to flush it changes nothing.
        LOG.warn("Closing the aborted CSV file {} failed: {}", path, e.toString());
      }
    }
    delete();
  }

  private void checkBatch(VectorSchemaRoot batch) {
    List<Field> fields = batch.getSchema().getFields();
    if (fields.size() != arrowTypes.length) {
      throw new IllegalArgumentException("A batch of " + fields.size() + " columns was given to the CSV writer of "
          + path + ", whose schema has " + arrowTypes.length + ": " + schema.simpleString());
    }
    for (int i = 0; i < arrowTypes.length; i++) {
      if (!fields.get(i).getType().equals(arrowTypes[i])) {
        throw new IllegalArgumentException("Column " + i + " of a batch given to the CSV writer of " + path
            + " is " + fields.get(i).getType() + ", but the schema says " + schema.apply(i).dataType().sql()
            + " (" + arrowTypes[i] + ")");
      }
    }
  }

  private void closeAndDelete(OutputStream stream, QuiverException failure) {
    try {
      stream.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
    try {
      fs.delete(hadoopPath, false);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private void delete() {
    try {
      fs.delete(hadoopPath, false);
    } catch (IOException e) {
      throw new QuiverException("Cannot delete the aborted CSV file " + path + ": " + e.getMessage()
          + ". Remove it by hand before reading the output directory.", e);
    }
  }
}
