package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.aggregate.AggregateBench;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.sql.types.DataTypes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Times an inner hash join of 10M stream rows with 1M build rows (every stream row matches one build row, or
 * with stream keys over a wider range, only some)
 * with the build side broadcast (read in place) and owned, and prints rows per second. Not a test; run with
 * {@code java -cp <test classpath> dev.quiver.executor.operators.join.JoinBench [streamRows] [buildRows]
 * [streamKeys]}.
 */
public final class JoinBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private JoinBench() {}

  public static void main(String[] args) {
    int streamRows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int buildRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    // Stream keys range over this many values, so beyond buildRows the rest of the stream misses.
    int streamKeys = args.length > 2 ? Integer.parseInt(args[2]) : buildRows;
    int batchSize = 4096;
    AttributeReference sk = AttributeReference.create("sk", DataTypes.LongType, false);
    AttributeReference sv = AttributeReference.create("sv", DataTypes.LongType, false);
    AttributeReference bk = AttributeReference.create("bk", DataTypes.LongType, false);
    AttributeReference bv = AttributeReference.create("bv", DataTypes.LongType, false);
    try (BufferAllocator allocator = new RootAllocator()) {
      // Stream keys scatter over the build keys; build keys are 0..buildRows-1, each once.
      List<Batch> stream = AggregateBench.data(streamRows, streamKeys, batchSize, allocator);
      List<Batch> build = AggregateBench.data(buildRows, buildRows, batchSize, allocator);
      try {
        HashJoinExec node = new HashJoinExec(List.of(sk), List.of(bk), JoinType.INNER, BuildSide.RIGHT,
            Optional.empty(), true, new LocalTableScanExec(List.of(sk, sv), List.of(), 1),
            new LocalTableScanExec(List.of(bk, bv), List.of(), 1));
        for (int round = 0; round < 5; round++) {
          for (boolean broadcast : List.of(true, false)) {
            try (BufferAllocator task = allocator.newChildAllocator("task", 0, Long.MAX_VALUE)) {
              TaskContext ctx = new TaskContext("bench", task, new EvalContext(task, ZoneOffset.UTC, 0L), null,
                  batchSize, 0);
              BuildInput input = broadcast ? BuildInput.broadcast(build)
                  : BuildInput.of(AggregateBench.slices(build, task));
              long start = System.nanoTime();
              long cpuStart = THREADS.getCurrentThreadCpuTime();
              long out = 0;
              try (Operator op = HashJoinOperator.create(node, AggregateBench.slices(stream, task), List.of(sk, sv),
                  input, List.of(bk, bv), ctx)) {
                Batch b;
                while ((b = op.next()) != null) {
                  out += b.rowCount();
                  b.close();
                }
              }
              double seconds = (System.nanoTime() - start) / 1e9;
              double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
              // CPU time as well: on a shared machine it varies less than the elapsed time.
              System.out.printf(Locale.ROOT, "hash join (%s build) %,d x %,d rows -> %,d rows in %.3f s (%.3f s "
                  + "CPU) = %,.0f stream rows/s%n", broadcast ? "broadcast" : "owned", streamRows, buildRows, out,
                  seconds, cpuSeconds, streamRows / seconds);
            }
          }
        }
      } finally {
        stream.forEach(Batch::close);
        build.forEach(Batch::close);
      }
    }
  }
}
