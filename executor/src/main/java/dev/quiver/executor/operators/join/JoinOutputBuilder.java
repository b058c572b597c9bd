package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Gather;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import dev.quiver.planner.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Builds join rows from (stream row, build row) index pairs, -1 meaning a null row of that side: the left
 * input's columns then the right input's, whichever side was built. Stream columns are gathered from the
 * current stream batch, build columns from {@link BuildRows}.
 */
final class JoinOutputBuilder {
  private final boolean streamIsLeft;
  private final List<AttributeReference> streamOutput;
  private final List<AttributeReference> buildOutput;
  private final BuildRows build;
  /** The build column copied from the stream where every pair has both rows, or null. */
  private final SharedKeyColumn sharedKey;
  private final BufferAllocator allocator;

  JoinOutputBuilder(boolean streamIsLeft, List<AttributeReference> streamOutput, List<AttributeReference> buildOutput,
      BuildRows build, SharedKeyColumn sharedKey, BufferAllocator allocator) {
    this.streamIsLeft = streamIsLeft;
    this.streamOutput = streamOutput;
    this.buildOutput = buildOutput;
    this.build = build;
    this.sharedKey = sharedKey;
    this.allocator = allocator;
  }

  /**
   * Rows for pairs {@code [0, n)}. {@code stream} is null when no stream batch is current (unmatched build
   * rows). With {@code leftOnly} only the left columns are built; columns not in {@code include} (when
   * given, indexed over left ++ right) are NULL-typed placeholders, for evaluating a condition that does not
   * read them.
   */
  Batch build(Batch stream, int[] streamRows, int[] buildRows, int n, boolean leftOnly, boolean[] include) {
    List<FieldVector> columns = new ArrayList<>();
    try {
      int at = 0;
      if (streamIsLeft) {
        at = addStream(columns, stream, streamRows, n, include, at);
        if (!leftOnly) {
          addBuild(columns, stream, streamRows, buildRows, n, include, at);
        }
      } else {
        at = addBuild(columns, stream, streamRows, buildRows, n, include, at);
        if (!leftOnly) {
          addStream(columns, stream, streamRows, n, include, at);
        }
      }
      return new Batch(columns, n);
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
  }

  private int addStream(List<FieldVector> columns, Batch stream, int[] rows, int n, boolean[] include, int at) {
    boolean run = stream != null && isRun(rows, n);
    for (int c = 0; c < streamOutput.size(); c++, at++) {
      AttributeReference a = streamOutput.get(c);
      if (include != null && !include[at]) {
        columns.add(new NullVector(a.name(), n));
      } else if (stream == null) {
        columns.add(VectorRanges.nulls(a.name(), a.dataType(), n, allocator));
      } else {
        columns.add(streamColumn(stream, c, rows, n, run));
      }
    }
    return at;
  }

  /** Stream column {@code c} at {@code rows[0..n)}: a slice when they are consecutive ({@code run}). */
  private FieldVector streamColumn(Batch stream, int c, int[] rows, int n, boolean run) {
    if (run && !(stream.column(c) instanceof NullVector)) {
      return Gather.slice(stream.column(c), rows[0], n, allocator);
    }
    return VectorRanges.gather(stream.column(c), rows, n, allocator);
  }

  /**
   * Whether {@code rows[0..n)} are consecutive stream rows: then the stream columns are sliced, not copied.
   * That is the common case of a lookup join (each stream row matching one build row, as lineitem against
   * orders, supplier or customer) and of a semi join whose rows all match.
   */
  private static boolean isRun(int[] rows, int n) {
    if (n == 0 || rows[0] < 0) {
      return false;
    }
    int first = rows[0];
    for (int i = 1; i < n; i++) {
      if (rows[i] != first + i) {
        return false;
      }
    }
    return true;
  }

  private int addBuild(List<FieldVector> columns, Batch stream, int[] streamRows, int[] rows, int n,
      boolean[] include, int at) {
    for (int c = 0; c < buildOutput.size(); c++, at++) {
      if (include != null && !include[at]) {
        columns.add(new NullVector(buildOutput.get(c).name(), n));
      } else if (sharedKey != null && c == sharedKey.buildColumn() && stream != null
          && allPaired(streamRows, rows, n)) {
        FieldVector copy = streamColumn(stream, sharedKey.streamColumn(), streamRows, n, isRun(streamRows, n));
        columns.add(renamed(copy, buildOutput.get(c).name()));
      } else {
        columns.add(build.gather(c, rows, n, allocator));
      }
    }
    return at;
  }

  /** Whether every pair has a stream row and a build row (no null-padded side). */
  private static boolean allPaired(int[] streamRows, int[] buildRows, int n) {
    for (int i = 0; i < n; i++) {
      if ((streamRows[i] | buildRows[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code v}'s buffers under the name of the build column it stands for; {@code v} is left empty and closed. */
  private FieldVector renamed(FieldVector v, String name) {
    try (v) {
      TransferPair tp = v.getTransferPair(name, allocator);
      tp.transfer();
      return (FieldVector) tp.getTo();
    }
  }
}
