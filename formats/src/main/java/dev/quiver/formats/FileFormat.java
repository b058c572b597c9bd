package dev.quiver.formats;

import dev.quiver.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A file format (CSV, Parquet): schema inference, splitting, reading into and writing from Arrow batches.
 * Paths are Hadoop-style URIs or local paths ({@code file:/x}, {@code /x}); I/O goes through Hadoop's
 * FileSystem so that other schemes work too. Implementations are stateless and thread-safe.
 */
public interface FileFormat {
  /** {@code csv} or {@code parquet}. */
  String name();

  /**
   * The data schema of the files (without partition columns). CSV reads the header and, with inferSchema,
   * samples the data; Parquet reads footers. Errors name the file.
   */
  StructType inferSchema(List<FileInfo> files, FormatOptions options);

  /** Whether a file can be read in byte ranges by several tasks. */
  boolean isSplittable(FileInfo file, FormatOptions options);

  /**
   * Opens a reader over one split. {@code dataSchema} is the full schema of the file (as inferred or given
   * by the user); {@code requiredSchema} is the subset of its fields, in any order, that the caller needs:
   * the reader returns exactly those columns in that order. {@code filters} may be used to skip data.
   */
  BatchReader open(FileSplit split, StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      FormatOptions options, BufferAllocator allocator, int batchSize);

  /** Creates a new file at {@code path} for {@code schema}; the parent directory may not exist yet. */
  BatchWriter create(String path, StructType schema, FormatOptions options, BufferAllocator allocator);

  /** The file name suffix of written files: {@code .csv}, {@code .snappy.parquet}. */
  String fileExtension(FormatOptions options);
}
