package dev.quiver.formats.commit;

import dev.quiver.formats.HadoopFs;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of the output commit protocol, a simplified and safer form of Spark's
 * {@code HadoopMapReduceCommitProtocol} with Hadoop's {@code FileOutputCommitter} (algorithm 1).
 *
 * <p>Lifecycle: {@link #setupJob()} once; every task attempt writes through a {@link TaskCommitter} and
 * commits or aborts; then {@link #commitJob} with the tasks' messages, or {@link #abortJob()} when the job
 * fails. Readers of the output never see a part file before {@code commitJob}: tasks write into a staging
 * directory that listings skip — {@code <output>/_temporary/<jobId>/} for error-if-exists, ignore and append,
 * and for overwrite a sibling {@code <parent>/.<name>-quiver-staging-<jobId>/}, so the old output stays
 * readable and intact until every task has committed. {@code _SUCCESS} is written last.
 *
 * <p>Overwrite builds the complete new output inside the staging directory, then swaps it in with two
 * renames (old output aside, new output in place) and deletes the old output; if the second rename fails the
 * old output is renamed back. Append moves each new file (with this job's unique id in its name, so names
 * never clash) next to the existing ones; if a move fails, the files already moved are moved back.
 */
public final class OutputCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(OutputCommitter.class);
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._-]+");

  static final String ATTEMPTS_DIR = "attempts";
  static final String TASKS_DIR = "tasks";
  static final String FINAL_DIR = "final";
  public static final String SUCCESS_FILE = "_SUCCESS";
  public static final String TEMPORARY_DIR = "_temporary";

  private enum State { NEW, WRITING, SKIPPED, COMMITTED, ABORTED }

  private final Path output;
  private final WriteMode mode;
  private final String jobId;
  private final CommitFs fs;
  private Path staging;
  private boolean createdOutput;
  private State state = State.NEW;

  /**
   * @param outputPath the output directory, a local path or a Hadoop URI
   * @param jobId this job's unique id ({@link #newJobId()}); it names the staging directory and every file
   */
  public OutputCommitter(String outputPath, WriteMode mode, String jobId) {
    Path path = HadoopFs.path(outputPath);
    this.fs = new CommitFs(path);
    this.output = fs.qualify(path);
    this.mode = Objects.requireNonNull(mode, "mode");
    this.jobId = checkJobId(jobId);
    if (output.getParent() == null) {
      throw new QuiverException("Cannot write to the root directory " + output + ". Choose a directory below it.");
    }
  }

  /** A fresh random job id, as Spark uses a random UUID per write job. */
  public static String newJobId() {
    return UUID.randomUUID().toString();
  }

  static String checkJobId(String jobId) {
    if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
      throw new IllegalArgumentException("A job id must be non-empty letters, digits, '.', '_' or '-' "
          + "(it becomes part of file names), but was '" + jobId + "'");
    }
    return jobId;
  }

  /** The qualified output path, e.g. {@code file:/data/out}. */
  public String outputPath() {
    return output.toString();
  }

  public WriteMode mode() {
    return mode;
  }

  public String jobId() {
    return jobId;
  }

  /**
   * Checks the output path against the mode and creates the staging directory.
   *
   * @return the job to hand to tasks, or empty when the mode is {@link WriteMode#IGNORE} and the output
   *     exists, in which case nothing must be written
   * @throws AnalysisException {@code [PATH_ALREADY_EXISTS]} in mode {@link WriteMode#ERROR_IF_EXISTS} when the
   *     output path exists (as in Spark, even as an empty directory)
   */
  public synchronized Optional<WriteJob> setupJob() {
    if (state != State.NEW) {
      throw new IllegalStateException("setupJob was already called for job " + jobId + " (" + state + ")");
    }
    FileStatus existing = fs.status(output);
    boolean exists = existing != null;
    switch (mode) {
      case ERROR_IF_EXISTS:
        if (exists) {
          throw new AnalysisException("PATH_ALREADY_EXISTS", "Path " + output
              + " already exists. Set mode as \"overwrite\" to overwrite the existing path.", "42K04");
        }
        break;
      case IGNORE:
        if (exists) {
          state = State.SKIPPED;
          return Optional.empty();
        }
        break;
      case APPEND:
        if (exists && !existing.isDirectory()) {
          throw new QuiverException("Cannot append to " + output + ": it is a file, not a directory. "
              + "Write to a directory, or use mode \"overwrite\" to replace the file.");
        }
        break;
      case OVERWRITE:
        break;
      default:
        throw new IllegalStateException("Unknown mode " + mode);
    }
    if (mode == WriteMode.OVERWRITE) {
      staging = new Path(output.getParent(), "." + output.getName() + "-quiver-staging-" + jobId);
    } else {
      createdOutput = !exists;
      staging = new Path(new Path(output, TEMPORARY_DIR), jobId);
    }
    state = State.WRITING;
    fs.mkdirs(staging);
    return Optional.of(new WriteJob(output.toString(), staging.toString(), jobId));
  }

  /** A task committer for use in this process; remote tasks use {@link WriteJob#taskCommitter}. */
  public synchronized TaskCommitter newTaskCommitter(int partitionId, int attemptNumber) {
    requireState(State.WRITING, "create a task committer");
    return new WriteJob(output.toString(), staging.toString(), jobId).taskCommitter(partitionId, attemptNumber);
  }

  static Path committedTaskDir(Path staging, int partitionId) {
    return new Path(new Path(staging, TASKS_DIR), String.format(Locale.ROOT, "task-%05d", partitionId));
  }

  /**
   * Publishes the committed output of every task named in {@code messages} (one or more messages per task;
   * the files are taken from the task's committed directory, so a message of an attempt that lost the race
   * counts as well), writes {@code _SUCCESS} and removes the staging directory.
   *
   * @return the qualified paths of the published data files, sorted
   * @throws QuiverException when a task has no committed output or the file system fails; the output is then
   *     as before the job, and {@link #abortJob()} should be called
   */
  public synchronized List<String> commitJob(List<TaskCommitMessage> messages) {
    requireState(State.WRITING, "commit");
    TreeMap<String, Path> files = new TreeMap<>();
    for (int partitionId : new TreeSet<>(messages.stream().map(TaskCommitMessage::partitionId).toList())) {
      Path taskDir = committedTaskDir(staging, partitionId);
      if (!fs.exists(taskDir)) {
        throw new QuiverException("Task " + partitionId + " of write job " + jobId + " reported a commit, but "
            + taskDir + " does not exist. The staging directory was modified while the job ran; write again.");
      }
      for (Path f : fs.listFiles(taskDir)) {
        if (f.getName().startsWith(TaskCommitter.MARKER_PREFIX)) {
          continue;
        }
        Path previous = files.put(CommitFs.relative(taskDir, f), f);
        if (previous != null) {
          throw new QuiverException("Two tasks of write job " + jobId + " wrote the same file "
              + CommitFs.relative(taskDir, f) + "; file names must include the task's partition id.");
        }
      }
    }
    List<String> published = mode == WriteMode.OVERWRITE ? commitBySwap(files) : commitInPlace(files);
    state = State.COMMITTED;
    cleanUp();
    return published;
  }

  /** Append, error-if-exists and ignore: move every file into the output, undoing the moves on failure. */
  private List<String> commitInPlace(TreeMap<String, Path> files) {
    List<Path[]> moved = new ArrayList<>();
    List<Path> createdDirs = new ArrayList<>();
    List<String> published = new ArrayList<>();
    try {
      for (var e : files.entrySet()) {
        Path target = new Path(output, e.getKey());
        createParents(target.getParent(), createdDirs);
        if (fs.exists(target)) {
          throw new QuiverException("Cannot publish " + target + ": a file of that name already exists. "
              + "Another job with the same job id " + jobId + " wrote here; use a fresh job id per write.");
        }
        fs.rename(e.getValue(), target);
        moved.add(new Path[] {e.getValue(), target});
        published.add(target.toString());
      }
      fs.touch(new Path(output, SUCCESS_FILE));
      return published;
    } catch (RuntimeException failure) {
      undoMoves(moved, createdDirs, failure);
      throw failure;
    }
  }

  private void createParents(Path dir, List<Path> createdDirs) {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !d.equals(output) && !fs.exists(d); d = d.getParent()) {
      missing.add(d);
    }
    if (!missing.isEmpty()) {
      fs.mkdirs(dir);
      createdDirs.addAll(missing);
    }
  }

  private void undoMoves(List<Path[]> moved, List<Path> createdDirs, RuntimeException failure) {
    for (int i = moved.size() - 1; i >= 0; i--) {
      Path source = moved.get(i)[0];
      Path target = moved.get(i)[1];
      try {
        if (!fs.tryRename(target, source)) {
          fs.delete(target);
        }
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    // Deepest first, so a parent is empty by the time it is tried.
    createdDirs.sort(Comparator.comparingInt((Path d) -> d.depth()).reversed());
    for (Path d : createdDirs) {
      try {
        fs.deleteIfEmpty(d);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Overwrite: build the new output in staging, then swap it with the old one. */
  private List<String> commitBySwap(TreeMap<String, Path> files) {
    Path fresh = new Path(staging, FINAL_DIR);
    fs.mkdirs(fresh);
    List<String> published = new ArrayList<>();
    for (var e : files.entrySet()) {
      Path target = new Path(fresh, e.getKey());
      fs.mkdirs(target.getParent());
      fs.rename(e.getValue(), target);
      published.add(new Path(output, e.getKey()).toString());
    }
    fs.touch(new Path(fresh, SUCCESS_FILE));

    Path old = oldOutputAside();
    boolean hadOld = fs.exists(output);
    if (hadOld) {
      fs.rename(output, old);
    }
    try {
      fs.rename(fresh, output);
    } catch (RuntimeException failure) {
      if (hadOld) {
        try {
          fs.rename(old, output);
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
      }
      throw failure;
    }
    if (hadOld) {
      try {
        fs.delete(old);
      } catch (RuntimeException e) {
        // The new output is in place; the old one only wastes space under a hidden name.
        LOG.warn("Write job {} replaced {}, but the previous output could not be deleted from {}", jobId, output,
            old, e);
      }
    }
    return published;
  }

  private Path oldOutputAside() {
    return new Path(output.getParent(), "." + output.getName() + "-quiver-old-" + jobId);
  }

  /**
   * Discards everything the job wrote, leaving the output path as it was before the job (a directory the
   * job created for its staging area is removed again). Safe to call more than once and after a failed
   * {@link #commitJob}; a no-op after a successful commit or a skipped job.
   */
  public synchronized void abortJob() {
    if (state == State.COMMITTED || state == State.SKIPPED || state == State.ABORTED) {
      return;
    }
    state = State.ABORTED;
    if (staging == null) {
      return;
    }
    if (mode == WriteMode.OVERWRITE) {
      Path old = oldOutputAside();
      // A commit that failed between its two renames leaves the old output aside: put it back.
      if (fs.exists(old) && !fs.exists(output)) {
        fs.rename(old, output);
      }
    }
    fs.delete(staging);
    if (mode != WriteMode.OVERWRITE) {
      fs.deleteIfEmpty(new Path(output, TEMPORARY_DIR));
      if (createdOutput) {
        fs.deleteIfEmpty(output);
      }
    }
  }

  private void cleanUp() {
    try {
      fs.delete(staging);
      if (mode != WriteMode.OVERWRITE) {
        fs.deleteIfEmpty(new Path(output, TEMPORARY_DIR));
      }
    } catch (RuntimeException e) {
      // The output is committed and complete; leftovers are hidden from readers.
      LOG.warn("Write job {} committed {}, but its staging directory {} could not be removed", jobId, output,
          staging, e);
    }
  }

  private void requireState(State expected, String action) {
    if (state != expected) {
      throw new IllegalStateException("Cannot " + action + " for write job " + jobId + " to " + output
          + " in state " + state + "; call setupJob first, and only once per job.");
    }
  }
}
