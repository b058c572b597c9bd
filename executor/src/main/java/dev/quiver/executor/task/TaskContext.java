package dev.quiver.executor.task;

import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.sql.QuiverException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything one running task may use: its own allocator (a child of the process root with the task's
 * memory budget, closed when the task ends), evaluation settings, where to read shuffle and broadcast input,
 * and its metrics. Operators check {@link #checkCancelled()} between batches.
 */
public final class TaskContext {
  private final String taskName;
  private final BufferAllocator allocator;
  private final EvalContext evalContext;
  private final TaskInputs inputs;
  private final int batchSize;
  private final int attemptNumber;
  private volatile boolean cancelled;
  private final AtomicLong rowsRead = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();

  public TaskContext(String taskName, BufferAllocator allocator, EvalContext evalContext, TaskInputs inputs,
      int batchSize, int attemptNumber) {
    this.taskName = taskName;
    this.attemptNumber = attemptNumber;
    this.allocator = allocator;
    this.evalContext = evalContext;
    this.inputs = inputs;
    this.batchSize = batchSize;
  }

  /** e.g. "task 3.0 of stage 1 (job 7)": for messages. */
  public String taskName() {
    return taskName;
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  public EvalContext evalContext() {
    return evalContext;
  }

  public TaskInputs inputs() {
    return inputs;
  }

  /** Target rows per batch for operators that produce batches. */
  public int batchSize() {
    return batchSize;
  }

  /** 0 for the first attempt of this task, 1 for its first retry, ... */
  public int attemptNumber() {
    return attemptNumber;
  }

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public void checkCancelled() {
    if (cancelled) {
      throw new TaskCancelledException(taskName + " was cancelled");
    }
  }

  public void addRowsRead(long rows) {
    rowsRead.addAndGet(rows);
  }

  public void addBytesRead(long bytes) {
    bytesRead.addAndGet(bytes);
  }

  public long rowsRead() {
    return rowsRead.get();
  }

  public long bytesRead() {
    return bytesRead.get();
  }

  /** Thrown when a task is stopped because its job was cancelled or failed elsewhere. */
  public static final class TaskCancelledException extends QuiverException {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException(String message) {
      super(message);
    }
  }
}
