package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.operators.TaskMemory;
import dev.quiver.executor.operators.aggregate.HeapReservation;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The join loop shared by the hash and nested-loop joins. On the first {@link #next()} it loads the build
 * side and prepares its {@link PairSource}; then per stream batch it takes candidate pairs in chunks of at
 * most {@code batchSize}, filters them with the extra condition, records which stream rows (and build rows)
 * matched, and collects output pairs; after a batch's pairs it visits the batch's rows again for outer
 * (unmatched rows, null-padded), semi (matched rows) and anti (unmatched rows) joins; after the stream ends
 * it emits unmatched build rows when the build side is preserved. Output batches hold at most
 * {@code batchSize} rows.
 */
final class JoinExecution implements Operator {
  private enum Stage { NEXT_BATCH, PAIRS, STREAM_TAIL, FLUSH_BATCH, BUILD_TAIL, DONE }

  private final String name;
  private final JoinSemantics semantics;
  private final Operator streamInput;
  private final BuildInput buildInput;
  private final List<AttributeReference> streamOutput;
  private final List<AttributeReference> buildOutput;
  private final Function<BuildRows, PairSource> prepare;
  private final JoinCondition condition;
  private final TaskContext ctx;
  private final int batchSize;
  private final HeapReservation heap;
  private final SharedKeyColumn sharedKey;

  private BuildRows build;
  private PairSource pairs;
  private JoinOutputBuilder output;
  private Stage stage;
  private Batch stream;
  private long[] streamMatched = new long[0];
  private long[] buildMatched;
  private int tailRow;
  private int buildRow;
  private final int[] candStream;
  private final int[] candBuild;
  private final int[] outStream;
  private final int[] outBuild;
  private int outCount;
  private boolean closed;
  private boolean buildInputClosed;

  JoinExecution(String name, JoinSemantics semantics, Operator streamInput, List<AttributeReference> streamOutput,
      BuildInput buildInput, List<AttributeReference> buildOutput, Function<BuildRows, PairSource> prepare,
      JoinCondition condition, SharedKeyColumn sharedKey, TaskContext ctx) {
    this.name = name;
    this.semantics = semantics;
    this.streamInput = streamInput;
    this.streamOutput = streamOutput;
    this.buildInput = buildInput;
    this.buildOutput = buildOutput;
    this.prepare = prepare;
    this.condition = condition;
    this.sharedKey = sharedKey;
    this.ctx = ctx;
    this.batchSize = Math.max(1, ctx.batchSize());
    this.heap = new HeapReservation(ctx.allocator());
    this.candStream = new int[batchSize];
    this.candBuild = new int[batchSize];
    // Room for a full chunk on top of an almost full output.
    this.outStream = new int[2 * batchSize];
    this.outBuild = new int[2 * batchSize];
  }

  @Override
  public Batch next() {
    if (closed) {
      return null;
    }
    try {
      if (stage == null) {
        prepareBuild();
      }
      return advance();
    } catch (OutOfMemoryException e) {
      int rows = build == null ? 0 : build.rowCount();
      throw TaskMemory.exceeded(name + " holding " + rows + " build rows", ctx, e);
    }
  }

  private void prepareBuild() {
    build = BuildRows.load(buildInput, buildOutput, ctx);
    if (buildInput instanceof BuildInput.Owned own) {
      // Drained: its batches now belong to BuildRows, so the input can go right away.
      buildInputClosed = true;
      own.operator().close();
    }
    heap.resize(24L * batchSize + (semantics.tracksBuildMatches() ? build.rowCount() / 8 + 8 : 0));
    pairs = prepare.apply(build);
    output = new JoinOutputBuilder(semantics.streamIsLeft(), streamOutput, buildOutput, build, sharedKey,
        ctx.allocator());
    if (semantics.tracksBuildMatches()) {
      buildMatched = new long[(build.rowCount() + 63) >>> 6];
    }
    stage = build.rowCount() == 0 && semantics.emptyBuildGivesNothing() ? Stage.DONE : Stage.NEXT_BATCH;
  }

  private Batch advance() {
    while (true) {
      if (outCount >= batchSize) {
        return takeOutput(batchSize);
      }
      switch (stage) {
        case NEXT_BATCH:
          if (!nextStreamBatch()) {
            stage = semantics.tracksBuildMatches() ? Stage.BUILD_TAIL : Stage.DONE;
          }
          break;
        case PAIRS:
          addPairs();
          break;
        case STREAM_TAIL:
          addStreamTail();
          break;
        case FLUSH_BATCH:
          if (outCount > 0) {
            return takeOutput(outCount);
          }
          stream.close();
          stream = null;
          stage = Stage.NEXT_BATCH;
          break;
        case BUILD_TAIL:
          addBuildTail();
          if (stage == Stage.DONE && outCount > 0) {
            return takeOutput(outCount);
          }
          break;
        default:
          release();
          return null;
      }
    }
  }

  private boolean nextStreamBatch() {
    Batch b = streamInput.next();
    if (b == null) {
      return false;
    }
    ctx.checkCancelled();
    if (b.rowCount() == 0) {
      b.close();
      return true;
    }
    stream = b;
    int words = (b.rowCount() + 63) >>> 6;
    if (streamMatched.length < words) {
      heap.grow(8L * (words - streamMatched.length));
      streamMatched = new long[words];
    } else {
      Arrays.fill(streamMatched, 0, words, 0L);
    }
    tailRow = 0;
    pairs.reset(b);
    stage = Stage.PAIRS;
    return true;
  }

  private void addPairs() {
    int n = pairs.next(candStream, candBuild, batchSize);
    if (n == 0) {
      stage = semantics.needsStreamTail() ? Stage.STREAM_TAIL : Stage.FLUSH_BATCH;
      return;
    }
    if (condition != null) {
      n = condition.filter(output, stream, candStream, candBuild, n, ctx);
    }
    if (semantics.needsStreamTail()) {
      for (int i = 0; i < n; i++) {
        int s = candStream[i];
        streamMatched[s >>> 6] |= 1L << s;
      }
    }
    if (buildMatched != null) {
      for (int i = 0; i < n; i++) {
        int b = candBuild[i];
        buildMatched[b >>> 6] |= 1L << b;
      }
    }
    if (semantics.emitPairs()) {
      System.arraycopy(candStream, 0, outStream, outCount, n);
      System.arraycopy(candBuild, 0, outBuild, outCount, n);
      outCount += n;
    }
  }

  /** Unmatched rows (outer, anti) or matched rows (semi) of the current stream batch. */
  private void addStreamTail() {
    int rows = stream.rowCount();
    boolean wantMatched = semantics.semi();
    while (tailRow < rows && outCount < batchSize) {
      boolean matched = (streamMatched[tailRow >>> 6] & (1L << tailRow)) != 0;
      if (matched == wantMatched) {
        outStream[outCount] = tailRow;
        outBuild[outCount] = -1;
        outCount++;
      }
      tailRow++;
    }
    if (tailRow == rows) {
      stage = Stage.FLUSH_BATCH;
    }
  }

  /** Build rows without a match (outer, anti), or with one (semi), after the stream ended. */
  private void addBuildTail() {
    int total = build.rowCount();
    boolean wantMatched = semantics.buildMatched();
    while (buildRow < total && outCount < batchSize) {
      if (((buildMatched[buildRow >>> 6] & (1L << buildRow)) != 0) == wantMatched) {
        outStream[outCount] = -1;
        outBuild[outCount] = buildRow;
        outCount++;
      }
      buildRow++;
    }
    if (buildRow == total) {
      stage = Stage.DONE;
    }
  }

  /** The first {@code count} collected pairs as an output batch; later pairs move to the front. */
  private Batch takeOutput(int count) {
    Batch out = output.build(stream, outStream, outBuild, count, semantics.leftOnly(), null);
    int rest = outCount - count;
    System.arraycopy(outStream, count, outStream, 0, rest);
    System.arraycopy(outBuild, count, outBuild, 0, rest);
    outCount = rest;
    return out;
  }

  /** Frees the build side, the table and the current batch as soon as the output is complete. */
  private void release() {
    List<AutoCloseable> owned = new ArrayList<>();
    owned.add(stream);
    owned.add(pairs);
    owned.add(build);
    owned.add(heap);
    stream = null;
    pairs = null;
    build = null;
    buildMatched = null;
    Operators.closeAll(owned);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> owned = new ArrayList<>();
    owned.add(this::release);
    owned.add(condition);
    owned.add(streamInput);
    if (buildInput instanceof BuildInput.Owned own && !buildInputClosed) {
      owned.add(own.operator());
    }
    Operators.closeAll(owned);
  }
}
