package dev.quiver.planner.logical;

import dev.quiver.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * Files to read as a relation, resolved when the DataFrame is created (listing and schema inference happen
 * then, as in Spark): the format, the user's paths and options, the data schema (file columns) and the
 * partition schema (directory columns), and every file with its partition values in internal form.
 */
public record FileSource(String format, List<String> paths, Map<String, String> options, StructType dataSchema,
    StructType partitionSchema, List<SourceFile> files) {

  public FileSource {
    paths = List.copyOf(paths);
    options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    files = List.copyOf(files);
  }

  /** One data file: qualified path, size, and its partition values (one per partition column, may be null). */
  public record SourceFile(String path, long length, List<Object> partitionValues) {
    public SourceFile {
      partitionValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(partitionValues));
    }
  }

  /** Data columns then partition columns, as Spark orders them. */
  public StructType fullSchema() {
    StructType s = dataSchema;
    for (dev.quiver.sql.types.StructField f : partitionSchema.fieldList()) {
      s = s.add(f);
    }
    return s;
  }

  public long totalBytes() {
    long total = 0;
    for (SourceFile f : files) {
      total += f.length();
    }
    return total;
  }
}
