package dev.quiver.planner.physical;

/**
 * Session settings physical planning depends on. {@code shufflePartitions} 0 means "choose from the input
 * size" (small inputs get few partitions instead of Spark's fixed 200).
 */
public record PlanningSettings(int defaultParallelism, int shufflePartitions, long autoBroadcastJoinThreshold,
    long targetBytesPerPartition) {

  public static PlanningSettings defaults(int parallelism) {
    return new PlanningSettings(parallelism, 0, 10L * 1024 * 1024, 64L * 1024 * 1024);
  }

  /** The number of partitions of a shuffle whose input is estimated at {@code inputBytes}. */
  public int shufflePartitionsFor(long inputBytes) {
    if (shufflePartitions > 0) {
      return shufflePartitions;
    }
    if (inputBytes < 16L * 1024 * 1024) {
      return 1;
    }
    long byBytes = (inputBytes + targetBytesPerPartition - 1) / targetBytesPerPartition;
    return (int) Math.max(1, Math.min(200, Math.max(defaultParallelism, byBytes)));
  }

  /**
   * The partitions of a shuffle whose reading side does most of the work, such as making rows distinct:
   * one per core from 1 MB of input (file scans are estimated by their compressed bytes, so 16 MB can be
   * millions of rows), unless {@code spark.sql.shuffle.partitions} fixes the count.
   */
  public int spreadPartitionsFor(long inputBytes) {
    int n = shufflePartitionsFor(inputBytes);
    return shufflePartitions > 0 || inputBytes < 1024 * 1024 ? n : Math.max(n, defaultParallelism);
  }
}
