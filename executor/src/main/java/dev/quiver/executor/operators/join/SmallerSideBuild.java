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
 * drains the planned build side (a hash join reads all of it anyway), then reads the stream side ahead until
 * it is clearly not the smaller; if the stream side ends first, the two swap roles and the table is built
 * over the stream side's rows. Only a clearly smaller side is worth it: the build side's output columns are
 * gathered across its batches, at random, which costs more per row than gathering from the current stream
 * batch. The stream side is built when it has at most a quarter of the build side's rows, or at most half its
 * bytes and no more than four times its rows: a table's cost grows with its rows, but gathering its columns
 * for every output row grows with its width (TPC-H Q10: 28k customer rows with their names, addresses and
 * comments, 5 MB, against the 57k lineitems of their orders, 1.4 MB; building the lineitems made the query
 * 5-10% faster). Inner join output has no order to keep; a semi or anti join that builds
 * its left side outputs the left rows in their input order (TPC-H Q21: each task's ~40k late lineitems of
 * Saudi suppliers against 3M lineitems of the same orders, which no longer need a 3M-row table).
 */
final class SmallerSideBuild implements Operator {
  /** The most stream rows held ahead to decide by rows; beyond that only bytes can make it the smaller. */
  static final long LOOKAHEAD_ROWS = 1L << 20;
  /** The most stream bytes held ahead to decide by bytes. */
  static final long LOOKAHEAD_BYTES = 64L << 20;
  /** The stream side is built instead when it has at most this fraction of the build side's rows, */
  private static final int SMALLER_BY = 4;
  /** or at most this fraction of its bytes, */
  private static final int NARROWER_BY = 2;
  /** while having at most this many times its rows. */
  private static final int MORE_ROWS_AT_MOST = 4;

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
    boolean swap;
    try {
      Read built = readAhead(build, buildRows, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
      buildCount = built.rows();
      long fewerRows = Math.min(buildCount / SMALLER_BY, LOOKAHEAD_ROWS);
      long fewerBytes = Math.min(built.bytes() / NARROWER_BY, LOOKAHEAD_BYTES);
      // Reads the stream side until it is clearly not the smaller (or ends): past both limits, or past the
      // rows that could still be built for their bytes.
      long mostRows = Math.max(fewerRows, buildCount * MORE_ROWS_AT_MOST);
      Read streamed = readAhead(stream, streamRows, fewerRows + 1, fewerBytes + 1, mostRows + 1);
      swap = streamed.rows() <= fewerRows
          || streamed.bytes() <= fewerBytes && streamed.rows() <= buildCount * MORE_ROWS_AT_MOST;
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
    Operator chosen = swap ? swapped.apply(bufferedBuild, bufferedStream)
        : planned.apply(bufferedStream, bufferedBuild);
    closed = false;
    return chosen;
  }

  /**
   * Reads batches of {@code input} into {@code out} until it ends, or they hold at least {@code enoughRows} rows
   * and {@code enoughBytes} bytes, or at least {@code mostRows} rows; returns the rows and bytes read.
   */
  private Read readAhead(Operator input, List<Batch> out, long enoughRows, long enoughBytes, long mostRows) {
    long rows = 0;
    long bytes = 0;
    Batch b;
    while ((rows < enoughRows || bytes < enoughBytes) && rows < mostRows && (b = input.next()) != null) {
      out.add(b);
      rows += b.rowCount();
      bytes += b.sizeInBytes();
      ctx.checkCancelled();
    }
    return new Read(rows, bytes);
  }

  /** What {@link #readAhead} read. */
  private record Read(long rows, long bytes) {}

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
