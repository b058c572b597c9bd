package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Every row of a join's build side, kept in the batches it arrived in (owned, or shared broadcast batches
 * read in place), addressed by a global row number: batch {@code b}'s rows are
 * {@code [starts[b], starts[b+1])}. Output columns are gathered straight from those batches.
 */
final class BuildRows implements AutoCloseable {
  private final List<Batch> batches;
  private final boolean owned;
  private final List<AttributeReference> schema;
  private final int[] starts;
  /**
   * The batch holding global row {@code blockShift}-block {@code i}'s first row, or null to search
   * {@code starts}: every batch but the last has at least {@code 1 << blockShift} rows, so a block's rows
   * are in that batch or the next.
   */
  private final int[] batchOfBlock;
  private final int blockShift;
  private int[] batchOf = new int[0];
  private int[] localOf = new int[0];
  /**
   * Per column, once gathered from: its data, validity and offset buffers of every batch (a gather of many
   * batches would otherwise look them all up for every output batch).
   */
  private final ArrowBuf[][] data;
  private final ArrowBuf[][] validity;
  private final ArrowBuf[][] offsets;

  private BuildRows(List<Batch> batches, boolean owned, List<AttributeReference> schema) {
    this.batches = batches;
    this.owned = owned;
    this.schema = schema;
    this.starts = new int[batches.size() + 1];
    this.data = new ArrowBuf[schema.size()][];
    this.validity = new ArrowBuf[schema.size()][];
    this.offsets = new ArrowBuf[schema.size()][];
    long total = 0;
    for (int b = 0; b < batches.size(); b++) {
      starts[b] = (int) total;
      total += batches.get(b).rowCount();
    }
    if (total > Integer.MAX_VALUE - 8) {
      close();
      throw new IllegalStateException("A join build side of " + total + " rows exceeds what one task can hold");
    }
    starts[batches.size()] = (int) total;
    int smallest = Integer.MAX_VALUE;
    for (int b = 0; b + 1 < batches.size(); b++) {
      smallest = Math.min(smallest, batches.get(b).rowCount());
    }
    // Blocks of at least 64 rows keep the lookup table at most 1/16 of a row's worth of ints.
    if (batches.size() > 1 && smallest >= 64) {
      blockShift = 31 - Integer.numberOfLeadingZeros(smallest);
      batchOfBlock = new int[(int) ((total >>> blockShift) + 1)];
      for (int i = 0, b = 0; i < batchOfBlock.length; i++) {
        long first = (long) i << blockShift;
        while (b + 1 < batches.size() && starts[b + 1] <= first) {
          b++;
        }
        batchOfBlock[i] = b;
      }
    } else {
      blockShift = 0;
      batchOfBlock = null;
    }
  }

  /** Reads the whole build side: drains and closes an owned operator; takes shared batches as they are. */
  static BuildRows load(BuildInput input, List<AttributeReference> schema, TaskContext ctx) {
    if (input instanceof BuildInput.Broadcast shared) {
      List<Batch> nonEmpty = new ArrayList<>();
      for (Batch b : shared.batches()) {
        if (b.rowCount() > 0) {
          nonEmpty.add(b);
        }
      }
      return new BuildRows(nonEmpty, false, schema);
    }
    BuildInput.Owned own = (BuildInput.Owned) input;
    List<Batch> batches = new ArrayList<>();
    try {
      Batch b;
      while ((b = own.operator().next()) != null) {
        batches.add(b);
        ctx.checkCancelled();
      }
    } catch (RuntimeException e) {
      batches.forEach(Batch::close);
      throw e;
    }
    return new BuildRows(batches, true, schema);
  }

  int rowCount() {
    return starts[batches.size()];
  }

  List<Batch> batches() {
    return batches;
  }

  int start(int batch) {
    return starts[batch];
  }

  /** Column {@code column} at global rows {@code rows[0..n)} (-1 = null) as a new vector. */
  FieldVector gather(int column, int[] rows, int n, BufferAllocator allocator) {
    if (batches.isEmpty()) {
      return VectorRanges.nulls(schema.get(column).name(), schema.get(column).dataType(), n, allocator);
    }
    if (batches.size() == 1) {
      return VectorRanges.gather(batches.get(0).column(column), rows, n, allocator);
    }
    FieldVector first = batches.get(0).column(column);
    if (first instanceof NullVector) {
      return new NullVector(first.getField(), n);
    }
    decode(rows, n);
    FieldVector out = Vectors.emptyLike(first, allocator);
    try {
      if (first instanceof BaseFixedWidthVector) {
        gatherFixed(column, (BaseFixedWidthVector) out, n);
      } else if (first instanceof BaseVariableWidthVector) {
        gatherVariable(column, (BaseVariableWidthVector) out, n);
      } else {
        out.setInitialCapacity(Math.max(n, 1));
        out.allocateNew();
        for (int i = 0; i < n; i++) {
          if (batchOf[i] >= 0) {
            out.copyFromSafe(localOf[i], i, batches.get(batchOf[i]).column(column));
          } else {
            while (out.getValueCapacity() <= i) {
              out.reAlloc();
            }
            setNull(out, i);
          }
        }
      }
      out.setValueCount(n);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private static void setNull(FieldVector v, int i) {
    if (v instanceof org.apache.arrow.vector.complex.ListVector l) {
      l.setNull(i);
    } else if (v instanceof org.apache.arrow.vector.complex.StructVector s) {
      s.setNull(i);
    } else {
      throw new IllegalStateException("Cannot write a null join row into " + v.getField());
    }
  }

  /** Splits global rows into (batch, row in batch); -1 stays -1. */
  private void decode(int[] rows, int n) {
    if (batchOf.length < n) {
      batchOf = new int[n];
      localOf = new int[n];
    }
    for (int i = 0; i < n; i++) {
      int r = rows[i];
      if (r < 0) {
        batchOf[i] = -1;
        continue;
      }
      int b = batchOfBlock != null ? batchOf(r) : search(r);
      batchOf[i] = b;
      localOf[i] = r - starts[b];
    }
  }

  private int batchOf(int row) {
    int b = batchOfBlock[row >>> blockShift];
    return row < starts[b + 1] ? b : b + 1;
  }

  private int search(int row) {
    int lo = 0;
    int hi = batches.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= row) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Fixed-width values, booleans included (their width is 0: one bit). */
  private void gatherFixed(int column, BaseFixedWidthVector out, int n) {
    int width = out instanceof BitVector ? 0 : out.getTypeWidth();
    out.allocateNew(Math.max(n, 1));
    ArrowBuf od = out.getDataBuffer();
    ArrowBuf ov = out.getValidityBuffer();
    ArrowBuf[] data = buffers(this.data, column, FieldVector::getDataBuffer);
    ArrowBuf[] valid = buffers(validity, column, FieldVector::getValidityBuffer);
    for (int i = 0; i < n; i++) {
      int b = batchOf[i];
      if (b < 0) {
        continue;
      }
      int r = localOf[i];
      if (BitVectorHelper.get(valid[b], r) != 0) {
        // Longs and ints (bigint, double, date...) as one load and store rather than a copy call each.
        if (width == 8) {
          od.setLong((long) i * 8, data[b].getLong((long) r * 8));
        } else if (width == 4) {
          od.setInt((long) i * 4, data[b].getInt((long) r * 4));
        } else if (width == 0) {
          if (BitVectorHelper.get(data[b], r) != 0) {
            BitVectorHelper.setBit(od, i);
          }
        } else {
          od.setBytes((long) i * width, data[b], (long) r * width, width);
        }
        BitVectorHelper.setBit(ov, i);
      }
    }
  }

  /** One buffer of column {@code column} of every batch, looked up on first use into {@code cache}. */
  private ArrowBuf[] buffers(ArrowBuf[][] cache, int column, Function<FieldVector, ArrowBuf> buffer) {
    if (cache[column] == null) {
      ArrowBuf[] out = new ArrowBuf[batches.size()];
      for (int b = 0; b < out.length; b++) {
        out[b] = buffer.apply(batches.get(b).column(column));
      }
      cache[column] = out;
    }
    return cache[column];
  }

  private void gatherVariable(int column, BaseVariableWidthVector out, int n) {
    ArrowBuf[] data = buffers(this.data, column, FieldVector::getDataBuffer);
    ArrowBuf[] offsets = buffers(this.offsets, column, FieldVector::getOffsetBuffer);
    ArrowBuf[] valid = buffers(validity, column, FieldVector::getValidityBuffer);
    long total = 0;
    for (int i = 0; i < n; i++) {
      int b = batchOf[i];
      if (b >= 0 && BitVectorHelper.get(valid[b], localOf[i]) != 0) {
        int r = localOf[i];
        total += offsets[b].getInt((long) (r + 1) * 4) - offsets[b].getInt((long) r * 4);
      }
    }
    out.allocateNew(Math.max(total, 1), Math.max(n, 1));
    ArrowBuf od = out.getDataBuffer();
    ArrowBuf oo = out.getOffsetBuffer();
    ArrowBuf ov = out.getValidityBuffer();
    int pos = 0;
    oo.setInt(0, 0);
    for (int i = 0; i < n; i++) {
      int b = batchOf[i];
      if (b >= 0 && BitVectorHelper.get(valid[b], localOf[i]) != 0) {
        int r = localOf[i];
        int start = offsets[b].getInt((long) r * 4);
        int len = offsets[b].getInt((long) (r + 1) * 4) - start;
        od.setBytes(pos, data[b], start, len);
        pos += len;
        BitVectorHelper.setBit(ov, i);
      }
      oo.setInt((long) (i + 1) * 4, pos);
    }
    out.setLastSet(n - 1);
  }

  @Override
  public void close() {
    if (owned) {
      batches.forEach(Batch::close);
    }
    batches.clear();
  }
}
