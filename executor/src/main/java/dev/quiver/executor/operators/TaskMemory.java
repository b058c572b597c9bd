package dev.quiver.executor.operators;

import dev.quiver.executor.task.TaskContext;
import dev.quiver.sql.QuiverException;

/** The error a user sees when an operator needs more memory than its task may use. */
public final class TaskMemory {
  private TaskMemory() {}

  public static QuiverException exceeded(String operator, TaskContext ctx, Throwable cause) {
    long limitMb = ctx.allocator().getLimit() / (1024 * 1024);
    return new QuiverException("TASK_MEMORY_EXCEEDED", operator + " in " + ctx.taskName()
        + " needed more than the task's memory budget of " + limitMb + " MB. Spread the data over more tasks "
        + "(raise spark.sql.shuffle.partitions or repartition) or give tasks more memory "
        + "(quiver.executor.memory).", null, cause);
  }
}
