package dev.quiver.planner.physical;

import java.util.List;

/** The splits one scan task reads, in order. */
public record ScanPartition(List<ScanSplit> splits) {
  public ScanPartition {
    splits = List.copyOf(splits);
  }
}
