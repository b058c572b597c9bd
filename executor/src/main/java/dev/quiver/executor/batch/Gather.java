package dev.quiver.executor.batch;

import java.util.ArrayList;
import java.util.List;
import dev.quiver.executor.expressions.vectors.Bits;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Builds new vectors from chosen rows of existing ones: the workhorse of filter, sort, join and exchange.
 * Fixed-width and variable-width vectors are copied with bulk buffer access; nested vectors fall back to
 * Arrow's per-row copy.
 */
public final class Gather {
  private Gather() {}

  /** A new vector holding {@code src[indices[0..count)]}, in that order; index -1 means null. */
  public static FieldVector gather(FieldVector src, int[] indices, int count, BufferAllocator allocator) {
    return gather(src, indices, count, null, allocator);
  }

  /** As above; {@code shape} is the indices' shape when the caller already has it (one per batch), or null. */
  private static FieldVector gather(FieldVector src, int[] indices, int count, IndexShape shape,
      BufferAllocator allocator) {
    FieldVector out = Vectors.emptyLike(src, allocator);
    if (src instanceof BaseFixedWidthVector f && !(src instanceof BitVector)) {
      gatherFixed(f, (BaseFixedWidthVector) out, indices, count,
          shape != null ? shape : new IndexShape(indices, count));
    } else if (src instanceof BaseVariableWidthVector v) {
      gatherVariable(v, (BaseVariableWidthVector) out, indices, count,
          shape != null ? shape : new IndexShape(indices, count));
    } else {
      out.setInitialCapacity(Math.max(count, 1));
      out.allocateNew();
      for (int i = 0; i < count; i++) {
        int from = indices[i];
        if (from < 0) {
          setNullGeneric(out, i);
        } else {
          out.copyFromSafe(from, i, src);
        }
      }
    }
    out.setValueCount(count);
    return out;
  }

  /**
   * Copies by address: every chosen row's value is copied whether or not it is null (a null slot's value is
   * unspecified in Arrow) and its validity bit is copied as a bit, so the loop has no data-dependent branch.
   * A source without nulls skips the bits (the output is all valid but for index -1), and indices that are
   * mostly long runs of consecutive rows (a filter keeping most rows) are copied a run at a time.
   */
  private static void gatherFixed(BaseFixedWidthVector src, BaseFixedWidthVector out, int[] idx, int count,
      IndexShape shape) {
    int width = src.getTypeWidth();
    out.allocateNew(Math.max(count, 1));
    ArrowBuf ov = out.getValidityBuffer();
    ov.setZero(0, ov.capacity());
    long sd = src.getDataBufferAddress();
    long od = out.getDataBufferAddress();
    long sv = src.getValidityBufferAddress();
    long ova = out.getValidityBufferAddress();
    if (shape.noNullsIn(src)) {
      Bits.setAll(ova, count);
      if (shape.runHeavy) {
        forEachRun(idx, count, (from, at, n) ->
            MemoryCopy.copy(sd + (long) width * from, od + (long) width * at, width * n));
        return;
      }
      gatherFixedNoNulls(sd, od, ova, width, idx, count);
      return;
    }
    switch (width) {
      case 4:
        for (int i = 0; i < count; i++) {
          int from = idx[i];
          if (from >= 0) {
            MemoryUtil.putInt(od + 4L * i, MemoryUtil.getInt(sd + 4L * from));
            copyBit(sv, from, ova, i);
          }
        }
        break;
      case 8:
        for (int i = 0; i < count; i++) {
          int from = idx[i];
          if (from >= 0) {
            MemoryUtil.putLong(od + 8L * i, MemoryUtil.getLong(sd + 8L * from));
            copyBit(sv, from, ova, i);
          }
        }
        break;
      default:
        for (int i = 0; i < count; i++) {
          int from = idx[i];
          if (from >= 0) {
            MemoryUtil.copyMemory(sd + (long) width * from, od + (long) width * i, width);
            copyBit(sv, from, ova, i);
          }
        }
        break;
    }
  }

  /** The no-nulls row-by-row copy: validity is already all set; index -1 clears its bit. */
  private static void gatherFixedNoNulls(long sd, long od, long ova, int width, int[] idx, int count) {
    switch (width) {
      case 4:
        for (int i = 0; i < count; i++) {
          int from = idx[i];
          if (from >= 0) {
            MemoryUtil.putInt(od + 4L * i, MemoryUtil.getInt(sd + 4L * from));
          } else {
            Bits.clear(ova, i);
          }
        }
        break;
      case 8:
        for (int i = 0; i < count; i++) {
          int from = idx[i];
          if (from >= 0) {
            MemoryUtil.putLong(od + 8L * i, MemoryUtil.getLong(sd + 8L * from));
          } else {
            Bits.clear(ova, i);
          }
        }
        break;
      default:
        for (int i = 0; i < count; i++) {
          int from = idx[i];
          if (from >= 0) {
            MemoryUtil.copyMemory(sd + (long) width * from, od + (long) width * i, width);
          } else {
            Bits.clear(ova, i);
          }
        }
        break;
    }
  }

  /** ORs validity bit {@code from} at {@code src} into bit {@code to} at {@code dst}, which starts cleared. */
  private static void copyBit(long src, int from, long dst, int to) {
    int bit = (MemoryUtil.getByte(src + (from >>> 3)) >>> (from & 7)) & 1;
    long at = dst + (to >>> 3);
    MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (bit << (to & 7))));
  }

  /** A run of {@code n} consecutive source rows from {@code from} going to output rows from {@code at}. */
  @FunctionalInterface
  private interface RunCopy {
    void copy(int from, int at, int n);
  }

  /** What one pass over the indices tells: the largest, whether any is -1, whether they run long. */
  private static final class IndexShape {
    final int max;
    final boolean missing;
    /** All non-negative, in runs of consecutive rows averaging at least 16: copying run by run pays. */
    final boolean runHeavy;

    IndexShape(int[] idx, int count) {
      int breaks = 0;
      int prev = -2;
      int largest = -1;
      boolean anyMissing = false;
      for (int i = 0; i < count; i++) {
        int from = idx[i];
        anyMissing |= from < 0;
        largest = Math.max(largest, from);
        breaks += from != prev + 1 ? 1 : 0;
        prev = from;
      }
      max = largest;
      missing = anyMissing;
      runHeavy = !anyMissing && count >= 64 && breaks * 16 <= count;
    }

    /**
     * Whether no chosen row of {@code src} is null. Arrow counts nulls up to the value count only, and some
     * vectors (aggregate states) are read past it, so a chosen row beyond the count cannot be vouched for.
     */
    boolean noNullsIn(FieldVector src) {
      return max < src.getValueCount() && src.getNullCount() == 0;
    }
  }

  private static void forEachRun(int[] idx, int count, RunCopy copy) {
    int i = 0;
    while (i < count) {
      int start = i;
      int from = idx[i];
      i++;
      while (i < count && idx[i] == from + (i - start)) {
        i++;
      }
      copy.copy(from, start, i - start);
    }
  }

  private static void gatherVariable(BaseVariableWidthVector src, BaseVariableWidthVector out, int[] idx,
      int count, IndexShape shape) {
    if (shape.runHeavy && shape.noNullsIn(src)) {
      gatherVariableRuns(src, out, idx, count);
      return;
    }
    ArrowBuf so = src.getOffsetBuffer();
    ArrowBuf sv = src.getValidityBuffer();
    long total = 0;
    for (int i = 0; i < count; i++) {
      int from = idx[i];
      if (from >= 0 && BitVectorHelper.get(sv, from) != 0) {
        total += so.getInt((long) (from + 1) * 4) - so.getInt((long) from * 4);
      }
    }
    out.allocateNew(Math.max(total, 1), Math.max(count, 1));
    // By address: the sizes above bound every write (allocateNew gave room for total bytes, count values).
    long sd = src.getDataBuffer().memoryAddress();
    long od = out.getDataBuffer().memoryAddress();
    ArrowBuf oo = out.getOffsetBuffer();
    ArrowBuf ov = out.getValidityBuffer();
    ov.setZero(0, ov.capacity());
    int pos = 0;
    oo.setInt(0, 0);
    for (int i = 0; i < count; i++) {
      int from = idx[i];
      if (from >= 0 && BitVectorHelper.get(sv, from) != 0) {
        int start = so.getInt((long) from * 4);
        int len = so.getInt((long) (from + 1) * 4) - start;
        MemoryCopy.copy(sd + start, od + pos, len);
        pos += len;
        BitVectorHelper.setBit(ov, i);
      }
      oo.setInt((long) (i + 1) * 4, pos);
    }
    out.setLastSet(count - 1);
  }

  /** A source without nulls, indices in long runs: each run's bytes are one copy, its offsets shifted. */
  private static void gatherVariableRuns(BaseVariableWidthVector src, BaseVariableWidthVector out, int[] idx,
      int count) {
    long so = src.getOffsetBufferAddress();
    long[] total = {0};
    forEachRun(idx, count, (from, at, n) ->
        total[0] += MemoryUtil.getInt(so + 4L * (from + n)) - MemoryUtil.getInt(so + 4L * from));
    out.allocateNew(Math.max(total[0], 1), Math.max(count, 1));
    long sd = src.getDataBufferAddress();
    long od = out.getDataBufferAddress();
    long oo = out.getOffsetBufferAddress();
    ArrowBuf ov = out.getValidityBuffer();
    ov.setZero(0, ov.capacity());
    Bits.setAll(out.getValidityBufferAddress(), count);
    MemoryUtil.putInt(oo, 0);
    int[] end = {0};
    forEachRun(idx, count, (from, at, n) -> {
      int first = MemoryUtil.getInt(so + 4L * from);
      int last = MemoryUtil.getInt(so + 4L * (from + n));
      MemoryCopy.copy(sd + first, od + end[0], last - first);
      int shift = end[0] - first;
      for (int k = 1; k <= n; k++) {
        MemoryUtil.putInt(oo + 4L * (at + k), MemoryUtil.getInt(so + 4L * (from + k)) + shift);
      }
      end[0] += last - first;
    });
    out.setLastSet(count - 1);
  }

  private static void setNullGeneric(FieldVector v, int i) {
    while (v.getValueCapacity() <= i) {
      v.reAlloc();
    }
    if (v instanceof org.apache.arrow.vector.complex.ListVector l) {
      l.setNull(i);
    } else if (v instanceof org.apache.arrow.vector.complex.StructVector s) {
      s.setNull(i);
    } else if (v instanceof BitVector b) {
      b.setNull(i);
    } else {
      InternalValues.write(v, i, null);
    }
  }

  /** A new batch of the chosen rows of every column. */
  public static Batch gather(Batch batch, int[] indices, int count, BufferAllocator allocator) {
    List<FieldVector> cols = new ArrayList<>(batch.numColumns());
    IndexShape shape = new IndexShape(indices, count);
    try {
      for (FieldVector v : batch.columns()) {
        cols.add(gather(v, indices, count, shape, allocator));
      }
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
    return new Batch(cols, count);
  }

  /** A zero-copy view of rows {@code [start, start+length)} sharing buffers with {@code src}. */
  public static FieldVector slice(FieldVector src, int start, int length, BufferAllocator allocator) {
    TransferPair tp = src.getTransferPair(allocator);
    tp.splitAndTransfer(start, length);
    return (FieldVector) tp.getTo();
  }

  public static Batch slice(Batch batch, int start, int length, BufferAllocator allocator) {
    List<FieldVector> cols = new ArrayList<>(batch.numColumns());
    for (FieldVector v : batch.columns()) {
      cols.add(slice(v, start, length, allocator));
    }
    return new Batch(cols, length);
  }

  /**
   * Concatenates batches of the same schema into one (copying). Fixed- and variable-width columns are copied a
   * batch's buffer at a time; a per-row Arrow {@code copyFromSafe} here (every shuffle's partition buffers
   * come through) was the call chain a JFR profile found running interpreted for seconds in slow launches.
   */
  public static Batch concat(List<Batch> batches, BufferAllocator allocator) {
    int total = 0;
    for (Batch b : batches) {
      total += b.rowCount();
    }
    List<FieldVector> cols = new ArrayList<>();
    try {
      int numCols = batches.get(0).numColumns();
      for (int c = 0; c < numCols; c++) {
        FieldVector first = batches.get(0).column(c);
        FieldVector out = Vectors.emptyLike(first, allocator);
        cols.add(out);
        if (first instanceof BaseFixedWidthVector && !(first instanceof BitVector)) {
          concatFixed(batches, c, (BaseFixedWidthVector) out, total);
        } else if (first instanceof BaseVariableWidthVector) {
          concatVariable(batches, c, (BaseVariableWidthVector) out, total);
        } else {
          out.setInitialCapacity(Math.max(total, 1));
          out.allocateNew();
          int at = 0;
          for (Batch b : batches) {
            FieldVector src = b.column(c);
            for (int i = 0; i < b.rowCount(); i++) {
              out.copyFromSafe(i, at++, src);
            }
          }
        }
        out.setValueCount(total);
      }
    } catch (RuntimeException | Error e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
    return new Batch(cols, total);
  }

  private static void concatFixed(List<Batch> batches, int c, BaseFixedWidthVector out, int total) {
    out.allocateNew(Math.max(total, 1));
    int width = out.getTypeWidth();
    long od = out.getDataBufferAddress();
    long ov = out.getValidityBufferAddress();
    int at = 0;
    for (Batch b : batches) {
      int n = b.rowCount();
      if (n == 0) {
        continue;
      }
      BaseFixedWidthVector src = (BaseFixedWidthVector) b.column(c);
      MemoryUtil.copyMemory(src.getDataBufferAddress(), od + (long) at * width, (long) n * width);
      copyValidity(src, ov, at, n);
      at += n;
    }
  }

  private static void concatVariable(List<Batch> batches, int c, BaseVariableWidthVector out, int total) {
    long bytes = 0;
    for (Batch b : batches) {
      int n = b.rowCount();
      if (n > 0) {
        BaseVariableWidthVector src = (BaseVariableWidthVector) b.column(c);
        bytes += src.getEndOffset(n - 1) - src.getStartOffset(0);
      }
    }
    out.allocateNew(Math.max(bytes, 1), Math.max(total, 1));
    long oo = out.getOffsetBufferAddress();
    long od = out.getDataBufferAddress();
    long ov = out.getValidityBufferAddress();
    MemoryUtil.putInt(oo, 0);
    int at = 0;
    int end = 0;
    for (Batch b : batches) {
      int n = b.rowCount();
      if (n == 0) {
        continue;
      }
      BaseVariableWidthVector src = (BaseVariableWidthVector) b.column(c);
      long so = src.getOffsetBufferAddress();
      int first = MemoryUtil.getInt(so);
      int last = MemoryUtil.getInt(so + 4L * n);
      MemoryUtil.copyMemory(src.getDataBufferAddress() + first, od + end, last - first);
      int shift = end - first;
      for (int i = 1; i <= n; i++) {
        MemoryUtil.putInt(oo + 4L * (at + i), MemoryUtil.getInt(so + 4L * i) + shift);
      }
      copyValidity(src, ov, at, n);
      end += last - first;
      at += n;
    }
    out.setLastSet(total - 1);
  }

  /** Copies the first n validity bits of {@code vector} to bit {@code at} of {@code dst}. */
  private static void copyValidity(FieldVector vector, long dst, int at, int n) {
    if (vector.getNullCount() == 0 && (at & 7) == 0) {
      Bits.setAll(dst + (at >>> 3), n);
    } else {
      Bits.copy(vector.getValidityBufferAddress(), 0, dst, at, n);
    }
  }
}
