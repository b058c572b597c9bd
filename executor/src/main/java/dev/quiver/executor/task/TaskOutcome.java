package dev.quiver.executor.task;

import dev.quiver.formats.commit.TaskCommitMessage;
import java.util.List;

/**
 * What a finished task reports: map output sizes (a SHUFFLE_MAP task), its rows as an Arrow IPC stream (a
 * RESULT or BROADCAST task), or the files it committed (a write task); plus its metrics.
 */
public sealed interface TaskOutcome {
  TaskMetrics metrics();

  /** Where a map task's output lives and how big each reduce partition is. */
  record MapOutput(String dataFile, String indexFile, long[] partitionBytes, long[] partitionRows,
      TaskMetrics metrics) implements TaskOutcome {}

  /** The task's output rows, as one Arrow IPC stream. */
  record Rows(byte[] ipcStream, long rowCount, TaskMetrics metrics) implements TaskOutcome {}

  /** The files a write task committed. */
  record Written(TaskCommitMessage commit, long rowCount, TaskMetrics metrics) implements TaskOutcome {}

  /** Per-task counters reported to the driver. */
  record TaskMetrics(long rowsRead, long bytesRead, long rowsWritten, long bytesWritten, long runMillis) {
    public static TaskMetrics none() {
      return new TaskMetrics(0, 0, 0, 0, 0);
    }
  }

  static long total(List<TaskOutcome> outcomes) {
    long n = 0;
    for (TaskOutcome o : outcomes) {
      n += o.metrics().rowsWritten();
    }
    return n;
  }
}
