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
import dev.quiver.planner.stages.StageId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages of a job in dependency order, independent stages at the same time, each as one task per
 * partition on the launcher. A failed task is retried up to {@code maxFailures} attempts unless the failure is
 * the user's (an ANSI error, a malformed file in FAILFAST mode...), which fails the job at once with that same
 * error, as Spark reports it. A task that cannot fetch a map output (its worker was lost) makes the scheduler
 * re-run only the missing map tasks of that shuffle, then the task; each stage's life follows
 * {@link StageState}.
 */
public final class DagScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(DagScheduler.class);
  private static final AtomicInteger STAGE_DRIVERS = new AtomicInteger();

  private final TaskLauncher launcher;
  private final int maxFailures;
  private final MapOutputTracker tracker;
  /** One thread per running stage, waiting for its tasks; idle threads end after a minute. */
  private final ExecutorService stageDrivers = Executors.newCachedThreadPool(
      r -> {
        Thread t = new Thread(r, "quiver-stage-driver-" + STAGE_DRIVERS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });

  public DagScheduler(TaskLauncher launcher, int maxFailures) {
    this(launcher, maxFailures, new MapOutputTracker());
  }

  public DagScheduler(TaskLauncher launcher, int maxFailures, MapOutputTracker tracker) {
    this.launcher = launcher;
    this.maxFailures = Math.max(1, maxFailures);
    this.tracker = tracker;
  }

  /** What the driver does with each finished stage's outcomes (keep broadcasts...). */
  public interface StageListener {
    void stageFinished(Stage stage, List<TaskOutcome> outcomes);
  }

  /** One job's run: its stages' states and the arguments every launch needs. */
  private final class JobRun {
    final JobId job;
    final StageDag dag;
    final Map<String, String> settings;
    final TaskInputs inputs;
    final Map<StageId, StageState> states = new HashMap<>();
    /**
     * The job's first failure, recorded before the job's tasks are cancelled: a stage that sees a task cancelled
     * then also sees this and stops instead of retrying it.
     */
    volatile Throwable failure;
    /** Held while lost map outputs are recomputed, so that two stages reading them do not both recompute. */
    final Object recomputing = new Object();

    JobRun(JobId job, StageDag dag, Map<String, String> settings, TaskInputs inputs) {
      this.job = job;
      this.dag = dag;
      this.settings = settings;
      this.inputs = inputs;
      for (Stage s : dag.stages()) {
        states.put(s.id(), StageState.WAITING);
      }
    }

    /**
     * Records {@code cause} as the job's failure and cancels the job's tasks, unless a failure came first (of
     * which a {@link JobFailedElsewhere} is only the echo): the failure reported is the one that stopped the job.
     */
    synchronized void failAndCancel(Throwable cause) {
      if (failure == null && !(cause instanceof JobFailedElsewhere)) {
        failure = cause;
        launcher.cancel(job);
      }
    }

    boolean failed() {
      return failure != null;
    }

    synchronized void move(Stage stage, StageState next) {
      StageState now = states.get(stage.id());
      if (!now.canMoveTo(next)) {
        throw new IllegalStateException(stage.id() + " of " + job + " cannot go from " + now + " to " + next);
      }
      LOG.debug("{} of {}: {} -> {}", stage.id(), job, now, next);
      states.put(stage.id(), next);
    }
  }

  /**
   * Runs every stage of {@code dag}; returns the result stage's outcomes in partition order. A stage starts as
   * soon as the stages it depends on ({@link StageDag#prerequisites}) are done, so independent stages (the small
   * scans a chain of broadcast joins builds from, the two sides of a shuffled join) share the task slots
   * instead of leaving them idle while the other finishes. The first failure fails the job: the job's other
   * tasks are cancelled and this returns only once no stage of the job is still running.
   *
   * @param inputsFor the task inputs of this job (shuffle, broadcast and cache readers)
   */
  public List<TaskOutcome> runJob(JobId job, StageDag dag, Map<String, String> settings, TaskInputs inputsFor,
      StageListener listener) {
    JobRun run = new JobRun(job, dag, settings, inputsFor);
    Map<StageId, CompletableFuture<List<TaskOutcome>>> finished = new HashMap<>();
    for (Stage stage : dag.stages()) {
      // dag.stages() lists every stage after its prerequisites, so their futures exist already.
      CompletableFuture<?>[] before = dag.prerequisites(stage).stream().map(finished::get)
          .toArray(CompletableFuture[]::new);
      finished.put(stage.id(), CompletableFuture.allOf(before)
          .thenApplyAsync(v -> runWholeStage(run, stage, listener), stageDrivers));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(finished.values().toArray(CompletableFuture[]::new));
    try {
      all.handle((v, e) -> null).get();
    } catch (InterruptedException e) {
      QuiverException interrupted = new QuiverException("Interrupted while waiting for " + job, e);
      run.failAndCancel(interrupted);
      // Return only once no stage of the job runs: the caller deletes the job's files and broadcasts next.
      all.handle((v, x) -> null).join();
      Thread.currentThread().interrupt();
      throw interrupted;
    } catch (ExecutionException e) {
      throw new IllegalStateException("handle() never completes exceptionally", e);
    }
    Throwable failure = run.failure;
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      // Only runtime exceptions and errors are recorded (runWholeStage catches nothing else).
      throw (RuntimeException) failure;
    }
    return finished.get(dag.result().id()).join();
  }

  /** Runs every partition of {@code stage} and hands its outcomes to the listener; records a failure. */
  private List<TaskOutcome> runWholeStage(JobRun run, Stage stage, StageListener listener) {
    try {
      if (run.failed()) {
        throw new JobFailedElsewhere();
      }
      List<Integer> all = new ArrayList<>(stage.numPartitions());
      for (int p = 0; p < stage.numPartitions(); p++) {
        all.add(p);
      }
      List<TaskOutcome> outcomes = runStage(run, stage, all);
      listener.stageFinished(stage, outcomes);
      return outcomes;
    } catch (RuntimeException | Error e) {
      // The first failure stops the job's other stages: their tasks are cancelled and they stop waiting.
      run.failAndCancel(e);
      throw e;
    }
  }

  /** Thrown by a stage that stops because another stage of its job failed; never reaches the user. */
  private static final class JobFailedElsewhere extends RuntimeException {
    JobFailedElsewhere() {
      super(null, null, false, false);
    }
  }

  /** Re-runs the map tasks whose output was lost, for every shuffle {@code stage} reads. */
  private void recomputeLostParents(JobRun run, Stage stage) {
    boolean anyLost = false;
    for (StageId parentId : stage.parents()) {
      anyLost |= run.dag.stage(parentId).kind() == StageKind.SHUFFLE_MAP && !tracker.lost(run.job, parentId).isEmpty();
    }
    if (!anyLost) {
      return; // the common case, without waiting behind another stage's recomputation
    }
    synchronized (run.recomputing) {
      recomputeLostParentsLocked(run, stage);
    }
  }

  private void recomputeLostParentsLocked(JobRun run, Stage stage) {
    for (StageId parentId : stage.parents()) {
      if (run.failed()) {
        // The job failed meanwhile (perhaps this very recomputation, run by another reader): stop.
        throw new JobFailedElsewhere();
      }
      Stage parent = run.dag.stage(parentId);
      if (parent.kind() != StageKind.SHUFFLE_MAP) {
        continue;
      }
      List<Integer> missing = tracker.lost(run.job, parentId);
      if (!missing.isEmpty()) {
        LOG.warn("Re-running map tasks {} of {} ({}): their output was lost with a worker", missing, parentId,
            run.job);
        run.move(parent, StageState.RESUBMITTED);
        runStage(run, parent, missing);
      }
    }
  }

  /** Runs the given partitions of {@code stage}; returns their outcomes in that order. */
  private List<TaskOutcome> runStage(JobRun run, Stage stage, List<Integer> partitions) {
    JobId job = run.job;
    recomputeLostParents(run, stage);
    run.move(stage, StageState.RUNNING);
    long stageStart = System.nanoTime();
    int n = stage.numPartitions();
    TaskOutcome[] done = new TaskOutcome[n];
    int[] attempts = new int[n];
    int[] fetchFailures = new int[n];
    Map<Integer, CompletableFuture<TaskOutcome>> running = new HashMap<>();
    // Partitions whose current attempt ended, in the order they ended: a failure is seen (and the other tasks
    // cancelled) as soon as it happens, not only after every earlier partition has finished.
    BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
    for (int p : partitions) {
      running.put(p, launch(run, stage, p, 0, ended));
    }
    int remaining = partitions.size();
    while (remaining > 0) {
      int p;
      try {
        p = ended.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        QuiverException interrupted = new QuiverException("Interrupted while waiting for " + stage.id() + " of "
            + job, e);
        run.failAndCancel(interrupted);
        throw interrupted;
      }
      if (run.failed()) {
        // Another stage failed and cancelled the job's tasks: stop without retrying them.
        waitQuietly(running.values());
        run.move(stage, StageState.FAILED);
        throw new JobFailedElsewhere();
      }
      try {
        done[p] = running.get(p).get();
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} partition {} of {} finished {} ms after the stage started", stage.id(), p, job,
              (System.nanoTime() - stageStart) / 1_000_000);
        }
        if (done[p] instanceof TaskOutcome.MapOutput m) {
          tracker.registerPartition(job, stage.id(), n, p, m);
        }
        remaining--;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        QuiverException interrupted = new QuiverException("Interrupted while waiting for " + stage.id() + " of "
            + job, e);
        run.failAndCancel(interrupted);
        throw interrupted;
      } catch (ExecutionException | CancellationException e) {
        Throwable cause = unwrap(e);
        boolean fetch = cause instanceof FetchFailedException;
        TaskAttemptId id = new TaskAttemptId(job, stage.id(), p, attempts[p] + fetchFailures[p]);
        if (fetch) {
          fetchFailures[p]++;
        } else {
          attempts[p]++;
        }
        int tried = attempts[p] + fetchFailures[p];
        if (fetch && fetchFailures[p] <= maxFailures) {
          FetchFailedException ff = (FetchFailedException) cause;
          LOG.warn("{} could not read its input ({}); recomputing the lost map output", id, ff.getMessage());
          if (ff.workerId() != null) {
            launcher.outputsLost(ff.workerId());
          }
          try {
            recomputeLostParents(run, stage);
          } catch (RuntimeException | Error recomputeFailed) {
            run.failAndCancel(recomputeFailed);
            waitQuietly(running.values());
            run.move(stage, StageState.FAILED);
            throw recomputeFailed;
          }
          running.put(p, launch(run, stage, p, tried, ended));
          continue;
        }
        if (fetch || isUserError(cause) || attempts[p] >= maxFailures) {
          RuntimeException failure = jobFailure(id, stage, tried, cause);
          run.failAndCancel(failure);
          waitQuietly(running.values());
          run.move(stage, StageState.FAILED);
          throw failure;
        }
        LOG.warn("{} failed ({}); retrying, attempt {} of {}", id, cause.toString(), attempts[p] + 1, maxFailures);
        running.put(p, launch(run, stage, p, tried, ended));
      }
    }
    run.move(stage, StageState.DONE);
    List<TaskOutcome> outcomes = new ArrayList<>(partitions.size());
    for (int p : partitions) {
      outcomes.add(done[p]);
    }
    return outcomes;
  }

  private CompletableFuture<TaskOutcome> launch(JobRun run, Stage stage, int partition, int attempt,
      BlockingQueue<Integer> ended) {
    TaskAttemptId id = new TaskAttemptId(run.job, stage.id(), partition, attempt);
    CompletableFuture<TaskOutcome> f;
    try {
      TaskDefinition def = TaskDefinition.of(String.valueOf(run.job.id()), stage, partition, attempt, run.settings);
      f = launcher.launch(id, def, run.inputs);
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

  private static void waitQuietly(java.util.Collection<CompletableFuture<TaskOutcome>> futures) {
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
