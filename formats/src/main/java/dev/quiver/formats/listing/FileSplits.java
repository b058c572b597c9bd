package dev.quiver.formats.listing;

import dev.quiver.formats.FileFormat;
import dev.quiver.formats.FileInfo;
import dev.quiver.formats.FileSplit;
import dev.quiver.formats.FormatOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts files into splits and packs the splits into task partitions, as Spark's {@code FilePartition} and
 * {@code PartitionedFileUtil.splitFiles}: a splittable file is cut into chunks of {@link #maxSplitBytes}; the
 * splits, largest first, are packed next-fit into partitions of at most that many bytes, where every split
 * also costs {@code openCostInBytes} (opening a file is not free, so many small files share a task).
 * Empty files are left out: they hold no rows, and Spark's scan never sees them. Unlike Spark, a packing into
 * a few partitions that is not a multiple of the parallelism is redone with smaller splits when that gives a
 * multiple, so no task slot idles through the last wave of tasks.
 */
public final class FileSplits {
  /** {@code spark.sql.files.maxPartitionBytes}. */
  public static final long DEFAULT_MAX_PARTITION_BYTES = 128L * 1024 * 1024;
  /** {@code spark.sql.files.openCostInBytes}. */
  public static final long DEFAULT_OPEN_COST_IN_BYTES = 4L * 1024 * 1024;

  private FileSplits() {}

  /**
   * The split size: {@code min(maxPartitionBytes, max(openCostInBytes, totalBytes / minPartitions))}, where
   * totalBytes counts every non-empty file's length plus the open cost.
   */
  public static long maxSplitBytes(List<FileInfo> files, long maxPartitionBytes, long openCostInBytes,
      int minPartitions) {
    if (maxPartitionBytes <= 0 || openCostInBytes < 0 || minPartitions <= 0) {
      throw new IllegalArgumentException("maxPartitionBytes and minPartitions must be positive and "
          + "openCostInBytes not negative: " + maxPartitionBytes + ", " + minPartitions + ", " + openCostInBytes);
    }
    long total = 0;
    for (FileInfo f : files) {
      if (f.length() > 0) {
        total += f.length() + openCostInBytes;
      }
    }
    long bytesPerCore = total / minPartitions;
    return Math.min(maxPartitionBytes, Math.max(openCostInBytes, bytesPerCore));
  }

  /**
   * Plans the task partitions of a scan over {@code files}.
   *
   * @param maxPartitionBytes the most bytes a partition should read ({@link #DEFAULT_MAX_PARTITION_BYTES})
   * @param openCostInBytes the estimated cost of opening a file, in bytes ({@link #DEFAULT_OPEN_COST_IN_BYTES})
   * @param minPartitions the parallelism to aim for (Spark: {@code spark.sql.files.minPartitionNum}, by default
   *     the default parallelism, i.e. the number of task slots)
   * @return one list of splits per task partition, in partition order; empty when there is nothing to read
   */
  public static List<List<PlannedSplit>> plan(List<FileInfo> files, FileFormat format, FormatOptions options,
      long maxPartitionBytes, long openCostInBytes, int minPartitions) {
    long maxSplit = maxSplitBytes(files, maxPartitionBytes, openCostInBytes, minPartitions);
    List<List<PlannedSplit>> partitions = plan(files, format, options, maxSplit, openCostInBytes);
    int count = partitions.size();
    if (minPartitions > 1 && count % minPartitions != 0 && count < 4 * minPartitions) {
      // A few partitions that are not a multiple of the task slots leave slots idle for a whole task's time
      // at the end (3 equal tasks on 2 slots take as long as 4). Where smaller splits give a multiple, use
      // them: 6 files of 36 MB become 6 tasks on 2 slots, not 3. Spark keeps the uneven packing.
      int wanted = (count + minPartitions - 1) / minPartitions * minPartitions;
      long smallerSplit = maxSplitBytes(files, maxPartitionBytes, openCostInBytes, wanted);
      if (smallerSplit < maxSplit) {
        List<List<PlannedSplit>> balanced = plan(files, format, options, smallerSplit, openCostInBytes);
        if (balanced.size() % minPartitions == 0) {
          return balanced;
        }
      }
    }
    return partitions;
  }

  private static List<List<PlannedSplit>> plan(List<FileInfo> files, FileFormat format, FormatOptions options,
      long maxSplit, long openCostInBytes) {
    List<PlannedSplit> splits = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileInfo f = files.get(i);
      if (f.length() == 0) {
        continue;
      }
      if (format.isSplittable(f, options)) {
        for (long offset = 0; offset < f.length(); offset += maxSplit) {
          long size = Math.min(maxSplit, f.length() - offset);
          splits.add(new PlannedSplit(new FileSplit(f.path(), offset, size, f.length()), i, f));
        }
      } else {
        splits.add(new PlannedSplit(FileSplit.whole(f.path(), f.length()), i, f));
      }
    }
    // Largest first (stable, so equal sizes keep file order): "next fit decreasing" as in Spark.
    splits.sort(Comparator.comparingLong((PlannedSplit s) -> s.split().length()).reversed());
    return pack(splits, maxSplit, openCostInBytes);
  }

  private static List<List<PlannedSplit>> pack(List<PlannedSplit> splits, long maxSplit, long openCost) {
    List<List<PlannedSplit>> partitions = new ArrayList<>();
    List<PlannedSplit> current = new ArrayList<>();
    long currentSize = 0;
    for (PlannedSplit s : splits) {
      if (currentSize + s.split().length() > maxSplit && !current.isEmpty()) {
        partitions.add(Collections.unmodifiableList(current));
        current = new ArrayList<>();
        currentSize = 0;
      }
      currentSize += s.split().length() + openCost;
      current.add(s);
    }
    if (!current.isEmpty()) {
      partitions.add(Collections.unmodifiableList(current));
    }
    return Collections.unmodifiableList(partitions);
  }
}
