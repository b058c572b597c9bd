package dev.quiver.driver;

import dev.quiver.driver.cache.CacheManager;
import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileFormats;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FormatOptions;
import dev.quiver.formats.listing.FileSplits;
import dev.quiver.formats.listing.PlannedSplit;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.FileSource;
import dev.quiver.planner.physical.ScanPartition;
import dev.quiver.planner.physical.ScanSplit;
import dev.quiver.planner.physical.ScanPlanning;
import java.util.ArrayList;
import java.util.List;

/** Splits file relations into tasks the way Spark's FilePartition does, and sizes cached relations. */
final class FileScanPlanning implements ScanPlanning {
  private final long maxPartitionBytes;
  private final long openCostInBytes;
  private final int minPartitions;
  private final CacheManager cache;

  FileScanPlanning(long maxPartitionBytes, long openCostInBytes, int minPartitions, CacheManager cache) {
    this.maxPartitionBytes = maxPartitionBytes;
    this.openCostInBytes = openCostInBytes;
    this.minPartitions = minPartitions;
    this.cache = cache;
  }

  @Override
  public List<ScanPartition> planScan(FileRelation relation) {
    FileSource source = relation.source();
    List<FileInfo> files = new ArrayList<>();
    for (FileSource.SourceFile f : source.files()) {
      files.add(new FileInfo(f.path(), f.length(), 0L, java.util.Map.of()));
    }
    FileFormat format = FileFormats.get(source.format());
    List<List<PlannedSplit>> planned = FileSplits.plan(files, format, FormatOptions.of(source.options()),
        maxPartitionBytes, openCostInBytes, minPartitions);
    List<ScanPartition> out = new ArrayList<>();
    for (List<PlannedSplit> part : planned) {
      List<ScanSplit> splits = new ArrayList<>();
      for (PlannedSplit s : part) {
        FileSource.SourceFile f = source.files().get(s.fileIndex());
        splits.add(new ScanSplit(s.split().path(), s.split().start(), s.split().length(), s.split().fileLength(),
            f.partitionValues()));
      }
      out.add(new ScanPartition(splits));
    }
    return out;
  }

  @Override
  public int cachedPartitionCount(long cacheId) {
    return cache.partitionCount(cacheId);
  }
}
