package dev.quiver.formats.parquet;

import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * parquet-mr's WriteSupport over Arrow batches. The "record" handed to ParquetWriter is the row index of the
 * bound batch, in one reused {@link Row}, so writing a row creates no objects; values go from the vectors'
 * buffers to the RecordConsumer through writers built once per batch.
 */
final class ArrowWriteSupport extends WriteSupport<ArrowWriteSupport.Row> {
  /** The row of the current batch being written; one instance is reused for every row. */
  static final class Row {
    int index;
  }

  private final MessageType schema;
  private final StructType quiverSchema;
  private final Map<String, String> metadata;
  private RecordConsumer consumer;
  private ValueWriter.GroupWriter row;

  ArrowWriteSupport(MessageType schema, StructType quiverSchema, Map<String, String> metadata) {
    this.schema = schema;
    this.quiverSchema = quiverSchema;
    this.metadata = metadata;
  }

  @Override
  public String getName() {
    return "quiver";
  }

  // parquet-mr still declares this abstract (the ParquetConfiguration overload delegates to it).
  @SuppressWarnings("deprecation")
  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, metadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  /** Builds the writers for a batch's vectors; the batch must match the schema the file was created with. */
  void bind(VectorSchemaRoot batch) {
    List<StructField> fields = quiverSchema.fieldList();
    FieldVector[] vectors = new FieldVector[fields.size()];
    ValueWriter[] writers = new ValueWriter[fields.size()];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = batch.getVector(i);
      writers[i] = ValueWriter.of(fields.get(i).name(), fields.get(i).dataType(), vectors[i]);
    }
    row = new ValueWriter.GroupWriter(fields, vectors, writers);
  }

  @Override
  public void write(Row r) {
    consumer.startMessage();
    row.writeFields(consumer, r.index);
    consumer.endMessage();
  }
}
