package dev.quiver.formats.listing;

import dev.quiver.formats.FileInfo;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The data files of a read, sorted by path, and the partition columns found in their directories.
 *
 * <p>{@code files.get(i).partitionValues()} holds file i's values as text (unescaped; null for the default
 * partition), keyed by the names of {@code partitionSchema}; {@code partitionValues.get(i)} holds the same
 * values in Quiver's internal form, in {@code partitionSchema} order: Integer, Long, Double, BigDecimal,
 * String, Integer days for dates, Long micros for timestamps, null for the default partition. When the read
 * is not partitioned the schema is empty and every value list is empty.
 *
 * @param rootPaths the qualified paths the read resolved to (globs expanded), in the order given
 */
public record ListedFiles(List<String> rootPaths, List<FileInfo> files, StructType partitionSchema,
    List<List<Object>> partitionValues) {
  public ListedFiles {
    rootPaths = List.copyOf(rootPaths);
    files = List.copyOf(files);
    Objects.requireNonNull(partitionSchema, "partitionSchema");
    if (partitionValues.size() != files.size()) {
      throw new IllegalArgumentException(
          "One partition value list per file expected: " + partitionValues.size() + " for " + files.size());
    }
    List<List<Object>> copy = new ArrayList<>(partitionValues.size());
    for (List<Object> values : partitionValues) {
      // Values may be null (default partition), so List.copyOf does not do.
      copy.add(Collections.unmodifiableList(new ArrayList<>(values)));
    }
    partitionValues = Collections.unmodifiableList(copy);
  }

  /** The internal-form partition values of {@code files().get(fileIndex)}. */
  public List<Object> partitionValues(int fileIndex) {
    return partitionValues.get(fileIndex);
  }

  public boolean isPartitioned() {
    return partitionSchema.length() > 0;
  }

  public long totalBytes() {
    long sum = 0;
    for (FileInfo f : files) {
      sum += f.length();
    }
    return sum;
  }
}
