package dev.quiver.formats.commit;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a write task needs to know about its job, shipped from the driver to wherever the task runs: plain
 * strings, so it serializes anywhere. Created by {@link OutputCommitter#setupJob()}.
 *
 * @param outputPath the qualified output directory
 * @param stagingDir the qualified directory tasks write into (hidden from readers of the output)
 * @param jobId the job's unique id, part of every file name
 */
public record WriteJob(String outputPath, String stagingDir, String jobId) implements Serializable {
  private static final long serialVersionUID = 1L;

  public WriteJob {
    Objects.requireNonNull(outputPath, "outputPath");
    Objects.requireNonNull(stagingDir, "stagingDir");
    OutputCommitter.checkJobId(jobId);
  }

  /** The committer of one attempt of one write task. */
  public TaskCommitter taskCommitter(int partitionId, int attemptNumber) {
    return new TaskCommitter(this, partitionId, attemptNumber);
  }
}
