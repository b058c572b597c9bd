package dev.quiver.planner.physical;

import java.util.List;

/** A byte range of one file, with the file's partition values (internal form, one per partition column). */
public record ScanSplit(String path, long start, long length, long fileLength, List<Object> partitionValues) {
  public ScanSplit {
    partitionValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(partitionValues));
  }
}
