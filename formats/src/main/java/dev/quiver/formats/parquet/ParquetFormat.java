package dev.quiver.formats.parquet;

import dev.quiver.formats.BatchReader;
import dev.quiver.formats.BatchWriter;
import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.SourceFilter;
import dev.quiver.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The Parquet file format, compatible with Spark 4's Parquet data source: files it writes read back in Spark
 * with the exact schema, and it reads files written by Spark, parquet-mr, Arrow/pandas and DuckDB. Stateless
 * and thread-safe.
 */
public final class ParquetFormat implements FileFormat {
  public ParquetFormat() {}

  @Override
  public String name() {
    return "parquet";
  }

  /**
   * The schema from the first file's footer, or the union of all files' schemas with option
   * {@code mergeSchema=true}; every field comes back nullable.
   */
  @Override
  public StructType inferSchema(List<FileInfo> files, FormatOptions options) {
    return ParquetSchemaInference.infer(files, ParquetOptions.of(options));
  }

  @Override
  public boolean isSplittable(FileInfo file, FormatOptions options) {
    return true;
  }

  @Override
  public BatchReader open(FileSplit split, StructType dataSchema, StructType requiredSchema,
      List<SourceFilter> filters, FormatOptions options, BufferAllocator allocator, int batchSize) {
    return new ParquetBatchReader(split, dataSchema, requiredSchema, filters, ParquetOptions.of(options), allocator,
        batchSize);
  }

  @Override
  public BatchWriter create(String path, StructType schema, FormatOptions options, BufferAllocator allocator) {
    return new ParquetBatchWriter(path, schema, ParquetOptions.of(options));
  }

  @Override
  public String fileExtension(FormatOptions options) {
    return ParquetOptions.of(options).fileExtension();
  }
}
