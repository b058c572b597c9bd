package dev.quiver.formats.commit;

import java.io.Serializable;
import java.util.List;

/**
 * What a task attempt reports to the driver after {@link TaskCommitter#commitTask()}.
 *
 * @param committed true when this attempt's output became the task's output; false when another attempt of
 *     the same task had committed first and this attempt's files were discarded. Either way the task's
 *     output is committed, so the driver may pass any of these messages to {@link OutputCommitter#commitJob}.
 * @param files this attempt's committed files, relative to the output directory ({@code year=2024/part-...});
 *     empty when {@code committed} is false
 */
public record TaskCommitMessage(int partitionId, int attemptNumber, boolean committed, List<String> files)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TaskCommitMessage {
    files = List.copyOf(files);
  }
}
