package dev.quiver.formats.parquet;

import java.io.IOException;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;

/** Writes files in layouts Quiver itself never produces (legacy lists, INT96), with parquet-mr's example API. */
final class LegacyWriter {
  private LegacyWriter() {}

  @SafeVarargs
  static void write(String path, MessageType schema, Consumer<Group>... rows) throws IOException {
    Configuration conf = new Configuration();
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(new Path(path), conf))
        .withType(schema).withConf(conf).withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      for (Consumer<Group> r : rows) {
        Group g = f.newGroup();
        r.accept(g);
        w.write(g);
      }
    }
  }
}
