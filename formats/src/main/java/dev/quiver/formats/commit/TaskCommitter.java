package dev.quiver.formats.commit;

import dev.quiver.sql.QuiverException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;

/**
 * The task side of the commit protocol, for one attempt of one write task. It runs where the task runs, so
 * it holds only strings and serializes with the task.
 *
 * <p>An attempt writes every file into its own attempt directory inside the job's staging directory;
 * {@link #commitTask()} renames that directory to the task's committed directory, so of several attempts of
 * one task (retries, speculation) exactly one attempt's files survive: the first to commit. Close or abort
 * every writer before committing or aborting.
 *
 * <p>File names follow Spark: {@code part-<partition, 5 digits>-<job id>-c<counter, 3 digits><extension>},
 * e.g. {@code part-00003-6f1c...-c000.snappy.parquet}; the counter counts files of this task in the same
 * partition directory.
 */
public final class TaskCommitter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Marks whose attempt a committed task directory holds; never moved into the output. */
  static final String MARKER_PREFIX = "_COMMITTED_ATTEMPT_";

  private final String stagingDir;
  private final String jobId;
  private final int partitionId;
  private final int attemptNumber;
  private final HashMap<String, Integer> filesPerDir = new HashMap<>();

  TaskCommitter(WriteJob job, int partitionId, int attemptNumber) {
    if (partitionId < 0 || attemptNumber < 0) {
      throw new IllegalArgumentException("Partition id and attempt number must not be negative: "
          + partitionId + ", " + attemptNumber);
    }
    this.stagingDir = job.stagingDir();
    this.jobId = job.jobId();
    this.partitionId = partitionId;
    this.attemptNumber = attemptNumber;
  }

  public int partitionId() {
    return partitionId;
  }

  public int attemptNumber() {
    return attemptNumber;
  }

  /** Where this attempt writes; deleted by {@link #abortTask()} or moved by {@link #commitTask()}. */
  public String attemptDir() {
    return attemptPath().toString();
  }

  private Path attemptPath() {
    return new Path(new Path(stagingDir, OutputCommitter.ATTEMPTS_DIR), attemptName());
  }

  private String attemptName() {
    return String.format(Locale.ROOT, "attempt-%05d-%d", partitionId, attemptNumber);
  }

  Path committedPath() {
    return OutputCommitter.committedTaskDir(new Path(stagingDir), partitionId);
  }

  /**
   * The path of a new output file of this attempt; its directory may not exist yet.
   *
   * @param partitionDir {@code ""} or a relative partition directory such as {@code year=2024/month=1}, built
   *     with {@link PartitionPaths#partitionDir}
   * @param extension the file name suffix, e.g. {@code .csv} or {@code .snappy.parquet}
   */
  public synchronized String newFile(String partitionDir, String extension) {
    String dir = PartitionPaths.checkRelativeDir(partitionDir);
    if (extension == null || extension.contains("/")) {
      throw new IllegalArgumentException("Bad file extension '" + extension + "': expected e.g. \".csv\"");
    }
    int counter = filesPerDir.merge(dir, 1, Integer::sum) - 1;
    String name = String.format(Locale.ROOT, "part-%05d-%s-c%03d%s", partitionId, jobId, counter, extension);
    Path parent = dir.isEmpty() ? attemptPath() : new Path(attemptPath(), dir);
    return new Path(parent, name).toString();
  }

  /**
   * Makes this attempt's files the task's output, unless another attempt of the task committed first, in
   * which case this attempt's files are deleted and the message says {@code committed = false}.
   */
  public TaskCommitMessage commitTask() {
    Path attempt = attemptPath();
    Path target = committedPath();
    CommitFs fs = new CommitFs(attempt);
    if (!fs.exists(attempt)) {
      // A task that wrote nothing still commits, so the job knows the task is done.
      fs.mkdirs(attempt);
    }
    // The marker keeps the directory non-empty, so a rename can never silently replace an empty committed
    // directory of another attempt, and it tells us afterwards whose directory the target is.
    Path marker = new Path(attempt, MARKER_PREFIX + attemptNumber);
    fs.touch(marker);
    if (fs.exists(target)) {
      fs.delete(attempt);
      return lost();
    }
    fs.mkdirs(target.getParent());
    boolean renamed = fs.tryRename(attempt, target);
    // Hadoop renames a directory *into* an existing directory: if another attempt won the race between the
    // check and the rename, our directory now sits inside the winner's.
    Path nested = new Path(target, attempt.getName());
    if (fs.exists(nested)) {
      fs.delete(nested);
      fs.delete(attempt);
      return lost();
    }
    if (!renamed || !fs.exists(new Path(target, marker.getName()))) {
      if (fs.exists(target)) {
        fs.delete(attempt);
        return lost();
      }
      throw new QuiverException("Could not commit task " + partitionId + " attempt "
          + attemptNumber + ": moving " + attempt + " to " + target + " failed. Check the output location.");
    }
    List<String> files = new ArrayList<>();
    for (Path f : fs.listFiles(target)) {
      if (!f.getName().startsWith(MARKER_PREFIX)) {
        files.add(CommitFs.relative(target, f));
      }
    }
    return new TaskCommitMessage(partitionId, attemptNumber, true, files);
  }

  private TaskCommitMessage lost() {
    return new TaskCommitMessage(partitionId, attemptNumber, false, List.of());
  }

  /** Deletes everything this attempt wrote. Safe to call more than once and after a failed commit. */
  public void abortTask() {
    Path attempt = attemptPath();
    new CommitFs(attempt).delete(attempt);
  }
}
