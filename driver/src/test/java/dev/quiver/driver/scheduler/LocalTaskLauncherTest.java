package dev.quiver.driver.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.EmptyOperator;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.executor.task.TaskOutcome;
import dev.quiver.executor.task.TaskRunner;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.physical.Partitioning;
import dev.quiver.planner.physical.ShuffleReadExec;
import dev.quiver.planner.serde.TaskDefinition;
import dev.quiver.planner.stages.Stage;
import dev.quiver.planner.stages.StageId;
import dev.quiver.planner.stages.StageKind;
import dev.quiver.sql.types.DataTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class LocalTaskLauncherTest {
  private static final JobId JOB = new JobId(3);

  @TempDir
  Path dir;
  private BufferAllocator root;
  private LocalTaskLauncher launcher;

  @BeforeEach
  void open() {
    root = new RootAllocator(64L << 20);
  }

  private void start(boolean encodeTasks) {
    launcher = new LocalTaskLauncher(1, new TaskRunner(root, 16L << 20, dir, 1024), encodeTasks);
  }

  @AfterEach
  void close() {
    if (launcher != null) {
      launcher.close();
    }
    root.close();
  }

  /** A result stage whose one input is "shuffle 0": the test's TaskInputs decides what each task reads. */
  private static Stage stage(int partitions) {
    List<AttributeReference> out = List.of(AttributeReference.create("x", DataTypes.LongType, true));
    return new Stage(new StageId(1), StageKind.RESULT, new ShuffleReadExec(0, out,
        new Partitioning.Unknown(partitions)), partitions, new Partitioning.Unknown(partitions),
        List.of(new StageId(0)));
  }

  private CompletableFuture<TaskOutcome> launch(Stage stage, int partition, TaskInputs inputs) {
    return launcher.launch(new TaskAttemptId(JOB, stage.id(), partition, 0),
        TaskDefinition.of(String.valueOf(JOB.id()), stage, partition, 0, Map.of()), inputs);
  }

  /** Inputs whose partition 0 waits for a latch; records which partitions were opened. */
  private static final class Inputs implements TaskInputs {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Set<Integer> opened = ConcurrentHashMap.newKeySet();

    @Override
    public Operator shuffleRead(int stageId, int partition, BufferAllocator allocator) {
      opened.add(partition);
      if (partition != 0) {
        return new EmptyOperator();
      }
      return new Operator() {
        @Override
        public Batch next() {
          started.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public List<Batch> broadcast(int stageId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Operator cached(long cacheId, int partition, BufferAllocator allocator) {
      throw new UnsupportedOperationException();
    }
  }

  @ParameterizedTest(name = "encodeTasks={0}")
  @ValueSource(booleans = {false, true})
  void tasksRunWithOrWithoutTheirProtobufRoundTrip(boolean encodeTasks) throws Exception {
    start(encodeTasks);
    Inputs inputs = new Inputs();
    inputs.release.countDown();
    TaskOutcome.Rows rows = assertInstanceOf(TaskOutcome.Rows.class, launch(stage(2), 1, inputs).get());
    assertEquals(0, rows.rowCount());
    assertEquals(Set.of(1), inputs.opened);
    assertEquals(1, launcher.slots());
  }

  @ParameterizedTest(name = "encodeTasks={0}")
  @ValueSource(booleans = {false, true})
  void queuedTasksOfACancelledJobDoNotStart(boolean encodeTasks) throws Exception {
    start(encodeTasks);
    Inputs inputs = new Inputs();
    Stage stage = stage(3);
    CompletableFuture<TaskOutcome> first = launch(stage, 0, inputs);
    assertTrue(inputs.started.await(30, TimeUnit.SECONDS));
    // The only thread is busy: these two wait in the queue.
    CompletableFuture<TaskOutcome> second = launch(stage, 1, inputs);
    CompletableFuture<TaskOutcome> third = launch(stage, 2, inputs);
    launcher.cancel(JOB);
    inputs.release.countDown();
    first.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
    for (CompletableFuture<TaskOutcome> f : List.of(second, third)) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
      assertInstanceOf(TaskContext.TaskCancelledException.class, e.getCause());
    }
    assertEquals(Set.of(0), inputs.opened, "cancelled tasks never ran");

    // Once the job is over, its id is forgotten: a new job with the same id would run.
    launcher.jobFinished(JOB);
    assertEquals(0, ((TaskOutcome.Rows) launch(stage, 1, inputs).get(30, TimeUnit.SECONDS)).rowCount());
  }
}
