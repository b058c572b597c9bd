package dev.quiver.formats.parquet;

import dev.quiver.formats.ArrowTypes;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.HadoopFs;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Arrow batches into one Parquet file the way Spark does: schema "spark_schema", the Spark schema JSON
 * in the footer's key-value metadata, dictionary encoding, data page v1, snappy by default. Rows go through
 * parquet-mr's ParquetWriter (which handles row group and page sizing, statistics and column indexes).
 */
final class ParquetBatchWriter implements BatchWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetBatchWriter.class);
  /** Spark reads this to decide calendar rebasing: 3.0 and later wrote proleptic Gregorian dates, as Quiver does. */
  static final String SPARK_VERSION_KEY = "org.apache.spark.version";
  static final String SPARK_VERSION = "4.0.0";

  private final String path;
  private final StructType schema;
  private final List<Field> arrowFields;
  private final AbortableFile file;
  private final ArrowWriteSupport support;
  private final ParquetWriter<ArrowWriteSupport.Row> writer;
  private final ArrowWriteSupport.Row row = new ArrowWriteSupport.Row();
  private long rows;
  private boolean closed;

  ParquetBatchWriter(String path, StructType schema, ParquetOptions options) {
    this.path = path;
    this.schema = schema;
    this.arrowFields = ArrowTypes.toArrowSchema(schema).getFields();
    MessageType parquetSchema = ParquetSchemaConverter.toParquet(schema);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(SPARK_VERSION_KEY, SPARK_VERSION);
    metadata.put(SparkSchemaJson.METADATA_KEY, SparkSchemaJson.toJson(schema));
    this.support = new ArrowWriteSupport(parquetSchema, schema, metadata);
    Path p = HadoopFs.path(path);
    this.file = new AbortableFile(HadoopFs.fs(p), p);
    try {
      this.writer = new Builder(file, support)
          .withConf(HadoopFs.conf())
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withCompressionCodec(options.compression())
          .withRowGroupSize(options.blockSize())
          .withPageSize(options.pageSize())
          .withDictionaryPageSize(options.dictionaryPageSize())
          .withDictionaryEncoding(options.dictionary())
          .withWriterVersion(options.writerVersion())
          .withValidation(false)
          .build();
    } catch (IOException | RuntimeException e) {
      file.abort();
      deleteQuietly(e);
      throw e instanceof QuiverException q ? q : new QuiverException("Cannot create Parquet file " + path + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void write(VectorSchemaRoot batch) {
    if (closed) {
      throw new IllegalStateException("Parquet file " + path + " is already closed");
    }
    checkSchema(batch);
    support.bind(batch);
    int n = batch.getRowCount();
    try {
      for (int i = 0; i < n; i++) {
        row.index = i;
        writer.write(row);
      }
    } catch (IOException e) {
      throw new QuiverException("Cannot write Parquet file " + path + ": " + e.getMessage(), e);
    }
    rows += n;
  }

  /** The batch must carry the vector types of the schema the file was created with, in its order. */
  private void checkSchema(VectorSchemaRoot batch) {
    List<Field> actual = batch.getSchema().getFields();
    boolean ok = actual.size() == arrowFields.size();
    for (int i = 0; ok && i < actual.size(); i++) {
      ok = sameType(actual.get(i), arrowFields.get(i));
    }
    if (!ok) {
      throw new QuiverException("The batch written to " + path + " has schema " + batch.getSchema()
          + " but the file was created for " + schema.simpleString() + ".");
    }
  }

  private static boolean sameType(Field a, Field b) {
    ArrowType ta = a.getType();
    if (!ta.equals(b.getType()) || a.getChildren().size() != b.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < a.getChildren().size(); i++) {
      if (!sameType(a.getChildren().get(i), b.getChildren().get(i))) {
        return false;
      }
    }
    return true;
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
      writer.close();
    } catch (IOException | RuntimeException e) {
      file.abort();
      deleteQuietly(e);
      throw new QuiverException("Cannot finish Parquet file " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void abort() {
    if (closed) {
      // Already finished (or aborted): a finished file is removed by the commit protocol, not here.
      return;
    }
    closed = true;
    file.abort();
    try {
      // Lets parquet-mr release its compressors and buffers; the footer goes nowhere.
      writer.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Releasing the aborted Parquet writer of {} failed", path, e);
    }
    deleteQuietly(null);
  }

  private void deleteQuietly(Exception primary) {
    try {
      file.delete();
    } catch (IOException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      } else {
        LOG.warn("Cannot delete the aborted Parquet file {}", path, e);
      }
    }
  }

  private static final class Builder extends ParquetWriter.Builder<ArrowWriteSupport.Row, Builder> {
    private final ArrowWriteSupport support;

    Builder(OutputFile file, ArrowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    // Abstract in parquet-mr 1.17 even though deprecated; the support ignores the configuration anyway.
    @SuppressWarnings("deprecation")
    @Override
    protected WriteSupport<ArrowWriteSupport.Row> getWriteSupport(Configuration conf) {
      return support;
    }
  }

  /**
   * The output file on the raw file system (no .crc side files). After {@link #abort()} the stream is closed
   * and further writes are discarded, so the writer can still be closed to free its resources.
   */
  private static final class AbortableFile implements OutputFile {
    private final FileSystem fs;
    private final Path path;
    private Stream stream;

    AbortableFile(FileSystem fs, Path path) {
      this.fs = fs;
      this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      stream = new Stream(fs.create(path, false));
      return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      stream = new Stream(fs.create(path, true));
      return stream;
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return path.toString();
    }

    void abort() {
      if (stream != null) {
        stream.abort();
      }
    }

    void delete() throws IOException {
      if (fs.exists(path)) {
        fs.delete(path, false);
      }
    }
  }

  private static final class Stream extends PositionOutputStream {
    private final FSDataOutputStream out;
    private long pos;
    private boolean aborted;
    private boolean closed;

    Stream(FSDataOutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      if (!aborted) {
        out.write(b);
      }
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (!aborted) {
        out.write(b, off, len);
      }
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      if (!aborted) {
        out.flush();
      }
    }

    void abort() {
      aborted = true;
      try {
        close();
      } catch (IOException e) {
        LOG.warn("Closing an aborted Parquet output stream failed", e);
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
