package dev.quiver.planner.physical;

import dev.quiver.planner.logical.FileRelation;
import java.util.ArrayList;
import java.util.List;

/**
 * What physical planning must ask the driver, which knows files and caches: how a file relation splits
 * into tasks, and how many partitions a cached DataFrame has.
 */
public interface ScanPlanning {
  List<ScanPartition> planScan(FileRelation relation);

  int cachedPartitionCount(long cacheId);

  /** One task per file, whole files: for planner-only tests and tools. */
  ScanPlanning ONE_TASK_PER_FILE = new ScanPlanning() {
    @Override
    public List<ScanPartition> planScan(FileRelation relation) {
      List<ScanPartition> out = new ArrayList<>();
      for (var f : relation.source().files()) {
        out.add(new ScanPartition(List.of(new ScanSplit(f.path(), 0, f.length(), f.length(), f.partitionValues()))));
      }
      return out;
    }

    @Override
    public int cachedPartitionCount(long cacheId) {
      return 1;
    }
  };
}
