package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.operators.TaskMemory;
import dev.quiver.executor.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * A shuffled inner, semi or anti hash join that builds the smaller of its two inputs. The planner picks the build side
 * from size estimates, which can be far off after semi-joins and filters on aggregates (TPC-H Q18: the
 * orders side is estimated near lineitem's size and has 57 rows), and Spark's adaptive execution corrects
 * such a plan once the shuffle has run. Here each task decides from the rows it actually received: it
 * drains the planned build side (a hash join reads all of it anyway), then reads the stream side until it
 * has a quarter as many rows (at most {@link #LOOKAHEAD_ROWS}); if the stream side ends first, the two swap
 * roles and the table is built over the stream side's rows. Only a clearly smaller side is worth it: the
 * build side's output columns are gathered across its batches, which costs more per row than gathering
 * from the current stream batch. Inner join output has no order to keep; a semi or anti join that builds
 * its left side outputs the left rows in their input order (TPC-H Q21: each task's ~40k late lineitems of
 * Saudi suppliers against 3M lineitems of the same orders, which no longer need a 3M-row table).
 */
final class SmallerSideBuild implements Operator {
  /** The most stream rows held ahead while deciding; beyond that the planned side is built. */
  static final long LOOKAHEAD_ROWS = 1L << 20;
  /** The stream side is built instead when it has at most this fraction of the build side's rows. */
  private static final int SMALLER_BY = 4;

  private final Operator stream;
  private final Operator build;
  /**
   * (stream, build) to the join as planned, and to the join with the two inputs' roles reversed; each
   * closes the inputs it was given when it fails.
   */
  private final BiFunction<Operator, Operator, Operator> planned;
  private final BiFunction<Operator, Operator, Operator> swapped;
  private final String name;
  private final TaskContext ctx;
  private Operator join;
  private boolean closed;

  SmallerSideBuild(Operator stream, Operator build, BiFunction<Operator, Operator, Operator> planned,
      BiFunction<Operator, Operator, Operator> swapped, String name, TaskContext ctx) {
    this.stream = stream;
    this.build = build;
    this.planned = planned;
    this.swapped = swapped;
    this.name = name;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (closed) {
      return null;
    }
    if (join == null) {
      join = decide();
    }
    return join.next();
  }

  private Operator decide() {
    List<Batch> buildRows = new ArrayList<>();
    List<Batch> streamRows = new ArrayList<>();
    long buildCount = 0;
    long limit;
    long streamCount;
    try {
      buildCount = readAhead(build, buildRows, Long.MAX_VALUE);
      limit = Math.min(buildCount / SMALLER_BY, LOOKAHEAD_ROWS);
      streamCount = readAhead(stream, streamRows, limit + 1);
    } catch (RuntimeException e) {
      RuntimeException failure = e instanceof OutOfMemoryException
          ? TaskMemory.exceeded(name + " holding " + buildCount + " build rows", ctx, e) : e;
      // The inputs are closed by close(); here only the batches read ahead.
      List<AutoCloseable> owned = new ArrayList<>(buildRows);
      owned.addAll(streamRows);
      try {
        Operators.closeAll(owned);
      } catch (RuntimeException suppressed) {
        failure.addSuppressed(suppressed);
      }
      throw failure;
    }
    Operator bufferedStream = new BufferedInput(streamRows, stream);
    Operator bufferedBuild = new BufferedInput(buildRows, build);
    // Either join owns both inputs from here on, and closes them itself if it cannot be set up.
    closed = true;
    Operator chosen = streamCount <= limit ? swapped.apply(bufferedBuild, bufferedStream)
        : planned.apply(bufferedStream, bufferedBuild);
    closed = false;
    return chosen;
  }

  /** Reads batches of {@code input} into {@code out} until it ends or they hold {@code enough} rows. */
  private long readAhead(Operator input, List<Batch> out, long enough) {
    long rows = 0;
    Batch b;
    while (rows < enough && (b = input.next()) != null) {
      out.add(b);
      rows += b.rowCount();
      ctx.checkCancelled();
    }
    return rows;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (join != null) {
      join.close();
    } else {
      Operators.closeAll(List.of(stream, build));
    }
  }
}
