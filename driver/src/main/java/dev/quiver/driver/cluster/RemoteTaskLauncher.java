package dev.quiver.driver.cluster;

import com.google.protobuf.ByteString;
import dev.quiver.driver.scheduler.FetchFailedException;
import dev.quiver.driver.scheduler.JobId;
import dev.quiver.driver.scheduler.TaskAttemptId;
import dev.quiver.driver.scheduler.TaskLauncher;
import dev.quiver.executor.shuffle.KeyBloomFilter;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskFailure;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.executor.task.TaskResultSerde;
import dev.quiver.planner.physical.BroadcastReadExec;
import dev.quiver.planner.physical.InMemoryScanExec;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.serde.TaskSerde;
import dev.quiver.planner.stages.StageId;
import dev.quiver.driver.ExecutionBackend;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.proto.cluster.CachedBlock;
import dev.quiver.proto.cluster.JobRequest;
import dev.quiver.proto.cluster.LaunchTaskRequest;
import dev.quiver.proto.cluster.MapOutputLocation;
import dev.quiver.proto.cluster.ShuffleInput;
import dev.quiver.proto.cluster.TaskResult;
import dev.quiver.sql.QuiverException;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs task attempts on the cluster's workers: tasks wait in one queue shared by every session and are offered
 * to free slots in arrival order, each on the worker holding most of its shuffle input when that worker has a
 * free slot. A task's call to the worker lasts as long as the task; if the worker is lost the attempt fails and
 * the scheduler retries it elsewhere.
 */
public final class RemoteTaskLauncher implements TaskLauncher {
  private final Cluster cluster;
  private final Object lock = new Object();
  private final Deque<Attempt> queue = new ArrayDeque<>();
  private final Map<WorkerEndpoint, Set<Attempt>> running = new HashMap<>();
  private final Set<JobId> cancelled = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** One task attempt, queued or running on a worker. */
  private static final class Attempt {
    final TaskAttemptId id;
    final TaskDefinition task;
    /** The job's inputs on the driver: where its join key filters are kept. */
    final TaskInputs inputs;
    final CompletableFuture<TaskOutcome> future = new CompletableFuture<>();
    Context.CancellableContext call;

    Attempt(TaskAttemptId id, TaskDefinition task, TaskInputs inputs) {
      this.id = id;
      this.task = task;
      this.inputs = inputs;
    }
  }

  RemoteTaskLauncher(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public int slots() {
    int n = 0;
    for (WorkerEndpoint w : cluster.liveWorkers()) {
      n += w.cores();
    }
    return Math.max(1, n);
  }

  @Override
  public CompletableFuture<TaskOutcome> launch(TaskAttemptId id, TaskDefinition task, TaskInputs inputs) {
    if (closed) {
      return CompletableFuture.failedFuture(new QuiverException("The driver is stopping; " + id + " cannot run."));
    }
    Attempt a = new Attempt(id, task, inputs);
    synchronized (lock) {
      // Checked under the lock: a cancel either sees this attempt in the queue or is seen here (stages of one
      // job launch from several threads).
      if (cancelled.contains(id.job())) {
        return CompletableFuture.failedFuture(new TaskContext.TaskCancelledException(id + " was cancelled"));
      }
      queue.add(a);
    }
    dispatch();
    return a.future;
  }

  /** Offers queued tasks to free slots. */
  private void dispatch() {
    List<Runnable> sends = new ArrayList<>();
    synchronized (lock) {
      Iterator<Attempt> it = queue.iterator();
      while (it.hasNext()) {
        Attempt a = it.next();
        if (a.future.isDone()) {
          it.remove();
          continue;
        }
        LaunchTaskRequest.Builder req;
        Map<String, Long> inputBytes = new HashMap<>();
        try {
          req = request(a, inputBytes);
        } catch (RuntimeException e) {
          it.remove();
          a.future.completeExceptionally(e);
          continue;
        }
        WorkerEndpoint w = choose(inputBytes);
        if (w == null) {
          break; // every slot is busy
        }
        it.remove();
        w.freeSlots--;
        running.get(w).add(a);
        LaunchTaskRequest r = req.setWorkerId(w.id()).build();
        sends.add(() -> send(a, w, r));
      }
    }
    sends.forEach(Runnable::run);
  }

  /** The worker holding most of the task's input if it has a free slot, else the one with most free slots. */
  private WorkerEndpoint choose(Map<String, Long> inputBytes) {
    WorkerEndpoint best = null;
    long bestBytes = -1;
    for (WorkerEndpoint w : running.keySet()) {
      if (w.freeSlots <= 0) {
        continue;
      }
      long bytes = inputBytes.getOrDefault(w.id(), 0L);
      if (best == null || bytes > bestBytes || (bytes == bestBytes && w.freeSlots > best.freeSlots)) {
        best = w;
        bestBytes = bytes;
      }
    }
    return best;
  }

  /** What the worker needs to run the task: its definition and where its shuffle, broadcast and cache inputs are. */
  private LaunchTaskRequest.Builder request(Attempt a, Map<String, Long> inputBytes) {
    JobId job = a.id.job();
    LaunchTaskRequest.Builder b = LaunchTaskRequest.newBuilder().setJobId(job.id())
        .setTaskDefinition(ByteString.copyFrom(TaskSerde.toBytes(a.task)));
    Set<Integer> shuffles = new TreeSet<>();
    Set<Integer> broadcasts = new TreeSet<>();
    Set<Long> caches = new LinkedHashSet<>();
    collectInputs(a.task.fragment(), shuffles, broadcasts, caches);
    int partition = a.task.partition();
    for (int stage : shuffles) {
      ShuffleInput.Builder s = ShuffleInput.newBuilder().setMapStageId(stage);
      for (TaskOutcome.MapOutput m : cluster.tracker().outputs(job, new StageId(stage))) {
        MapOutputPlace data = MapOutputPlace.parse(m.dataFile());
        MapOutputPlace index = MapOutputPlace.parse(m.indexFile());
        MapOutputLocation.Builder l = MapOutputLocation.newBuilder().setWorkerId(data.workerId())
            .setWorkerAddress(data.address()).setDataFile(data.path()).setIndexFile(index.path());
        for (long v : m.partitionBytes()) {
          l.addPartitionBytes(v);
        }
        for (long v : m.partitionRows()) {
          l.addPartitionRows(v);
        }
        if (partition < m.partitionBytes().length) {
          inputBytes.merge(data.workerId(), m.partitionBytes()[partition], Long::sum);
        }
        s.addMapOutputs(l);
      }
      b.addShuffles(s);
    }
    b.addAllBroadcastStages(broadcasts).addAllCachedIds(caches);
    for (long cacheId : caches) {
      // A partition kept on a worker is read there when it has a slot, else fetched from it.
      cluster.cachedPartition(job.id(), cacheId, partition).flatMap(BlockRef::parse).ifPresent(ref -> {
        b.addCachedBlocks(CachedBlock.newBuilder().setCacheId(cacheId).setWorkerId(ref.workerId())
            .setWorkerAddress(ref.address()).setBlockKey(ref.key()));
        inputBytes.merge(ref.workerId(), Long.MAX_VALUE / 4, Long::sum);
      });
    }
    int stage = a.task.stageId().id();
    if (a.task.kind() == StageKind.SHUFFLE_MAP && a.inputs != null) {
      b.setRecordJoinKeys(a.inputs.joinKeysOf(stage) != null);
      KeyBloomFilter keep = a.inputs.joinKeysFor(stage);
      if (keep != null && keep.isUseful()) {
        b.setKeepJoinKeys(ByteString.copyFrom(keep.toBytes()));
      }
    }
    if (a.task.settings().containsKey(ExecutionBackend.CACHE_BEING_MATERIALIZED)
        && a.task.kind() == StageKind.RESULT) {
      b.setKeepResultKey(blockKey(a));
    }
    return b;
  }

  /** The key under which a worker keeps the rows of a task computing a cached partition. */
  private static String blockKey(Attempt a) {
    return "cache" + a.task.settings().get(ExecutionBackend.CACHE_BEING_MATERIALIZED) + "-job" + a.id.job().id()
        + "-p" + a.task.partition();
  }

  private static void collectInputs(PhysicalPlan p, Set<Integer> shuffles, Set<Integer> broadcasts,
      Set<Long> caches) {
    if (p instanceof ShuffleReadExec s) {
      shuffles.add(s.stageId());
    } else if (p instanceof BroadcastReadExec br) {
      broadcasts.add(br.stageId());
    } else if (p instanceof InMemoryScanExec c) {
      caches.add(c.cacheId());
    }
    for (PhysicalPlan child : p.children()) {
      collectInputs(child, shuffles, broadcasts, caches);
    }
  }

  private void send(Attempt a, WorkerEndpoint w, LaunchTaskRequest req) {
    Context.CancellableContext call = Context.current().withCancellation();
    a.call = call;
    call.run(() -> w.stub().launchTask(req, new StreamObserver<>() {
      private TaskResult result;

      @Override
      public void onNext(TaskResult value) {
        result = value;
      }

      @Override
      public void onError(Throwable t) {
        if (!a.future.isDone()) {
          // The worker did not answer: it died or cannot be reached; it must register again to get work. It is
          // removed before its slot could be offered again: a dead worker's calls fail at once, and re-offering
          // its slot would burn the retries of the tasks queued behind this one.
          cluster.lose(w, "a task call failed: " + t.getMessage());
          a.future.completeExceptionally(workerLost(a, w, String.valueOf(t.getMessage())));
        }
        finished(a, w);
      }

      @Override
      public void onCompleted() {
        finished(a, w);
        try {
          complete(a, w, result);
        } catch (RuntimeException e) {
          a.future.completeExceptionally(e);
        }
      }
    }));
  }

  private void complete(Attempt a, WorkerEndpoint w, TaskResult result) {
    TaskResultSerde.Ended ended = TaskResultSerde.decode(result, w.outputPrefix());
    if (ended instanceof TaskResultSerde.Ended.Succeeded s) {
      KeyBloomFilter joinKeys = a.inputs == null ? null : a.inputs.joinKeysOf(a.task.stageId().id());
      if (joinKeys != null && result.hasMapOutput()) {
        joinKeys.merge(result.getMapOutput().getJoinKeys().toByteArray(), result.getMapOutput().getJoinKeyRows());
      }
      if (result.hasRows() && result.getRows().getKept()) {
        // The rows stayed on the worker: the session's cache records where.
        TaskOutcome.Rows rows = (TaskOutcome.Rows) s.outcome();
        a.future.complete(new TaskOutcome.Rows(new BlockRef(w.id(), w.address(), blockKey(a)).encode(), rows.rowCount(),
            rows.metrics()));
        return;
      }
      a.future.complete(s.outcome());
      return;
    }
    TaskFailure f = ((TaskResultSerde.Ended.Failed) ended).failure();
    switch (f.kind()) {
      case FETCH_FAILED:
        a.future.completeExceptionally(new FetchFailedException(f.fetchMapStageId(), f.fetchWorkerId(),
            a.id + " on " + w + ": " + f.message()));
        break;
      case USER_ERROR:
        a.future.completeExceptionally(f.toException());
        break;
      case CANCELLED:
        a.future.completeExceptionally(new TaskContext.TaskCancelledException(a.id + " was cancelled on " + w));
        break;
      default:
        // Not the user's error (a bug, a full disk...): retried on another slot, so not a QuiverException.
        a.future.completeExceptionally(new IllegalStateException(a.id + " failed on " + w + ": " + f.message(),
            f.toException()));
    }
  }

  private static RuntimeException workerLost(Attempt a, WorkerEndpoint w, String why) {
    return new WorkerLostException(a.id + " was running on " + w + ", which was lost (" + why + ")");
  }

  /** A slot of {@code w} is free again. */
  private void finished(Attempt a, WorkerEndpoint w) {
    synchronized (lock) {
      Set<Attempt> on = running.get(w);
      if (on != null && on.remove(a)) {
        w.freeSlots++;
        w.tasksFinished++;
      }
    }
    dispatch();
  }

  void workerAdded(WorkerEndpoint w) {
    synchronized (lock) {
      running.put(w, new LinkedHashSet<>());
    }
    dispatch();
  }

  void workerLost(WorkerEndpoint w, String why) {
    Set<Attempt> lost;
    synchronized (lock) {
      lost = running.remove(w);
    }
    if (lost != null) {
      for (Attempt a : lost) {
        a.future.completeExceptionally(workerLost(a, w, why));
        if (a.call != null) {
          a.call.cancel(null);
        }
      }
    }
  }

  int freeSlots(WorkerEndpoint w) {
    synchronized (lock) {
      return w.freeSlots;
    }
  }

  long tasksFinished(WorkerEndpoint w) {
    synchronized (lock) {
      return w.tasksFinished;
    }
  }

  @Override
  public void cancel(JobId job) {
    cancelled.add(job);
    List<Attempt> dropped = new ArrayList<>();
    synchronized (lock) {
      queue.removeIf(a -> {
        if (a.id.job().equals(job)) {
          dropped.add(a);
          return true;
        }
        return false;
      });
    }
    for (Attempt a : dropped) {
      a.future.completeExceptionally(new TaskContext.TaskCancelledException(a.id + " was cancelled before it ran"));
    }
    JobRequest req = JobRequest.newBuilder().setJobId(job.id()).build();
    for (WorkerEndpoint w : cluster.liveWorkers()) {
      w.stub().cancelJob(req, new Ignore<>("Cancelling " + job + " on " + w));
    }
  }

  @Override
  public void outputsLost(String workerId) {
    cluster.forgetOutputs(workerId);
  }

  void jobFinished(JobId job) {
    cancelled.remove(job);
  }

  @Override
  public void close() {
    closed = true;
    List<Attempt> all = new ArrayList<>();
    synchronized (lock) {
      all.addAll(queue);
      queue.clear();
      running.values().forEach(all::addAll);
    }
    for (Attempt a : all) {
      a.future.completeExceptionally(new QuiverException("The driver stopped while " + a.id + " was to run."));
      if (a.call != null) {
        a.call.cancel(null);
      }
    }
  }
}
