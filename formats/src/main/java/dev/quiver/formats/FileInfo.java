package dev.quiver.formats;

import java.util.Map;

/**
 * A data file found when listing a path: its qualified path, size, and the Hive-style partition values of
 * the directories above it ({@code year=2024/} gives {@code year -> "2024"}), unparsed; a null value means
 * the default partition ({@code __HIVE_DEFAULT_PARTITION__}).
 */
public record FileInfo(String path, long length, long modificationTime, Map<String, String> partitionValues) {
  public FileInfo {
    partitionValues = partitionValues == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(partitionValues));
  }
}
