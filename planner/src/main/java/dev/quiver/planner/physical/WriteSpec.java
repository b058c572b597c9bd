package dev.quiver.planner.physical;

import java.util.List;
import java.util.Map;

/**
 * A file write: format and options, the columns (by name) that become Hive-style directories, and the job
 * identity the tasks' commit protocol needs ({@code stagingPath} is where task attempts write).
 */
public record WriteSpec(String format, Map<String, String> options, List<String> partitionColumns,
    String outputPath, String stagingPath, String jobId) {
  public WriteSpec {
    options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    partitionColumns = List.copyOf(partitionColumns);
  }
}
