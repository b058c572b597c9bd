package dev.quiver.driver.scheduler;

import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageDag;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.QuiverThrowable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages of a job in dependency order, each as one task per partition on the launcher. A failed task
 * is retried up to {@code maxFailures} attempts unless the failure is the user's (an ANSI error, a malformed
 * file in FAILFAST mode...), which fails the job at once with that same error, as Spark reports it.
 */
public final class DagScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(DagScheduler.class);

  private final TaskLauncher launcher;
  private final int maxFailures;

  public DagScheduler(TaskLauncher launcher, int maxFailures) {
    this.launcher = launcher;
    this.maxFailures = Math.max(1, maxFailures);
  }

  /** What the driver does with each finished stage's outcomes (register map outputs, keep broadcasts). */
  public interface StageListener {
    void stageFinished(Stage stage, List<TaskOutcome> outcomes);
  }

  /**
   * Runs every stage of {@code dag}; returns the result stage's outcomes in partition order.
   *
   * @param inputsFor the task inputs of this job (shuffle, broadcast and cache readers)
   */
  public List<TaskOutcome> runJob(JobId job, StageDag dag, Map<String, String> settings, TaskInputs inputsFor,
      StageListener listener) {
    List<TaskOutcome> result = List.of();
    for (Stage stage : dag.stages()) {
      List<TaskOutcome> outcomes = runStage(job, stage, settings, inputsFor);
      listener.stageFinished(stage, outcomes);
      if (stage.kind() == StageKind.RESULT) {
        result = outcomes;
      }
    }
    return result;
  }

  private List<TaskOutcome> runStage(JobId job, Stage stage, Map<String, String> settings, TaskInputs inputs) {
    int n = stage.numPartitions();
    TaskOutcome[] done = new TaskOutcome[n];
    int[] attempts = new int[n];
    List<CompletableFuture<TaskOutcome>> running = new ArrayList<>(n);
    // Partitions whose current attempt ended, in the order they ended: a failure is seen (and the other tasks
    // cancelled) as soon as it happens, not only after every earlier partition has finished.
    BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
    for (int p = 0; p < n; p++) {
      running.add(launch(job, stage, p, 0, settings, inputs, ended));
    }
    int remaining = n;
    while (remaining > 0) {
      int p;
      try {
        p = ended.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        launcher.cancel(job);
        throw new QuiverException("Interrupted while waiting for " + stage.id() + " of " + job, e);
      }
      try {
        done[p] = running.get(p).get();
        remaining--;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        launcher.cancel(job);
        throw new QuiverException("Interrupted while waiting for " + stage.id() + " of " + job, e);
      } catch (ExecutionException | CancellationException e) {
        Throwable cause = unwrap(e);
        attempts[p]++;
        TaskAttemptId id = new TaskAttemptId(job, stage.id(), p, attempts[p] - 1);
        if (isUserError(cause) || attempts[p] >= maxFailures) {
          launcher.cancel(job);
          waitQuietly(running);
          throw jobFailure(id, stage, attempts[p], cause);
        }
        LOG.warn("{} failed ({}); retrying, attempt {} of {}", id, cause.toString(), attempts[p] + 1, maxFailures);
        running.set(p, launch(job, stage, p, attempts[p], settings, inputs, ended));
      }
    }
    return List.of(done);
  }

  private CompletableFuture<TaskOutcome> launch(JobId job, Stage stage, int partition, int attempt,
      Map<String, String> settings, TaskInputs inputs, BlockingQueue<Integer> ended) {
    TaskAttemptId id = new TaskAttemptId(job, stage.id(), partition, attempt);
    CompletableFuture<TaskOutcome> f;
    try {
      TaskDefinition def = TaskDefinition.of(String.valueOf(job.id()), stage, partition, attempt, settings);
      f = launcher.launch(id, def, inputs);
    } catch (RuntimeException | Error e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((r, e) -> ended.add(partition));
    return f;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof ExecutionException || cur instanceof java.util.concurrent.CompletionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }

  /** Errors that retrying cannot fix: the data or the query is at fault, not the machine. */
  static boolean isUserError(Throwable t) {
    return t instanceof QuiverThrowable && !(t instanceof TaskContext.TaskCancelledException);
  }

  private static RuntimeException jobFailure(TaskAttemptId id, Stage stage, int attempts, Throwable cause) {
    if (isUserError(cause) && cause instanceof RuntimeException re) {
      // The user's own error, with its own type, as Spark surfaces SQL errors.
      return re;
    }
    String reason = cause instanceof OutOfMemoryError ? "the JVM ran out of memory" : String.valueOf(cause);
    return new QuiverException("JOB_ABORTED", "Job aborted: " + id + " failed " + attempts + " time(s); most "
        + "recent failure: " + reason + ". Stage " + stage.id().id() + " (" + stage.numPartitions() + " tasks) "
        + "could not finish; see the cause below and the driver log.", null, cause);
  }

  private static void waitQuietly(List<CompletableFuture<TaskOutcome>> futures) {
    for (CompletableFuture<TaskOutcome> f : futures) {
      try {
        f.handle((r, e) -> null).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        // handle() never completes exceptionally
      }
    }
  }
}
